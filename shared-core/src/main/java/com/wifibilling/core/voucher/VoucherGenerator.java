package com.wifibilling.core.voucher;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.pkg.PackageStore;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.stats.StatsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a batch of sold vouchers (the auth/vouchers issue): codes from a {@code SecureRandom} over the alphabet
 * without look-alikes, with the check character (see {@link CodeFormat}), each stored by its own
 * create-if-absent write so a collision — with another voucher or a purchase code, which share the table — is
 * drawn again, never overwritten. Writes run {@code parallelism} at a time on virtual threads (each one waits on
 * the network, not the CPU). Unused codes get {@code validUntil} = now + validDays; their time starts at first use.
 */
public final class VoucherGenerator {
    /** A fresh code colliding this often in a row means the table or the random source is broken, not luck. */
    private static final int MAX_DRAWS = 5;
    private static final Logger log = LoggerFactory.getLogger(VoucherGenerator.class);

    private final VoucherStore vouchers;
    private final PackageStore packages;
    private final StatsStore stats;
    private final Metrics metrics;
    private final Clock clock;
    private final int parallelism;

    public VoucherGenerator(VoucherStore vouchers, PackageStore packages, StatsStore stats, Metrics metrics, Clock clock,
                            int parallelism) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism is at least 1");
        this.vouchers = vouchers;
        this.packages = packages;
        this.stats = stats;
        this.metrics = metrics;
        this.clock = clock;
        this.parallelism = parallelism;
    }

    /**
     * Returns the batch once every code is stored, in the order made; {@code progress} hears the number stored so
     * far (from any thread). 400 {@code UNKNOWN_PACKAGE} for a package that does not exist or is not on sale.
     */
    public GeneratedBatch generate(VoucherOrder order, String batchId, String createdBy, IntConsumer progress) {
        TimePackage sold = packages.find(order.packageId()).filter(TimePackage::active).orElseThrow(() ->
                ApiException.badRequest("UNKNOWN_PACKAGE", "There is no package '" + order.packageId() + "' on sale"));
        Instant now = clock.instant();
        Instant validUntil = order.validDays() == null ? null : now.plus(Duration.ofDays(order.validDays()));
        AtomicInteger stored = new AtomicInteger();
        List<Future<String>> pending = new ArrayList<>(order.count());
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            var permits = new Semaphore(parallelism);
            for (int i = 0; i < order.count(); i++) {
                pending.add(workers.submit(() -> {
                    permits.acquire();
                    try {
                        String code = store(order, sold, batchId, createdBy, now, validUntil);
                        progress.accept(stored.incrementAndGet());
                        return code;
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<String> codes = new ArrayList<>(order.count());
            for (Future<String> code : pending) codes.add(code.get());
            stats.add(StatsKey.day(BusinessDay.of(now)), Map.of(Counter.VOUCHERS_GENERATED, (long) codes.size()));
            metrics.add("VouchersGenerated", codes.size());
            log.atInfo().addKeyValue("batchId", batchId).addKeyValue("packageId", sold.packageId()).addKeyValue("count", codes.size())
                    .log("vouchers.generated");
            return new GeneratedBatch(batchId, sold.packageId(), codes, validUntil, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating batch " + batchId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Batch " + batchId + " stopped after " + stored.get() + " codes", e.getCause());
        }
    }

    private String store(VoucherOrder order, TimePackage sold, String batchId, String createdBy, Instant now, Instant validUntil) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            AccessCode code = AccessCode.generate(order.prefix(), order.length());
            if (vouchers.create(Voucher.unused(code.value(), batchId, sold.packageId(), sold.durationSeconds(), validUntil, now,
                    createdBy, null))) return code.value();
        }
        throw new IllegalStateException(MAX_DRAWS + " fresh codes in a row already existed in batch " + batchId);
    }

    /** A stored batch: its codes in canonical form (show them with {@link CodeFormat#display}). */
    public record GeneratedBatch(String batchId, String packageId, List<String> codes, Instant validUntil, Instant createdAt) {
        public GeneratedBatch {
            codes = List.copyOf(codes);
        }

        @Override
        public String toString() {
            return "GeneratedBatch[" + batchId + ", " + codes.size() + " codes of " + packageId + "]";
        }
    }
}
