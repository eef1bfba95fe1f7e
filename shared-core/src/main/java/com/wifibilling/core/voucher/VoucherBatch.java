package com.wifibilling.core.voucher;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One generation order as the operator sees it (the auth/vouchers issue): what was ordered, by whom, and how far it
 * got — {@code created} codes stored so far, {@code status} running until all are (or it failed). Small batches
 * are done when the order is answered; large ones are generated in the background and polled.
 */
public record VoucherBatch(String batchId, String packageId, int count, String prefix, int length, Integer validDays,
                           Status status, int created, String createdBy, Instant createdAt, Instant completedAt) {
    public enum Status { RUNNING, DONE, FAILED }

    public VoucherBatch {
        if (batchId == null || !batchId.matches("[a-z0-9-]{1,64}")) throw new IllegalArgumentException("batchId is 1-64 of [a-z0-9-]");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(status, "status");
        if (created < 0 || created > count) throw new IllegalArgumentException("created is between 0 and count");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
        completedAt = completedAt == null ? null : completedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Returns a batch just ordered: running, nothing stored yet. */
    public static VoucherBatch ordered(String batchId, VoucherOrder order, String createdBy, Instant at) {
        return new VoucherBatch(batchId, order.packageId(), order.count(), order.prefix(), order.length(), order.validDays(),
                Status.RUNNING, 0, createdBy, at, null);
    }

    /** Returns the order this batch was made from. */
    public VoucherOrder order() {
        return new VoucherOrder(packageId, count, prefix, length, validDays);
    }
}
