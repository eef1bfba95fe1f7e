package com.wifibilling.core.payment;

import java.time.Duration;

/**
 * The sweeper's settings (contracts/daraja.md §9 "Sweeper", §5 last paragraph): pending payments older than
 * {@code queryAfter} are queried, those older than {@code expireAfter} still without a final answer are expired,
 * and queries are paced at most {@code queriesPerSecond}.
 */
public record SweeperSettings(Duration queryAfter, Duration expireAfter, int queriesPerSecond) {
    /** §9: {@code SWEEPER_QUERY_AFTER_SECONDS} 120, {@code SWEEPER_EXPIRE_AFTER_SECONDS} 600; §5: ≤ 5 queries a second. */
    public static final SweeperSettings DEFAULTS = new SweeperSettings(Duration.ofSeconds(120), Duration.ofSeconds(600), 5);

    public SweeperSettings {
        if (queryAfter == null || queryAfter.isNegative()) throw new IllegalArgumentException("queryAfter must be zero or more");
        if (expireAfter == null || expireAfter.compareTo(queryAfter) < 0)
            throw new IllegalArgumentException("expireAfter must be at least queryAfter");
        if (queriesPerSecond < 1) throw new IllegalArgumentException("queriesPerSecond must be at least 1");
    }

    /** Returns the least time between two queries' starts. */
    Duration queryInterval() {
        return Duration.ofNanos(1_000_000_000L / queriesPerSecond);
    }
}
