package com.wifibilling.core.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Returns the session a grant's apply step writes (DESIGN §4, step 2), from what it read: pure, so the rules are
 * plain to see and test.
 */
final class GrantApplication {
    private GrantApplication() {}

    /**
     * Returns {@code active} extended: {@code expiresAt} + the grant's seconds, the grant's package and rates, the
     * grant's phone when it has one; credentials, gateway state, accounting and logout kept (an extension changes
     * what the device may do, not who it is).
     */
    static Session extend(Session active, Grant grant) {
        GrantedPackage p = grant.granted();
        return new Session(active.deviceKey(), active.sessionId(), active.accessCode(), active.radiusSecret(),
                grant.phone() != null ? grant.phone() : active.phone(), p.packageId(), p.name(), p.downloadMbps(), p.uploadMbps(),
                active.startedAt(), active.expiresAt().plusSeconds(grant.seconds()), SessionStatus.ACTIVE, null, null,
                active.version() + 1, withGrant(active.appliedGrants(), grant), active.gatewayState(), active.loggedOutAt(),
                active.accounting(), active.lastCommand(), active.startedByGrant());
    }

    /**
     * Returns a new session started by the grant at {@code now} with fresh {@code credentials}, replacing the
     * device's ended, moved or expired one if there is one. It keeps the old item's applied grants, so a late
     * repair of a grant that went into the old session finds it applied and cannot add its time twice.
     */
    static Session start(Optional<Session> replaced, Grant grant, Credentials credentials, Instant now) {
        GrantedPackage p = grant.granted();
        return new Session(grant.deviceKey(), credentials.sessionId(), credentials.accessCode(), credentials.radiusSecret(),
                grant.phone(), p.packageId(), p.name(), p.downloadMbps(), p.uploadMbps(), now, now.plusSeconds(grant.seconds()),
                SessionStatus.ACTIVE, null, null, replaced.map(s -> s.version() + 1).orElse(1L),
                withGrant(replaced.map(Session::appliedGrants).orElse(Map.of()), grant),
                GatewayState.AWAITING_LOGIN, null, null, null, grant.grantId());
    }

    private static Map<String, Long> withGrant(Map<String, Long> applied, Grant grant) {
        Map<String, Long> grants = new HashMap<>(applied);
        grants.put(grant.grantId(), grant.seconds());
        return grants;
    }
}
