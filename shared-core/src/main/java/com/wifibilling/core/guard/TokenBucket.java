package com.wifibilling.core.guard;

import com.wifibilling.core.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A token bucket per subject (contracts/gateways.md §6: per gateway, burst 5, refill 1 a second): a full bucket
 * lets {@code burst} requests through back to back, then one more per {@code 1/refillPerSecond} seconds. Shared by
 * every Lambda container through the Guards table; the level is read, then written only over what was read, so
 * two containers taking the last token cannot both get it.
 */
public final class TokenBucket {
    private static final long MILLI = 1000;
    /** Lost races before giving up and answering 429: only a flood of one subject gets here. */
    private static final int ATTEMPTS = 5;

    private final BucketStore store;
    private final String kind;
    private final int burst;
    private final int refillPerSecond;
    private final Clock clock;

    public TokenBucket(BucketStore store, String kind, int burst, int refillPerSecond, Clock clock) {
        if (burst < 1 || refillPerSecond < 1) throw new IllegalArgumentException("burst and refill must be at least 1");
        this.store = store;
        this.kind = kind;
        this.burst = burst;
        this.refillPerSecond = refillPerSecond;
        this.clock = clock;
    }

    /** Takes one token for {@code subject}; an empty bucket throws 429 {@code RATE_LIMITED} with {@code Retry-After}. */
    public void take(String subject) {
        String key = GuardKeys.bucket(kind, subject);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Optional<BucketStore.Level> read = store.read(key);
            long available = read.map(level -> refilled(level, now)).orElse(burst * MILLI);
            if (available < MILLI) {
                long millisToToken = ((MILLI - available) * MILLI + refillPerSecond * MILLI - 1) / (refillPerSecond * MILLI);
                throw limited((millisToToken + 999) / 1000);
            }
            // Kept until the bucket would be full again: after that, no item and a full bucket mean the same.
            Instant ttl = now.plus(Duration.ofSeconds((long) burst / refillPerSecond + 60));
            if (store.write(key, read, new BucketStore.Level(available - MILLI, now), ttl)) return;
        }
        throw limited(1);
    }

    private long refilled(BucketStore.Level level, Instant now) {
        long elapsedMillis = Math.max(0, Duration.between(level.at(), now).toMillis());
        return Math.min(burst * MILLI, level.milliTokens() + elapsedMillis * refillPerSecond);
    }

    private static ApiException limited(long seconds) {
        return ApiException.rateLimited("RATE_LIMITED", "Too many requests from this gateway: slow down", seconds);
    }
}
