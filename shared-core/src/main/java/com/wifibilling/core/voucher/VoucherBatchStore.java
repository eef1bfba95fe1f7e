package com.wifibilling.core.voucher;

import java.time.Instant;
import java.util.Optional;

/** Where voucher batches are recorded (kept beside their codes in the Vouchers table). */
public interface VoucherBatchStore {
    /** Returns false, writing nothing, when a batch with that id exists. */
    boolean create(VoucherBatch batch);

    /** Returns the batch, strongly consistent. */
    Optional<VoucherBatch> find(String batchId);

    /** Records that at least {@code created} codes are stored (never moves backwards). */
    void progress(String batchId, int created);

    /**
     * Returns true when the batch, not done yet, is now {@code status} (done, or failed — a failed batch may be run
     * again) with {@code created} codes at {@code at}; false when it was done already.
     */
    boolean finish(String batchId, VoucherBatch.Status status, int created, Instant at);

    /** Returns how many codes of the batch are stored, counted from the batch index (exact, for a restart). */
    int countCodes(String batchId);
}
