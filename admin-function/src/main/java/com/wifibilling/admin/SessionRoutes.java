package com.wifibilling.admin;

import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.Role;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Route;
import com.wifibilling.core.session.Accounting;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.LastCommand;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionSearch;
import com.wifibilling.core.session.SessionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** {@code GET /api/admin/sessions[/{deviceKey}]}: thin over {@link SessionSearch} (gateway-index or phone-index). */
final class SessionRoutes {
    private SessionRoutes() {}

    static Map<String, Route> routes(Authorizer authorizer, SessionSearch sessions, Clock clock) {
        return Map.of(
                "GET /api/admin/sessions", authorizer.requireRole(Role.ADMIN, (request, admin) -> Reply.ok(sessions.search(
                        request.query("gatewayId"), request.query("phone"), request.query("limit"), request.query("cursor"))
                        .map(s -> SessionAdminView.of(s, clock.instant())))),
                "GET /api/admin/sessions/{deviceKey}", authorizer.requireRole(Role.ADMIN, (request, admin) ->
                        Reply.ok(SessionAdminView.of(sessions.find(request.pathParameter("deviceKey")), clock.instant()))));
    }

    /** What the gateway's accounting last said: addresses and bytes ({@code bytesIn} uploaded by the device). */
    record Usage(String framedIp, String nasIp, String nasIdentifier, Instant acctStartedAt, Instant lastAcctAt, long bytesIn,
                 long bytesOut) {
        static Usage of(Accounting a) {
            return a == null ? null : new Usage(a.framedIp(), a.nasIp(), a.nasIdentifier(), a.acctStartedAt(), a.lastAcctAt(), a.bytesIn(),
                    a.bytesOut());
        }
    }

    /** A session as the admin sees it; never its access code or RADIUS secret (the user's credentials). */
    record SessionAdminView(String deviceKey, String gatewayId, String mac, String sessionId, String phone, String packageId,
                            String packageName, int downloadMbps, int uploadMbps, Instant startedAt, Instant expiresAt,
                            long remainingSeconds, SessionStatus status, Instant endedAt, String endReason, GatewayState gatewayState,
                            Instant loggedOutAt, Usage usage, LastCommand lastCommand) {
        static SessionAdminView of(Session s, Instant now) {
            long left = s.status() == SessionStatus.ACTIVE ? Math.max(0, Duration.between(now, s.expiresAt()).toSeconds()) : 0;
            return new SessionAdminView(s.deviceKey().value(), s.deviceKey().gatewayId(), s.deviceKey().mac().value(), s.sessionId(),
                    s.phone() == null ? null : s.phone().msisdn(), s.packageId(), s.packageName(), s.downloadMbps(), s.uploadMbps(),
                    s.startedAt(), s.expiresAt(), left, s.status(), s.endedAt(), s.endReason(), s.gatewayState(), s.loggedOutAt(),
                    Usage.of(s.accounting()), s.lastCommand());
        }
    }
}
