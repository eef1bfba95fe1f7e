package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.DayStats;
import com.wifibilling.core.stats.StatsKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbStatsStoreTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");
    private static final Instant AUDIT = Instant.parse("2026-11-25T11:00:00Z");

    private final DynamoDbStatsStore stats;

    DynamoDbStatsStoreTest(TestTables tables) {
        this.stats = new DynamoDbStatsStore(tables.client(), tables.name("StatsTable"));
    }

    @Test
    void everyCounterAddsUpAndReadsBack() {
        StatsKey key = StatsKey.day(LocalDate.parse("2026-01-01"));
        Map<Counter, Long> amounts = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) amounts.put(counter, 10L + counter.ordinal());
        stats.add(key, amounts);
        stats.add(key, Map.of(Counter.REVENUE_KES, 50L, Counter.PAYMENTS_COMPLETED, 1L));
        DayStats day = stats.day(key);
        assertEquals(60, day.revenueKES());
        assertEquals(13, day.paymentsCompleted());
        assertEquals(11, day.paymentsInitiated());
        assertEquals(13, day.paymentsCancelled());
        assertEquals(14, day.paymentsExpired());
        assertEquals(15, day.paymentsFailed());
        assertEquals(16, day.vouchersRedeemed());
        assertEquals(17, day.vouchersGenerated());
        assertEquals(18, day.sessionsStarted());
    }

    @Test
    void aDayNeverWrittenIsAllZeros() {
        StatsKey key = StatsKey.forGateway(LocalDate.parse("2020-02-02"), "default");
        assertEquals(DayStats.empty(key), stats.day(key));
        stats.add(key, Map.of());
        assertEquals(DayStats.empty(key), stats.day(key));
    }

    @Test
    void sixteenThreadsAddingFiftyTimesEachLoseNoAddition() throws Exception {
        StatsKey key = StatsKey.forPackage(DAY, "basic");
        BarrierRace.race(16, i -> () -> {
            for (int n = 0; n < 50; n++) stats.add(key, Map.of(Counter.REVENUE_KES, 20L, Counter.PAYMENTS_COMPLETED, 1L, Counter.SESSIONS_STARTED, 1L));
            return null;
        });
        DayStats day = stats.day(key);
        assertEquals(16 * 50 * 20, day.revenueKES());
        assertEquals(800, day.paymentsCompleted());
        assertEquals(800, day.sessionsStarted());
        assertEquals(0, day.paymentsFailed());
    }

    @Test
    void daysAnswerInTheAskedOrderWithZerosForMissingAndRepeatedKeys() {
        StatsKey first = StatsKey.day(LocalDate.parse("2026-03-01"));
        StatsKey second = StatsKey.day(LocalDate.parse("2026-03-02"));
        StatsKey missing = StatsKey.day(LocalDate.parse("2026-03-03"));
        stats.add(first, Map.of(Counter.REVENUE_KES, 100L));
        stats.add(second, Map.of(Counter.REVENUE_KES, 200L));
        List<Long> revenue = stats.days(List.of(second, missing, first, second)).stream().map(DayStats::revenueKES).toList();
        assertEquals(List.of(200L, 0L, 100L, 200L), revenue);
        assertEquals(List.of(), stats.days(List.of()));
    }

    @Test
    void moreThanOneBatchOfDaysIsReadWhole() {
        LocalDate start = LocalDate.parse("2025-01-01");
        List<StatsKey> keys = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            StatsKey key = StatsKey.day(start.plusDays(i));
            keys.add(key);
            if (i % 2 == 0) stats.add(key, Map.of(Counter.VOUCHERS_REDEEMED, (long) i));
        }
        List<DayStats> days = stats.days(keys);
        assertEquals(IntStream.range(0, 250).mapToObj(i -> i % 2 == 0 ? (long) i : 0L).toList(),
                days.stream().map(DayStats::vouchersRedeemed).toList());
        assertEquals(keys, days.stream().map(DayStats::key).toList());
    }

    @Test
    void correctionSetsAbsoluteValuesAndRecordsTheAudit() {
        StatsKey key = StatsKey.day(LocalDate.parse("2026-04-01"));
        stats.add(key, Map.of(Counter.REVENUE_KES, 150L, Counter.PAYMENTS_COMPLETED, 3L, Counter.VOUCHERS_REDEEMED, 7L));
        DayStats read = stats.day(key);
        assertTrue(stats.correct(read, Map.of(Counter.REVENUE_KES, 200L, Counter.PAYMENTS_COMPLETED, 4L, Counter.PAYMENTS_FAILED, 0L), AUDIT, 51));
        DayStats corrected = stats.day(key);
        assertEquals(200, corrected.revenueKES());
        assertEquals(4, corrected.paymentsCompleted());
        assertEquals(7, corrected.vouchersRedeemed()); // not part of the correction: untouched
        assertEquals(AUDIT, corrected.auditedAt());
        assertEquals(51, corrected.drift());
    }

    @Test
    void correctionFromAReadThatAnAdditionOvertookWritesNothing() {
        StatsKey key = StatsKey.day(LocalDate.parse("2026-04-02"));
        stats.add(key, Map.of(Counter.REVENUE_KES, 100L));
        DayStats read = stats.day(key);
        stats.add(key, Map.of(Counter.REVENUE_KES, 50L)); // a confirm lands between the audit's read and its write
        assertFalse(stats.correct(read, Map.of(Counter.REVENUE_KES, 100L), AUDIT, 0));
        DayStats after = stats.day(key);
        assertEquals(150, after.revenueKES());
        assertEquals(null, after.auditedAt());
    }

    @Test
    void correctionOfACounterNeverWrittenExpectsZero() {
        StatsKey key = StatsKey.day(LocalDate.parse("2026-04-03"));
        DayStats read = stats.day(key);
        assertTrue(stats.correct(read, Map.of(Counter.PAYMENTS_EXPIRED, 2L), AUDIT, 2));
        assertFalse(stats.correct(read, Map.of(Counter.PAYMENTS_EXPIRED, 2L), AUDIT, 2)); // no longer 0
        assertEquals(2, stats.day(key).paymentsExpired());
    }

    @Test
    void sixteenAuditorsCorrectingFromOneReadLeaveExactlyOneWinnerEveryRound() throws Exception {
        for (int round = 0; round < 20; round++) {
            StatsKey key = StatsKey.forGateway(DAY.plusDays(round), "race");
            stats.add(key, Map.of(Counter.REVENUE_KES, 10L));
            DayStats read = stats.day(key);
            List<Boolean> answers = BarrierRace.race(16,
                    i -> () -> stats.correct(read, Map.of(Counter.REVENUE_KES, 1000L + i), AUDIT, i));
            assertEquals(1, answers.stream().filter(won -> won).count(), "round " + round);
            int winner = answers.indexOf(true);
            assertEquals(1000 + winner, stats.day(key).revenueKES());
            assertEquals(winner, stats.day(key).drift());
        }
    }
}
