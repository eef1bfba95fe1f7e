package com.wifibilling.core.stats;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The counters of one Stats item; a counter never added reads 0, so a day without an item is all zeros.
 * {@code auditedAt} is when the hourly audit last corrected the item (null: never) and {@code drift} what it
 * found wrong then (0: nothing); {@code revenueAudit} its last money-in versus time-granted check (a day's item only;
 * null until audited).
 */
public record DayStats(StatsKey key, Map<Counter, Long> counters, Instant auditedAt, long drift, RevenueAudit revenueAudit) {
    public DayStats {
        Objects.requireNonNull(key, "key");
        var all = new EnumMap<Counter, Long>(Counter.class);
        for (Counter counter : Counter.values()) all.put(counter, 0L);
        if (counters != null) counters.forEach((counter, value) -> all.put(counter, Objects.requireNonNull(value)));
        counters = Collections.unmodifiableMap(all);
    }

    /** Returns an item that was never written: every counter 0, never audited. */
    public static DayStats empty(StatsKey key) {
        return new DayStats(key, Map.of(), null, 0, null);
    }

    public long get(Counter counter) {
        return counters.get(counter);
    }

    public long revenueKES() { return get(Counter.REVENUE_KES); }
    public long paymentsInitiated() { return get(Counter.PAYMENTS_INITIATED); }
    public long paymentsCompleted() { return get(Counter.PAYMENTS_COMPLETED); }
    public long paymentsCancelled() { return get(Counter.PAYMENTS_CANCELLED); }
    public long paymentsExpired() { return get(Counter.PAYMENTS_EXPIRED); }
    public long paymentsFailed() { return get(Counter.PAYMENTS_FAILED); }
    public long vouchersRedeemed() { return get(Counter.VOUCHERS_REDEEMED); }
    public long vouchersGenerated() { return get(Counter.VOUCHERS_GENERATED); }
    public long sessionsStarted() { return get(Counter.SESSIONS_STARTED); }
}
