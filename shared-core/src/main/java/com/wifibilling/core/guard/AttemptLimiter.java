package com.wifibilling.core.guard;

import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks out guessers (DESIGN §6 "Lockouts"): callers {@link #check} before an attempt and {@link #recordFailure}
 * after a failed one, per {@code kind} (its {@link AttemptLimit}) and {@code subject} — what the guesser controls,
 * such as {@code gatewayId#MAC}, a receipt or an account, never a hotspot's shared public IP.
 *
 * <p>Built on the Guards table: failures are counted in fixed windows ({@code attempt#<kind>#<subject>},
 * {@link GuardStore#increment}); the failure that reaches the limit writes {@code lockout#<kind>#<subject>} with
 * the lockout's end as its {@code ttl}. A check is one strongly consistent read of that lockout guard. Counting is
 * bookkeeping that a 4xx may write (DESIGN §3): the request that failed still changes no domain state.
 */
public final class AttemptLimiter {
    private static final Logger log = LoggerFactory.getLogger(AttemptLimiter.class);
    private static final String LOCK_OWNER = "lockout";

    private final GuardStore guards;
    private final Map<String, AttemptLimit> limits;
    private final Metrics metrics;
    private final Clock clock;

    public AttemptLimiter(GuardStore guards, List<AttemptLimit> limits, Metrics metrics, Clock clock) {
        this.guards = guards;
        this.limits = limits.stream().collect(Collectors.toUnmodifiableMap(AttemptLimit::kind, Function.identity()));
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Returns normally when {@code subject} may try a {@code kind} attempt now; throws 429 {@code RATE_LIMITED} with
     * {@code Retry-After} (seconds until the lockout ends) while it is locked out.
     */
    public void check(String kind, String subject) {
        limit(kind);
        Optional<Guard> lockout = guards.find(GuardKeys.lockout(kind, subject));
        if (lockout.isPresent()) throw locked(lockout.get().ttl());
    }

    /**
     * Returns true when this failure locked {@code subject} out (its count in the window reached the limit, now or
     * before); false while it may still try.
     */
    public boolean recordFailure(String kind, String subject) {
        AttemptLimit limit = limit(kind);
        Instant now = clock.instant();
        Instant windowStart = limit.windowStart(now);
        long failures = guards.increment(GuardKeys.attempt(kind, subject), windowStart, windowStart.plus(limit.window()));
        if (failures < limit.maxFailures()) return false;
        Claim lock = guards.claim(GuardKeys.lockout(kind, subject), LOCK_OWNER, now.plus(limit.lockout()));
        if (lock == Claim.CLAIMED) {
            metrics.count("Lockouts", "kind", kind);
            // The subject may be a receipt or an account: it stays out of the log; the kind says what was guessed.
            log.atWarn().addKeyValue("kind", kind).addKeyValue("failures", failures)
                    .addKeyValue("lockoutSeconds", limit.lockout().toSeconds()).log("attempts.locked-out");
        }
        return true;
    }

    /** Forgets {@code subject}'s failures of {@code kind} and ends its lockout: after a success that proves it is no guesser. */
    public void reset(String kind, String subject) {
        limit(kind);
        guards.delete(GuardKeys.attempt(kind, subject));
        guards.release(GuardKeys.lockout(kind, subject), LOCK_OWNER);
    }

    private AttemptLimit limit(String kind) {
        AttemptLimit limit = limits.get(kind);
        if (limit == null) throw new IllegalArgumentException("No attempt limit is configured for kind " + kind);
        return limit;
    }

    private ApiException locked(Instant until) {
        long seconds = Math.max(1, (Duration.between(clock.instant(), until).toMillis() + 999) / 1000); // rounded up
        long minutes = (seconds + 59) / 60;
        return ApiException.rateLimited("RATE_LIMITED", "Too many failed attempts: try again in " + minutes
                + (minutes == 1 ? " minute" : " minutes"), seconds);
    }
}
