package com.wifibilling.core.guard;

/**
 * The answer to {@link GuardStore#appendTimestamp}: how many timestamps lie in the rolling window now, and
 * whether this call's timestamp is one of them (false: the window was already full, so the limit is reached).
 */
public record RollingCount(int count, boolean appended) {
    public RollingCount {
        if (count < 0) throw new IllegalArgumentException("count must not be negative");
    }
}
