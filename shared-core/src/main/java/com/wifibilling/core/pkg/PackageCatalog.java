package com.wifibilling.core.pkg;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Returns the packages on sale, sorted by {@code sortOrder} (then price, then id, so the order is stable),
 * from a copy kept in memory for at most {@code maxAge} (≤ 60 s, DESIGN §4): the portal's first call costs
 * no DynamoDB read on a warm container, and an operator's edit shows within a minute. An edit made in the same
 * JVM ({@link PackageAdmin} calls {@link #packagesChanged()}) shows at once: that is the local runtime, where every
 * function shares one process; Lambda containers cannot tell each other and rely on the age limit.
 */
public final class PackageCatalog {
    public static final Duration MAX_AGE_LIMIT = Duration.ofSeconds(60);
    private static final Comparator<TimePackage> DISPLAY_ORDER = Comparator.comparingInt(TimePackage::sortOrder)
            .thenComparingLong(TimePackage::priceKES).thenComparing(TimePackage::packageId);

    /** Bumped on every package write in this JVM; a snapshot of an older generation is reloaded. */
    private static final AtomicLong GENERATION = new AtomicLong();

    private final PackageStore store;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;

    private record Snapshot(List<TimePackage> active, Instant loadedAt, long generation) {}

    public PackageCatalog(PackageStore store, Clock clock, Duration maxAge) {
        if (maxAge.isNegative() || maxAge.compareTo(MAX_AGE_LIMIT) > 0)
            throw new IllegalArgumentException("Package cache age must be between 0 and 60 s");
        this.store = store;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Returns the active packages in display order. */
    public List<TimePackage> active() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        long generation = GENERATION.get();
        if (current == null || current.generation() != generation || !now.isBefore(current.loadedAt().plus(maxAge))) {
            // Concurrent misses may both read: harmless (a tiny table), and simpler than a lock on the hot path.
            current = new Snapshot(store.all().stream().filter(TimePackage::active).sorted(DISPLAY_ORDER).toList(), now, generation);
            snapshot = current;
        }
        return current.active();
    }

    /** Makes every catalogue in this JVM read the table again on its next call (a package was written). */
    static void packagesChanged() {
        GENERATION.incrementAndGet();
    }

    /** Returns the active package with that id (what a purchase may buy). */
    public Optional<TimePackage> activePackage(String packageId) {
        return active().stream().filter(p -> p.packageId().equals(packageId)).findFirst();
    }
}
