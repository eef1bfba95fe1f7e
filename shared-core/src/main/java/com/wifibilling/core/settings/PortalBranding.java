package com.wifibilling.core.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The branding the portal shows, as the operator saved it: read with the package list, so it is cached like the
 * catalogue (at most {@code maxAge}, ≤ 60 s; at once after a save in the same JVM, as in the local runtime). Empty
 * until the operator first saves settings: the portal then keeps what its config.js says.
 */
public final class PortalBranding {
    private static final AtomicLong GENERATION = new AtomicLong();

    private final SettingsStore settings;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;

    private record Snapshot(Optional<OperatorSettings.Branding> branding, Instant loadedAt, long generation) {}

    public PortalBranding(SettingsStore settings, Clock clock, Duration maxAge) {
        this.settings = settings;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public Optional<OperatorSettings.Branding> current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        long generation = GENERATION.get();
        if (current == null || current.generation() != generation || !now.isBefore(current.loadedAt().plus(maxAge))) {
            OperatorSettings.Current read = OperatorSettings.currentIn(settings);
            current = new Snapshot(read.version() == 0 ? Optional.empty() : Optional.of(read.branding()), now, generation);
            snapshot = current;
        }
        return current.branding();
    }

    /** Makes every cache in this JVM read the settings again (they were saved). */
    static void settingsChanged() {
        GENERATION.incrementAndGet();
    }
}
