package com.wifibilling.core.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The Stats table (DESIGN §4): counters per business day, per package and per gateway. */
public interface StatsStore {
    /**
     * Adds each amount to its counter in one atomic write (DynamoDB {@code ADD}), creating the item when it is
     * the day's first; concurrent additions are never lost. An empty map writes nothing.
     */
    void add(StatsKey key, Map<Counter, Long> amounts);

    /** Returns the item, strongly consistent; a key never written reads as all zeros. */
    DayStats day(StatsKey key);

    /**
     * Returns the items for {@code keys}, in the same order (missing ones as zeros), for the 7- and 30-day
     * dashboards: batched reads of up to 100 keys each, however many keys are asked for.
     */
    List<DayStats> days(List<StatsKey> keys);

    /**
     * Returns true after setting each given counter to its absolute value and recording {@code auditedAt} and
     * {@code drift}: the hourly audit's correction. Conditional on those counters still holding what {@code read}
     * says, so an addition that lands between the audit's read and this write is never overwritten: then
     * nothing is written and the answer is false (read again, recompute, retry).
     */
    boolean correct(DayStats read, Map<Counter, Long> counters, Instant auditedAt, long drift);

    /** Records the day's money-in versus time-granted check on its day item (last audit wins). */
    void recordRevenueAudit(LocalDate day, RevenueAudit audit);
}
