package com.wifibilling.core.voucher;

import com.wifibilling.core.Page;
import com.wifibilling.core.session.DeviceKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Vouchers table (DESIGN §4): sold vouchers and purchase codes. Each change of status is one conditional
 * update, so two devices racing for one code get one winner.
 */
public interface VoucherStore {
    /** Returns false, writing nothing, when the code already exists (a collision: draw another code). */
    boolean create(Voucher voucher);

    /**
     * Returns the codes that already existed and were therefore not written; every other voucher was created.
     * Each is its own create-if-absent write, so a failure part-way leaves the earlier ones written: retrying
     * the whole list is safe, as the ones already written come back as collisions of their own.
     */
    List<String> createAll(List<Voucher> vouchers);

    /** Returns the voucher, read strongly consistent. */
    Optional<Voucher> find(String code);

    /**
     * Returns what redeeming the code for {@code deviceKey} at {@code now} found: only an unused code still
     * valid at {@code now} becomes used (with {@code sessionId} when given), in one conditional write; every
     * other outcome writes nothing.
     */
    Redemption redeem(String code, DeviceKey deviceKey, String sessionId, Instant now);

    /**
     * Returns true for the one caller that confirms the grant of a used voucher (DESIGN §4 step 4: it records
     * {@code grantConfirmedAt}); false when it was confirmed already or is not used. Only that caller counts it.
     */
    boolean confirmGrant(String code, Instant at);

    /** Returns true when the unused code is now void; false, writing nothing, when it was not unused. */
    boolean voidUnused(String code);

    /** Returns a batch's vouchers in code order (batch-index). */
    Page<Voucher> byBatch(String batchId, int limit, String cursor);

    /** Returns the codes of one kind in one status, newest first (status-index). */
    Page<Voucher> byStatus(VoucherKind kind, VoucherStatus status, int limit, String cursor);
}
