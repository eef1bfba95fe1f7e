package com.wifibilling.core.voucher;

import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.pkg.PackageStore;
import com.wifibilling.core.pkg.TimePackage;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voucher orders (the auth/vouchers issue): up to {@value #SYNC_LIMIT} codes are generated while the operator
 * waits, so they are listable when the order is answered; larger orders are recorded, queued and generated in
 * the background, with progress on the batch. The background run is safe to repeat (SQS redelivers): it counts
 * what is already stored and makes only the rest.
 */
public final class VoucherBatches {
    public static final int SYNC_LIMIT = 1_000;
    /** The batch item's progress is written every this many codes: cheap, and fine-grained enough for a bar. */
    private static final int PROGRESS_EVERY = 250;
    private static final Logger log = LoggerFactory.getLogger(VoucherBatches.class);

    private final VoucherBatchStore batches;
    private final VoucherGenerator generator;
    private final VoucherBatchQueue queue;
    private final PackageStore packages;
    private final Clock clock;

    public VoucherBatches(VoucherBatchStore batches, VoucherGenerator generator, VoucherBatchQueue queue, PackageStore packages,
                          Clock clock) {
        this.batches = batches;
        this.generator = generator;
        this.queue = queue;
        this.packages = packages;
        this.clock = clock;
    }

    /** Returns the batch: done for a small order, running (queued) for a large one. 400 for an unknown package. */
    public VoucherBatch order(VoucherOrder order, String createdBy) {
        packages.find(order.packageId()).filter(TimePackage::active).orElseThrow(() ->
                ApiException.badRequest("UNKNOWN_PACKAGE", "There is no package '" + order.packageId() + "' on sale"));
        String batchId = "b-" + UUID.randomUUID();
        VoucherBatch batch = VoucherBatch.ordered(batchId, order, createdBy, clock.instant());
        if (!batches.create(batch)) throw new IllegalStateException("A fresh batchId already exists");
        if (order.count() > SYNC_LIMIT) {
            queue.enqueue(batchId);
            log.atInfo().addKeyValue("batchId", batchId).addKeyValue("count", order.count()).log("vouchers.batch-queued");
            return batch;
        }
        return run(batch);
    }

    /** Returns the batch as recorded; 404 {@code NOT_FOUND} for an unknown id. */
    public VoucherBatch find(String batchId) {
        if (batchId == null || !batchId.matches("[a-z0-9-]{1,64}")) throw ApiException.invalidField("batchId", "batchId is the id an order answered");
        return batches.find(batchId).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "There is no such batch"));
    }

    /** Generates what a queued batch still lacks (the background worker); a done batch is left as it is. */
    public VoucherBatch runQueued(String batchId) {
        VoucherBatch batch = batches.find(batchId).orElseThrow(() -> new IllegalStateException("Queued batch " + batchId + " does not exist"));
        return batch.status() == VoucherBatch.Status.DONE ? batch : run(batch); // a failed run is tried again on redelivery
    }

    private VoucherBatch run(VoucherBatch batch) {
        int stored = batches.countCodes(batch.batchId());
        int missing = batch.count() - stored;
        try {
            if (missing > 0) {
                VoucherOrder rest = new VoucherOrder(batch.packageId(), missing, batch.prefix(), batch.length(), batch.validDays());
                AtomicInteger reported = new AtomicInteger(stored);
                generator.generate(rest, batch.batchId(), batch.createdBy(), made -> {
                    int total = stored + made;
                    if (total % PROGRESS_EVERY == 0 && reported.getAndAccumulate(total, Math::max) < total) batches.progress(batch.batchId(), total);
                });
            }
        } catch (RuntimeException failed) {
            batches.finish(batch.batchId(), VoucherBatch.Status.FAILED, batches.countCodes(batch.batchId()), clock.instant());
            throw failed;
        }
        batches.finish(batch.batchId(), VoucherBatch.Status.DONE, batch.count(), clock.instant());
        return batches.find(batch.batchId()).orElseThrow();
    }
}
