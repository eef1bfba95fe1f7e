package com.wifibilling.core.voucher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbVoucherBatchStore;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.store.TestTables;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Voucher orders on dynalite: small ones done while the operator waits, large ones queued and finished exactly. */
@ExtendWith(DynaliteExtension.class)
class VoucherBatchesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final TimePackage HOUR = new TimePackage("batch-hour", "1 hour", "", 60, 2, 2, 20, true, 1);

    private final TestClock clock = new TestClock(NOW);
    private final List<String> queued = new CopyOnWriteArrayList<>();
    private final DynamoDbVoucherStore vouchers;
    private final DynamoDbVoucherBatchStore batchStore;
    private final VoucherGenerator generator;
    private final VoucherBatches batches;

    VoucherBatchesTest(TestTables tables) {
        vouchers = new DynamoDbVoucherStore(tables.client(), tables.name("VouchersTable"));
        batchStore = new DynamoDbVoucherBatchStore(tables.client(), tables.name("VouchersTable"));
        var packages = new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable"));
        packages.create(HOUR);
        generator = new VoucherGenerator(vouchers, packages, new DynamoDbStatsStore(tables.client(), tables.name("StatsTable")),
                new Metrics("test", clock, line -> { }), clock, 32);
        batches = new VoucherBatches(batchStore, generator, queued::add, packages, clock);
    }

    @Test
    void aSmallOrderIsDoneAndListableWhenItIsAnswered() {
        VoucherBatch batch = batches.order(new VoucherOrder("batch-hour", 40, null, null, 7), "admin-1");
        assertEquals(List.of(VoucherBatch.Status.DONE, 40, 40), List.of(batch.status(), batch.created(), batchStore.countCodes(batch.batchId())));
        assertEquals(List.of(), queued);
        assertEquals(batch, batches.find(batch.batchId()));
        assertEquals(40, vouchers.byBatch(batch.batchId(), 100, null).items().size(), "the batch item is not one of its codes");
    }

    @Test
    void voidingABatchVoidsItsUnusedCodesInBoundedCallsAndLeavesUsedOnes() {
        VoucherBatch batch = batches.order(new VoucherOrder("batch-hour", 620, null, null, 7), "admin-1");
        String used = vouchers.byBatch(batch.batchId(), 1, null).items().getFirst().code();
        assertEquals(Redemption.Outcome.REDEEMED, vouchers.redeem(used, new DeviceKey("gw-void", Mac.parse("02:00:00:00:00:77")), "s-void-1",
                clock.instant()).outcome());
        var voiding = new BatchVoiding(batches, vouchers);
        var first = voiding.voidBatch(batch.batchId(), null);
        assertEquals(List.of(499, 1), List.of(first.voided(), first.unchanged()));
        var second = voiding.voidBatch(batch.batchId(), first.nextCursor());
        assertEquals(List.of(120, 0), List.of(second.voided(), second.unchanged()));
        assertEquals(null, second.nextCursor());
        assertEquals(VoucherStatus.USED, vouchers.find(used).orElseThrow().status());
        var again = voiding.voidBatch(batch.batchId(), null);
        assertEquals(List.of(0, 500), List.of(again.voided(), again.unchanged()), "repeating is harmless");
        assertEquals(404, assertThrows(ApiException.class, () -> voiding.voidBatch("no-such-batch", null)).status());
    }

    @Test
    void aLargeOrderIsQueuedAndARepeatedRunMakesOnlyWhatIsMissing() {
        VoucherBatch ordered = batches.order(new VoucherOrder("batch-hour", 1_100, "QA", null, null), "admin-1");
        assertEquals(List.of(VoucherBatch.Status.RUNNING, 0, List.of(ordered.batchId())), List.of(ordered.status(), ordered.created(), queued));

        // A first worker stored 300 codes and died; the redelivered message finishes the batch.
        generator.generate(new VoucherOrder("batch-hour", 300, "QA", null, null), ordered.batchId(), "admin-1", n -> { });
        VoucherBatch done = batches.runQueued(ordered.batchId());

        assertEquals(List.of(VoucherBatch.Status.DONE, 1_100, 1_100), List.of(done.status(), done.created(), batchStore.countCodes(ordered.batchId())));
        assertTrue(done.completedAt() != null);
        assertEquals(done, batches.runQueued(ordered.batchId()), "a third delivery changes nothing");
        assertEquals(1_100, batchStore.countCodes(ordered.batchId()));
    }

    @Test
    void unknownPackagesAndBatchesAreClearErrors() {
        ApiException unknown = assertThrows(ApiException.class, () -> batches.order(new VoucherOrder("nope", 5, null, null, null), "a"));
        assertEquals(List.of(400, "UNKNOWN_PACKAGE"), List.of(unknown.status(), unknown.code()));
        ApiException missing = assertThrows(ApiException.class, () -> batches.find("b-00000000-0000-0000-0000-000000000000"));
        assertEquals(List.of(404, "NOT_FOUND"), List.of(missing.status(), missing.code()));
        ApiException malformed = assertThrows(ApiException.class, () -> batches.find("../x"));
        assertEquals("INVALID_FIELD", malformed.code());
    }
}
