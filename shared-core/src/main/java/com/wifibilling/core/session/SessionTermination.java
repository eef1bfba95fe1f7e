package com.wifibilling.core.session;

import com.wifibilling.core.guard.Claim;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.guard.GuardStore;
import com.wifibilling.core.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ending time on the gateway (DESIGN §6): an admin's terminate ends the entitlement — {@code status = ended},
 * {@code endedAt}, {@code endReason}, {@code expiresAt = now} — and disconnects the device; and the expiry
 * backstop, which disconnects sessions past {@code expiresAt} that the gateway still reports online (the gateway
 * enforces Session-Timeout itself; this catches the ones that did not). Both publish a {@code disconnect} on
 * {@code gateway-commands}; coa-function sends it and records {@code lastCommand}.
 */
public final class SessionTermination {
    /** A backstop disconnect is sent again only after this long without the gateway reporting the device offline. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(5);
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(SessionTermination.class);

    private final SessionStore sessions;
    private final GrantPublisher publisher;
    private final GuardStore guards;
    private final Clock clock;

    public SessionTermination(SessionStore sessions, GrantPublisher publisher, GuardStore guards, Clock clock) {
        this.sessions = sessions;
        this.publisher = publisher;
        this.guards = guards;
        this.clock = clock;
    }

    /**
     * Returns the ended session after an admin terminated it; 404 {@code NO_ACTIVE_SESSION} when the device has no
     * live session. Safe to repeat: a second terminate finds nothing live.
     */
    public Session terminate(DeviceKey device, String reason) {
        String why = reason == null || reason.isBlank() ? "admin-terminate" : reason.strip();
        if (why.length() > 200) throw ApiException.invalidField("reason", "reason is at most 200 characters");
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant now = clock.instant();
            Session read = sessions.find(device).filter(s -> s.isActiveAt(now))
                    .orElseThrow(() -> ApiException.notFound("NO_ACTIVE_SESSION", "This device has no live session"));
            Session ended = read.ended(now, why);
            if (sessions.update(read, ended)) {
                publisher.publish(GatewayCommand.disconnect(ended, CommandReason.TERMINATE, now));
                log.atInfo().addKeyValue("deviceKey", device.value()).addKeyValue("sessionId", read.sessionId()).log("session.terminated");
                return ended;
            }
        }
        throw new IllegalStateException("Session of " + device + " kept changing while terminating it");
    }

    /**
     * Returns how many expired-but-online sessions got a backstop {@code disconnect} (the sweeper, every minute),
     * read from each shard of the sparse expiry index (no Scan). A session sent one within {@link #RESEND_AFTER} is
     * left to it ({@code expiry-disconnect#<sessionId>} guard).
     */
    public int disconnectExpired() {
        Instant now = clock.instant();
        int sent = 0;
        for (int shard = 0; shard < Session.SHARDS; shard++) {
            List<Session> candidates = sessions.onlineExpiringBefore(shard, now, BATCH);
            for (Session candidate : candidates) {
                Optional<Session> current = sessions.find(candidate.deviceKey()); // the index lags: decide on the item
                if (current.isEmpty() || current.get().isActiveAt(now) || current.get().gatewayState() != GatewayState.ONLINE) continue;
                // One backstop per session per RESEND_AFTER, however many sweeper runs see it (a guard, not a read).
                Claim once = guards.claim(GuardKeys.expiryDisconnect(current.get().sessionId()), "sweeper", now.plus(RESEND_AFTER));
                if (!(once instanceof Claim.Claimed)) continue;
                publisher.publish(GatewayCommand.disconnect(current.get(), CommandReason.EXPIRY, now));
                sent++;
            }
        }
        if (sent > 0) log.atInfo().addKeyValue("sent", sent).log("session.expiry-disconnects");
        return sent;
    }
}
