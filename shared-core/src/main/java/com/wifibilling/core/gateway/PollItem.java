package com.wifibilling.core.gateway;

import com.wifibilling.core.WireName;
import com.wifibilling.core.session.Session;
import java.time.Duration;
import java.time.Instant;

/**
 * One item of {@code GET /api/gateway/sessions} (contracts/gateways.md §6): {@code allow}, {@code update} or
 * {@code drop} the session, with what the router needs to apply it; absent fields are left out of the JSON.
 * {@code password} only in {@code allow} items for {@code local-user} gateways; {@code reason} only in drops.
 */
public record PollItem(String action, String sessionId, String username, String password, String mac, Instant expiresAt,
                       Long secondsLeft, String rateLimit, Integer uploadKbps, Integer downloadKbps, String reason) {

    /** Returns the {@code allow} a full listing gives for an active session. */
    static PollItem allow(Session session, boolean localUser, Instant now) {
        int up = session.uploadMbps() * 1000;
        int down = session.downloadMbps() * 1000;
        return new PollItem("allow", session.sessionId(), session.sessionId(), localUser ? session.radiusSecret() : null,
                session.deviceKey().mac().value(), session.expiresAt(), secondsLeft(session.expiresAt(), now), rateLimit(up, down),
                up, down, null);
    }

    /** Returns the {@code drop} for a session whose time ran out since the cursor's watermark. */
    static PollItem expired(Session session) {
        return new PollItem("drop", session.sessionId(), session.sessionId(), null, session.deviceKey().mac().value(), null,
                null, null, null, null, "expiry");
    }

    /** Returns an outbox entry as the router sees it, {@code secondsLeft} counted now. */
    static PollItem of(OutboxEntry entry, boolean localUser, Instant now) {
        var a = entry.attributes();
        boolean allow = entry.command() == OutboxCommand.ALLOW;
        return new PollItem(WireName.of(entry.command()), entry.sessionId(), entry.sessionId(),
                allow && localUser ? a.get("password") : null, entry.mac().value(), entry.expiresAt(),
                entry.expiresAt() == null ? null : secondsLeft(entry.expiresAt(), now), a.get("rateLimit"),
                integer(a.get("uploadKbps")), integer(a.get("downloadKbps")), a.get("reason"));
    }

    /** Returns MikroTik's {@code rate-limit} for a hotspot user: {@code rx/tx} from the router, so upload first. */
    static String rateLimit(int uploadKbps, int downloadKbps) {
        return uploadKbps + "k/" + downloadKbps + "k";
    }

    private static long secondsLeft(Instant expiresAt, Instant now) {
        return Math.max(0, Duration.between(now, expiresAt).toSeconds());
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null; // written by our own coa-function; a bad value is left out rather than failing the poll
        }
    }
}
