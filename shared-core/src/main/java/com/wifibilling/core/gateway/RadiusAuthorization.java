package com.wifibilling.core.gateway;

import com.wifibilling.core.Mac;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.LoginStore;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.session.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a RADIUS login for FreeRADIUS (contracts/gateways.md §3.4): read-only, a few strongly consistent reads
 * (the gateway, Logins, Sessions), because pfSense re-asks for every user every minute. It never checks a
 * password: an accept hands FreeRADIUS the session's secret as {@code control:Cleartext-Password} and FreeRADIUS
 * checks PAP or CHAP itself. A {@code User-Name} shaped like a MAC is a MAC login (MikroTik {@code mac-cookie},
 * pfSense MAC authentication), accepted without a password while the device's session is live.
 */
public final class RadiusAuthorization {
    /** A session this close to its end is refused: the device would be cut off before it finished logging in. */
    static final long MIN_SECONDS_LEFT = 5;
    static final String UNKNOWN_GATEWAY = "Unknown gateway";
    static final String UNKNOWN_CODE = "Unknown code";
    static final String OTHER_DEVICE = "This code belongs to another device";
    static final String TIME_UP = "Your time is up. Buy a package to continue.";
    static final String LOGGED_OUT = "Logged out. Open the portal to log in again.";
    /** contracts/gateways.md §1: a sessionId is {@code [A-Za-z0-9-]}, at most 64 characters. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(RadiusAuthorization.class);

    private final GatewayStore gateways;
    private final LoginStore logins;
    private final SessionStore sessions;
    private final Metrics metrics;
    private final Clock clock;

    public RadiusAuthorization(GatewayStore gateways, LoginStore logins, SessionStore sessions, Metrics metrics, Clock clock) {
        this.gateways = gateways;
        this.logins = logins;
        this.sessions = sessions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Returns the decision for one Access-Request as rlm_rest forwarded it. */
    public RadiusDecision authorize(RadiusAttributes request) {
        Instant now = clock.instant();
        Optional<Gateway> gateway = gateways.find(request.gatewayId()).filter(g -> g.status() == GatewayStatus.ACTIVE);
        if (gateway.isEmpty()) return reject("unknown-gateway", UNKNOWN_GATEWAY, request, null);
        String userName = request.first(RadiusAttributes.USER_NAME).orElse("");
        Optional<Mac> macLogin = RadiusAttributes.mac(userName);
        if (macLogin.isPresent()) return macLogin(gateway.get(), macLogin.get(), request, now);

        Optional<DeviceKey> device = SESSION_ID.matcher(userName).matches() ? logins.find(userName) : Optional.empty();
        Optional<Session> found = device.flatMap(sessions::find);
        if (found.isEmpty()) return reject("unknown-code", UNKNOWN_CODE, request, null);
        Session session = found.get();
        // The MAC is fixed when time is granted; the gateway is the client FreeRADIUS authenticated, never what the router says.
        boolean sameDevice = session.gatewayId().equals(gateway.get().gatewayId())
                && request.callingStation().filter(session.mac()::equals).isPresent();
        if (!sameDevice) return reject("other-device", OTHER_DEVICE, request, session);
        if (!session.sessionId().equals(userName) || !live(session, now)) return reject("time-up", TIME_UP, request, session);
        if (session.loggedOutAt() != null) return reject("logged-out", LOGGED_OUT, request, session);
        return RadiusDecision.accept(RadiusReplies.accept(gateway.get(), session, now));
    }

    /** A MAC login: the device's own session on this gateway, live and not logged out; no password to check. */
    private RadiusDecision macLogin(Gateway gateway, Mac mac, RadiusAttributes request, Instant now) {
        Optional<Mac> calling = request.callingStation();
        if (calling.isPresent() && !calling.get().equals(mac)) return reject("other-device", OTHER_DEVICE, request, null);
        Optional<Session> session = sessions.find(new DeviceKey(gateway.gatewayId(), mac));
        if (session.isEmpty()) return reject("unknown-code", UNKNOWN_CODE, request, null);
        if (!live(session.get(), now)) return reject("time-up", TIME_UP, request, session.get());
        if (session.get().loggedOutAt() != null) return reject("logged-out", LOGGED_OUT, request, session.get());
        return RadiusDecision.accept(RadiusReplies.macAccept(gateway, session.get(), now));
    }

    private static boolean live(Session session, Instant now) {
        return session.status() == SessionStatus.ACTIVE && session.expiresAt().isAfter(now.plusSeconds(MIN_SECONDS_LEFT));
    }

    private RadiusDecision reject(String reason, String message, RadiusAttributes request, Session session) {
        metrics.count("LoginFailed", "reason", "radius-" + reason);
        log.atInfo().addKeyValue("reason", reason).addKeyValue("gatewayId", request.first(RadiusAttributes.GATEWAY_ID).orElse(null))
                .addKeyValue("deviceKey", session == null ? null : session.deviceKey().value()).log("radius.authorize.rejected");
        return RadiusDecision.reject(message);
    }
}
