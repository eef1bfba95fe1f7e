package com.wifibilling.core.voucher;

import com.wifibilling.core.session.AccessCodeMint;
import com.wifibilling.core.session.Grant;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Mints the access code of a new paid session (DESIGN §4 Vouchers: purchase codes share one namespace with sold
 * vouchers): a fresh {@link AccessCode}, created in the Vouchers table as kind {@code purchase}, already used by the
 * grant's device and session. The create is conditional, so a collision with any existing code is drawn again,
 * never overwritten.
 *
 * <p>The item has no {@code ttl}: an extension keeps the code, so, as for the Logins item, a TTL fixed at creation
 * could delete it under a session still being paid for.
 */
public final class PurchaseCodes implements AccessCodeMint {
    /** 31¹⁰ codes: a second collision in a row would mean a broken random source, not bad luck. */
    static final int ATTEMPTS = 5;

    private final VoucherStore vouchers;
    private final Supplier<AccessCode> codes;

    public PurchaseCodes(VoucherStore vouchers) {
        this(vouchers, AccessCode::generate);
    }

    PurchaseCodes(VoucherStore vouchers, Supplier<AccessCode> codes) {
        this.vouchers = vouchers;
        this.codes = codes;
    }

    @Override
    public String mint(Grant grant, String sessionId, Instant at) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String code = codes.get().value();
            var minted = new Voucher(code, VoucherKind.PURCHASE, VoucherStatus.USED, null, grant.granted().packageId(),
                    grant.seconds(), grant.deviceKey(), sessionId, at, null, at, null, null);
            if (vouchers.create(minted)) return code;
        }
        throw new IllegalStateException("No unused access code in " + ATTEMPTS + " draws");
    }
}
