package com.wifibilling.core.stats;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counters to add for one event on one business day, such as a confirmed grant's {@code paymentsCompleted} +1 and
 * {@code revenueKES} +50 (DESIGN §4, step 4). Amounts may be negative: a late success moves a payment's count
 * from {@code paymentsExpired} to {@code paymentsCompleted}.
 */
public record Tally(LocalDate day, Map<Counter, Long> amounts) {
    public Tally {
        Objects.requireNonNull(day, "day");
        amounts = Map.copyOf(amounts);
    }

    /** Returns a tally of one counter. */
    public static Tally of(LocalDate day, Counter counter, long amount) {
        return new Tally(day, Map.of(counter, amount));
    }

    /** Returns this tally with {@code amount} more on {@code counter}. */
    public Tally plus(Counter counter, long amount) {
        var more = new EnumMap<Counter, Long>(Counter.class);
        more.putAll(amounts);
        more.merge(counter, amount, Long::sum);
        return new Tally(day, more);
    }
}
