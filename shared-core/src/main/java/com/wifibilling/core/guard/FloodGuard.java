package com.wifibilling.core.guard;

import com.wifibilling.core.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A coarse flood limit (DESIGN §6 "Lockouts"): at most {@code perMinute} requests of one {@code kind} per subject in
 * each fixed, epoch-aligned minute, counted in the Guards table ({@code rate#<kind>#<subject>}). Meant for a source
 * IP, which a whole hotspot may share, so the limit is set far above what honest traffic needs; the real guessing
 * limits key on the account or device ({@link AttemptLimiter}).
 */
public final class FloodGuard {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final GuardStore guards;
    private final String kind;
    private final int perMinute;
    private final Clock clock;

    public FloodGuard(GuardStore guards, String kind, int perMinute, Clock clock) {
        if (perMinute < 1) throw new IllegalArgumentException("perMinute must be at least 1");
        this.guards = guards;
        this.kind = kind;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts this request; throws 429 {@code RATE_LIMITED} with {@code Retry-After} (seconds to the next minute) past the limit. */
    public void admit(String subject) {
        Instant now = clock.instant();
        Instant windowStart = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), WINDOW.toSeconds()) * WINDOW.toSeconds());
        Instant windowEnd = windowStart.plus(WINDOW);
        long count = guards.increment(GuardKeys.rate(kind, subject), windowStart, windowEnd);
        if (count > perMinute) {
            long seconds = Math.max(1, (Duration.between(now, windowEnd).toMillis() + 999) / 1000); // rounded up
            throw ApiException.rateLimited("RATE_LIMITED", "Too many requests: try again in a minute", seconds);
        }
    }

    public int perMinute() {
        return perMinute;
    }
}
