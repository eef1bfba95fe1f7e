package com.wifibilling.core.session;

import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.stats.StatsStore;
import com.wifibilling.core.stats.Tally;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grant of DESIGN §4: how every way of buying time becomes a session, exactly once, however callbacks,
 * queries, the sweeper, SQS redelivery and crashes interleave. Four steps, each one conditional write of one item
 * and each safe to repeat:
 * <ol>
 *   <li><b>claim</b> the source ({@link GrantSource#claim}); the winner owns the grant, a loser that finds it
 *       claimed but unconfirmed carries on from step 2, and one that finds it confirmed is done;</li>
 *   <li><b>apply</b> it to {@code Sessions[deviceKey]} with optimistic concurrency: read strongly consistent; an
 *       active session is extended from its {@code expiresAt} with the grant's package rates, anything else is
 *       replaced by a new session with fresh credentials whose Logins item (and purchase code) is written
 *       <em>first</em>; the write holds only if the version is still the one read and the grant is not in
 *       {@code appliedGrants}. A lost race re-reads: the grant is in (done) or it is computed again, up to
 *       {@value #MAX_APPLY_ATTEMPTS} times with jittered pauses;</li>
 *   <li><b>publish</b> the gateway command ({@code authorize} for a session the grant started, {@code update} for
 *       an extension) and the SMS receipt when there is a phone; repeats are harmless;</li>
 *   <li><b>confirm</b> the source ({@link GrantSource#confirm}); only the one confirmer adds the Stats counters,
 *       for the business day, the package and the gateway.</li>
 * </ol>
 * Whoever meets a claimed-but-unconfirmed grant — a racer, the status endpoint, the processor on redelivery, the
 * sweeper — finishes it with {@link #finishUnconfirmed}. Credentials are never logged.
 *
 * <p>Metrics (DESIGN §8): {@code SessionsStarted} with the Stats counter, by the confirmer; {@code GrantRepaired}
 * when the confirmer is not the claimer (a crash repaired, or a racer that finished first); {@code PayToActiveMs}
 * by the caller whose write applied a payment, from {@link Grant#paidAt()}.
 *
 * <p>Known gaps, both counts only: a crash between confirm and the Stats additions under-counts by one (the hourly
 * audit corrects payments, DESIGN §4); and a grant finished only after the session it started was ended and
 * replaced finds a session it did not start, so it publishes {@code update} and its {@code sessionsStarted} is not
 * counted.
 */
public final class GrantService {
    /** Each failed apply means another writer changed the session; twenty in a row is not contention but a fault. */
    static final int MAX_APPLY_ATTEMPTS = 20;
    private static final long MAX_PAUSE_MILLIS = 50;
    private static final Logger log = LoggerFactory.getLogger(GrantService.class);

    private final SessionStore sessions;
    private final LoginStore logins;
    private final AccessCodeMint codes;
    private final GrantPublisher publisher;
    private final StatsStore stats;
    private final Metrics metrics;
    private final Clock clock;

    public GrantService(SessionStore sessions, LoginStore logins, AccessCodeMint codes, GrantPublisher publisher,
                        StatsStore stats, Metrics metrics, Clock clock) {
        this.sessions = sessions;
        this.logins = logins;
        this.codes = codes;
        this.publisher = publisher;
        this.stats = stats;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Returns what granting from {@code source} did: the claim's answer and the device's session with the grant
     * in it (claimed here or by another: applied, published and confirmed now; confirmed before: the session as
     * it stands), or no session when the source refused. Any failure propagates with the grant left claimed but
     * unconfirmed, for the next caller or the sweeper to finish.
     */
    public GrantResult grant(Grant grant, GrantSource source) {
        GrantClaim claim = source.claim();
        return switch (claim) {
            case REFUSED -> GrantResult.refused();
            case CONFIRMED -> new GrantResult(claim, sessions.find(grant.deviceKey()).orElseThrow(() ->
                    new IllegalStateException("Grant " + grant.loggableId() + " is confirmed but " + grant.deviceKey() + " has no session")));
            case CLAIMED, CLAIMED_BY_ANOTHER -> new GrantResult(claim, finish(grant, source, claim));
        };
    }

    /**
     * Returns the device's session after finishing a grant someone claimed and has not confirmed (DESIGN §4: the
     * sweeper after 30 s, the status endpoint and the processor before they answer): apply, publish and confirm,
     * each a no-op or a harmless repeat where it was done already.
     */
    public Session finishUnconfirmed(Grant grant, GrantSource source) {
        return finish(grant, source, GrantClaim.CLAIMED_BY_ANOTHER);
    }

    private Session finish(Grant grant, GrantSource source, GrantClaim claim) {
        Session session = applyUntilWritten(grant);
        Instant now = clock.instant();
        publisher.publish(GatewayCommand.afterGrant(grant, session, now));
        SmsReceipt.afterGrant(grant, session, now).ifPresent(publisher::publish);
        boolean confirmedHere = source.confirm();
        boolean started = session.startedBy(grant.grantId());
        if (confirmedHere) count(grant, source.tally(), started, claim);
        log.atInfo().addKeyValue("grantId", grant.loggableId()).addKeyValue("kind", grant.kind().name())
                .addKeyValue("deviceKey", grant.deviceKey().value()).addKeyValue("claim", claim.name())
                .addKeyValue("started", started).addKeyValue("confirmedHere", confirmedHere)
                .addKeyValue("expiresAt", session.expiresAt().toString()).addKeyValue("version", session.version())
                .log("grant.finished");
        return session;
    }

    /** Returns the session with the grant in it, written here or found written by someone else. */
    private Session applyUntilWritten(Grant grant) {
        Credentials fresh = null; // made once, at the first need, and kept across retries
        for (int attempt = 1; attempt <= MAX_APPLY_ATTEMPTS; attempt++) {
            Optional<Session> read = sessions.find(grant.deviceKey());
            if (read.isPresent() && read.get().appliedGrants().containsKey(grant.grantId())) return read.get();
            Instant now = clock.instant();
            Session next;
            if (read.isPresent() && read.get().isActiveAt(now)) {
                next = GrantApplication.extend(read.get(), grant);
            } else {
                if (fresh == null) fresh = credentialsFor(grant, now);
                next = GrantApplication.start(read, grant, fresh, now);
            }
            if (sessions.write(read, next, grant.grantId())) {
                // Measured once the session is written: from when the payment was known to when the device may log in.
                if (grant.paidAt() != null) metrics.milliseconds("PayToActiveMs", Duration.between(grant.paidAt(), clock.instant()).toMillis());
                return next;
            }
            pause(attempt);
        }
        throw new IllegalStateException("Grant " + grant.loggableId() + " could not be applied to " + grant.deviceKey()
                + " in " + MAX_APPLY_ATTEMPTS + " attempts");
    }

    /**
     * Returns new credentials whose Logins item (and, unless the grant brings its own code, purchase code) already
     * exist, so RADIUS authorize finds every credential the moment anyone can see it.
     */
    private Credentials credentialsFor(Grant grant, Instant now) {
        String sessionId = Credentials.newSessionId();
        String accessCode = grant.accessCode() != null ? grant.accessCode() : codes.mint(grant, sessionId, now);
        if (!logins.put(sessionId, grant.deviceKey()))
            throw new IllegalStateException("A new sessionId already belongs to another device"); // 122 random bits: a bug, not luck
        return new Credentials(sessionId, accessCode, Credentials.newRadiusSecret());
    }

    private void count(Grant grant, Tally sourceTally, boolean started, GrantClaim claim) {
        Tally tally = started ? sourceTally.plus(Counter.SESSIONS_STARTED, 1) : sourceTally;
        for (StatsKey key : List.of(StatsKey.day(tally.day()), StatsKey.forPackage(tally.day(), grant.granted().packageId()),
                StatsKey.forGateway(tally.day(), grant.deviceKey().gatewayId()))) {
            stats.add(key, tally.amounts());
        }
        if (started) metrics.count("SessionsStarted");
        if (claim != GrantClaim.CLAIMED) {
            metrics.count("GrantRepaired");
            log.atInfo().addKeyValue("grantId", grant.loggableId()).addKeyValue("kind", grant.kind().name()).log("grant.repaired");
        }
    }

    /** Waits a random 1…2ᵃ ms (at most 50), so racers that keep colliding drift apart. */
    private static void pause(int attempt) {
        long bound = Math.min(MAX_PAUSE_MILLIS, 1L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while applying a grant", e);
        }
    }
}
