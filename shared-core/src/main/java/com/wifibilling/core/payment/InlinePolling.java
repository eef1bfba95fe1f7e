package com.wifibilling.core.payment;

import java.time.Duration;
import java.util.Objects;

/**
 * The quick STK queries inside {@code POST /api/payment/initiate} (DESIGN §1 fallback 1, contracts/daraja.md §9):
 * up to {@code queries} of them, each after a {@code pause}, skipped once less than {@code minBudget} remains
 * before the answer must leave (API Gateway gives up after 29 s; §1 asks for 8 s of room).
 */
public record InlinePolling(int queries, Duration pause, Duration minBudget) {
    /** §9: wait ~2 s, query; if pending, wait ~2 s, query again; skip with less than 8 s left. */
    public static final InlinePolling DEFAULTS = new InlinePolling(2, Duration.ofSeconds(2), Duration.ofSeconds(8));

    public InlinePolling {
        if (queries < 0 || queries > 5) throw new IllegalArgumentException("inline queries must be between 0 and 5");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(minBudget, "minBudget");
        if (pause.isNegative() || minBudget.isNegative()) throw new IllegalArgumentException("durations cannot be negative");
    }
}
