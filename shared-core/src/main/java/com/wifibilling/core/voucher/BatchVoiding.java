package com.wifibilling.core.voucher;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wifibilling.core.Page;

/**
 * Voids a batch's unused codes ({@code unused → void}, one conditional write each, so a code redeemed meanwhile stays
 * used). One call handles at most {@link #MAX_PER_CALL} codes so it fits an API request; it answers where to go on, and
 * the caller repeats with that cursor until {@code nextCursor} is null. Repeating a call is harmless.
 */
public final class BatchVoiding {
    public static final int MAX_PER_CALL = 500;
    private static final int PAGE = 100;

    private final VoucherBatches batches;
    private final VoucherStore vouchers;

    public BatchVoiding(VoucherBatches batches, VoucherStore vouchers) {
        this.batches = batches;
        this.vouchers = vouchers;
    }

    /** What one call did: codes voided now, codes left as they were (used or already void), and where to go on. */
    public record Progress(String batchId, int voided, int unchanged, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {}

    public Progress voidBatch(String batchId, String cursor) {
        batches.find(batchId); // 400 for a malformed id, 404 for an unknown batch
        int voided = 0;
        int unchanged = 0;
        String at = cursor;
        do {
            Page<Voucher> page = vouchers.byBatch(batchId, PAGE, at);
            for (Voucher v : page.items()) {
                if (v.status() == VoucherStatus.UNUSED && vouchers.voidUnused(v.code())) voided++;
                else unchanged++;
            }
            at = page.nextCursor();
        } while (at != null && voided + unchanged < MAX_PER_CALL);
        return new Progress(batchId, voided, unchanged, at);
    }
}
