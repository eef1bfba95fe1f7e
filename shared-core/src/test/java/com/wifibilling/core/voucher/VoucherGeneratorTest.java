package com.wifibilling.core.voucher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.Page;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Voucher batches on dynalite: every code checks and is stored unused once; collisions are redrawn, never overwritten. */
@ExtendWith(DynaliteExtension.class)
class VoucherGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final TimePackage DAY = new TimePackage("gen-day", "1 day", "One day", 1440, 5, 5, 80, true, 1);
    private static final TimePackage RETIRED = new TimePackage("gen-retired", "Old", "", 60, 1, 1, 10, false, 9);

    private final DynamoDbVoucherStore store;
    private final DynamoDbStatsStore stats;
    private final DynamoDbPackageStore packages;
    private final TestClock clock = new TestClock(NOW);

    VoucherGeneratorTest(TestTables tables) {
        store = new DynamoDbVoucherStore(tables.client(), tables.name("VouchersTable"));
        stats = new DynamoDbStatsStore(tables.client(), tables.name("StatsTable"));
        packages = new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable"));
        packages.create(DAY);
        packages.create(RETIRED);
    }

    private VoucherGenerator generator(VoucherStore vouchers) {
        return new VoucherGenerator(vouchers, packages, stats, new Metrics("test", clock, line -> { }), clock, 16);
    }

    @Test
    void aBatchStoresEveryCodeUnusedWithItsCheckCharacterAndReportsProgress() {
        AtomicInteger lastProgress = new AtomicInteger();
        long before = stats.day(StatsKey.day(BusinessDay.of(NOW))).vouchersGenerated();
        var batch = generator(store).generate(new VoucherOrder("gen-day", 250, "ks", 12, 30), "batch-a", "admin-1",
                n -> lastProgress.accumulateAndGet(n, Math::max));

        assertEquals(250, batch.codes().size());
        assertEquals(250, new HashSet<>(batch.codes()).size());
        assertEquals(250, lastProgress.get());
        assertTrue(batch.codes().stream().allMatch(c -> c.startsWith("KS") && c.length() == 15 && CodeFormat.isValid(c)), batch.codes().getFirst());
        List<Voucher> listed = new ArrayList<>();
        String cursor = null;
        do {
            Page<Voucher> page = store.byBatch("batch-a", 100, cursor);
            listed.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(new HashSet<>(batch.codes()), new HashSet<>(listed.stream().map(Voucher::code).toList()));
        Voucher one = listed.getFirst();
        assertEquals(List.of(VoucherStatus.UNUSED, VoucherKind.VOUCHER, 86_400L, NOW.plus(Duration.ofDays(30)), "admin-1"),
                List.of(one.status(), one.kind(), one.grantSeconds(), one.validUntil(), one.createdBy()));
        assertEquals(before + 250, stats.day(StatsKey.day(BusinessDay.of(NOW))).vouchersGenerated());
    }

    @Test
    void aCollidingCodeIsDrawnAgainAndTheExistingOneIsLeftAlone() {
        AtomicLong attempts = new AtomicLong();
        // Every third create reports a collision, as a code already sold (or a purchase code) would.
        VoucherStore colliding = new ForwardingVouchers(store) {
            @Override
            public boolean create(Voucher voucher) {
                return attempts.incrementAndGet() % 3 != 0 && super.create(voucher);
            }
        };
        var batch = generator(colliding).generate(new VoucherOrder("gen-day", 60, null, null, null), "batch-b", "admin-1", n -> { });
        assertEquals(60, batch.codes().size());
        assertTrue(attempts.get() >= 89, "about half again as many draws: " + attempts.get());
        assertTrue(batch.codes().stream().allMatch(code -> store.find(code).isPresent()));
    }

    @Test
    void badOrdersAreFourHundredsNamingTheField() {
        record Case(String field, Runnable order) {}
        for (Case c : List.of(
                new Case("count", () -> new VoucherOrder("gen-day", 0, null, null, null)),
                new Case("count", () -> new VoucherOrder("gen-day", 10_001, null, null, null)),
                new Case("prefix", () -> new VoucherOrder("gen-day", 1, "O0", null, null)),
                new Case("prefix", () -> new VoucherOrder("gen-day", 1, "ABCDEFG", null, null)),
                new Case("length", () -> new VoucherOrder("gen-day", 1, null, 9, null)),
                new Case("validDays", () -> new VoucherOrder("gen-day", 1, null, null, 0)),
                new Case("packageId", () -> new VoucherOrder(" ", 1, null, null, null)))) {
            ApiException e = assertThrows(ApiException.class, c.order()::run, c.field());
            assertEquals(Optional.of(c.field()), e.field());
        }
        ApiException retired = assertThrows(ApiException.class, () -> generator(store).generate(
                new VoucherOrder("gen-retired", 1, null, null, null), "batch-c", "admin-1", n -> { }));
        assertEquals("UNKNOWN_PACKAGE", retired.code());
    }
}
