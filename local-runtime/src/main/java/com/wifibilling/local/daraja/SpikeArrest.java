package com.wifibilling.local.daraja;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Daraja's per-second "Spike Arrest" (contracts/daraja.md §3.2, setting {@code spikeArrestPerSecond}): at most N
 * requests are admitted in any rolling second; the rest are refused and do not count.
 */
final class SpikeArrest {
    private static final long SECOND_NANOS = 1_000_000_000L;
    private final ArrayDeque<Long> admitted = new ArrayDeque<>(); // guarded by this; admission times, oldest first
    private final LongSupplier nanoTime;

    SpikeArrest(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Returns whether one more request may pass; {@code perSecond} 0 admits everything. */
    synchronized boolean admit(int perSecond) {
        if (perSecond <= 0) return true;
        long now = nanoTime.getAsLong();
        while (!admitted.isEmpty() && now - admitted.peekFirst() >= SECOND_NANOS) admitted.pollFirst();
        if (admitted.size() >= perSecond) return false;
        admitted.addLast(now);
        return true;
    }

    synchronized void clear() {
        admitted.clear();
    }
}
