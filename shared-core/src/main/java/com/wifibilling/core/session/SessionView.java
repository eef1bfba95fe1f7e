package com.wifibilling.core.session;

import java.time.Instant;

/**
 * The part of a session a user may see once they proved it is theirs (DESIGN §6): what they must keep (the access
 * code, which is also the voucher code for a voucher's session), the RADIUS user name, and until when it is good.
 */
public record SessionView(String sessionId, String accessCode, Instant expiresAt, String packageName) {
    public static SessionView of(Session session) {
        return new SessionView(session.sessionId(), session.accessCode(), session.expiresAt(), session.packageName());
    }

    @Override
    public String toString() {
        return "SessionView[" + sessionId + ", expiresAt=" + expiresAt + "]";
    }
}
