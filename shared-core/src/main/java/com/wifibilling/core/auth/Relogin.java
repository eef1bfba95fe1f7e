package com.wifibilling.core.auth;

import com.wifibilling.core.gateway.GatewayContext;
import com.wifibilling.core.gateway.GatewayParams;
import com.wifibilling.core.gateway.GatewayStore;
import com.wifibilling.core.gateway.Login;
import com.wifibilling.core.gateway.LoginBuilder;
import com.wifibilling.core.guard.FloodGuard;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.CommandReason;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayCommand;
import com.wifibilling.core.session.GrantPublisher;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStore;
import com.wifibilling.core.session.SessionView;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/auth/relogin} (contracts/gateways.md §2.1): the portal calls it on every landing, and a device
 * that still has time on this gateway gets a fresh {@code login} (a fresh CHAP hash for the new challenge) without
 * paying again — after an idle timeout, a reboot, a stale challenge or a logout, whose {@code loggedOutAt} it
 * clears so RADIUS accepts the device again. Only the session's own device (same gateway and MAC) gets it.
 * At most {@link #PER_MINUTE} per gateway + MAC per minute, counted before anything is looked up.
 */
public final class Relogin {
    public static final int PER_MINUTE = 10;
    public static final String FLOOD_KIND = "relogin";
    private static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(Relogin.class);

    private final GatewayStore gateways;
    private final SessionStore sessions;
    private final LoginBuilder logins;
    private final GrantPublisher publisher;
    private final FloodGuard flood;
    private final String defaultGatewayId;
    private final Clock clock;

    public Relogin(GatewayStore gateways, SessionStore sessions, LoginBuilder logins, GrantPublisher publisher, FloodGuard flood,
                   String defaultGatewayId, Clock clock) {
        this.gateways = gateways;
        this.sessions = sessions;
        this.logins = logins;
        this.publisher = publisher;
        this.flood = flood;
        this.defaultGatewayId = defaultGatewayId;
        this.clock = clock;
    }

    /** The body of {@code POST /api/auth/relogin}: the gateway's redirect parameters, as with a purchase. */
    public record ReloginRequest(GatewayParams gateway) {}

    /** What a relogin answers: the session the device holds and how to log it in. */
    public record ReloginAnswer(SessionView session, Login login) {
        @Override
        public String toString() {
            return "ReloginAnswer[" + session + "]";
        }
    }

    /**
     * Returns a fresh login for the device's live session; 404 {@code NO_ACTIVE_SESSION} when it has none, 429
     * {@code RATE_LIMITED} past the limit, 400 {@code INVALID_GATEWAY_CONTEXT}/{@code INVALID_MAC} for bad redirect values.
     */
    public ReloginAnswer relogin(ReloginRequest request) {
        GatewayContext context = GatewayContext.of(request == null ? null : request.gateway(), defaultGatewayId, gateways);
        var device = new DeviceKey(context.gateway().gatewayId(), context.mac());
        flood.admit(device.value());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Session session = sessions.find(device).filter(s -> s.isActiveAt(now))
                    .orElseThrow(() -> ApiException.notFound("NO_ACTIVE_SESSION", "This device has no time left on this hotspot"));
            if (session.loggedOutAt() == null) return answer(session, context);
            Session back = session.withLoggedOutAt(null);
            if (sessions.update(session, back)) {
                publisher.publish(GatewayCommand.authorize(back, CommandReason.RELOGIN, now));
                log.atInfo().addKeyValue("deviceKey", device.value()).log("portal.relogged-in");
                return answer(back, context);
            }
        }
        throw new IllegalStateException("Session " + device + " kept changing during a relogin");
    }

    private ReloginAnswer answer(Session session, GatewayContext context) {
        return new ReloginAnswer(SessionView.of(session), logins.build(session, context));
    }
}
