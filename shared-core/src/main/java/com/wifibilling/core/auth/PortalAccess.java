package com.wifibilling.core.auth;

import com.wifibilling.core.gateway.GatewayContext;
import com.wifibilling.core.gateway.GatewayParams;
import com.wifibilling.core.gateway.GatewayStore;
import com.wifibilling.core.guard.AttemptLimit;
import com.wifibilling.core.guard.AttemptLimiter;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.CommandReason;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayCommand;
import com.wifibilling.core.session.GrantPublisher;
import com.wifibilling.core.session.LoginStore;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStore;
import com.wifibilling.core.voucher.AccessCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a portal user does with their own session (the auth/vouchers issue, DESIGN §6): sign in with the access
 * code from the device that holds it (for a portal JWT whose subject is the sessionId), see a device's remaining
 * time without anything personal, and log out — which disconnects the device but keeps its paid time.
 * Failed sign-ins count against the device, like failed codes ({@link AttemptLimit#VOUCHER_DEVICE}).
 */
public final class PortalAccess {
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(PortalAccess.class);

    private final SessionStore sessions;
    private final LoginStore logins;
    private final GatewayStore gateways;
    private final GrantPublisher publisher;
    private final AttemptLimiter limiter;
    private final String defaultGatewayId;
    private final Clock clock;

    public PortalAccess(SessionStore sessions, LoginStore logins, GatewayStore gateways, GrantPublisher publisher,
                        AttemptLimiter limiter, String defaultGatewayId, Clock clock) {
        this.sessions = sessions;
        this.logins = logins;
        this.gateways = gateways;
        this.publisher = publisher;
        this.limiter = limiter;
        this.defaultGatewayId = defaultGatewayId;
        this.clock = clock;
    }

    /** The session a portal JWT is issued for: its subject and until when (never past the session's expiry). */
    public record SignIn(String sessionId, Instant expiresAt) {}

    /**
     * Returns the session the access code belongs to when it is live on the asking device; 401
     * {@code UNAUTHORIZED} otherwise (one answer for a wrong code, another device's code and run-out time), counted
     * against the device; 429 {@code RATE_LIMITED} while the device is locked out; 400 for a malformed code.
     */
    public SignIn signIn(String accessCode, GatewayParams gateway) {
        DeviceKey device = device(gateway);
        limiter.check(AttemptLimit.VOUCHER_DEVICE.kind(), device.value());
        String code;
        try {
            code = AccessCode.parse(accessCode, "accessCode").value();
        } catch (ApiException typo) {
            limiter.recordFailure(AttemptLimit.VOUCHER_DEVICE.kind(), device.value());
            throw typo;
        }
        Optional<Session> live = sessions.find(device).filter(s -> s.isActiveAt(clock.instant())).filter(s -> s.accessCode().equals(code));
        if (live.isEmpty()) {
            limiter.recordFailure(AttemptLimit.VOUCHER_DEVICE.kind(), device.value());
            throw ApiException.unauthorized("This code has no time on this device");
        }
        return new SignIn(live.get().sessionId(), live.get().expiresAt());
    }

    /** The answer of {@code GET /api/auth/status}: nothing personal, only whether the device has time and how much. */
    public record DeviceStatus(boolean active, Instant expiresAt, long remainingSeconds, String packageName) {}

    /** Returns whether the device (gateway + MAC) has live time now; 400 for a bad MAC or gateway. */
    public DeviceStatus status(GatewayParams gateway) {
        Instant now = clock.instant();
        return sessions.find(device(gateway)).filter(s -> s.isActiveAt(now))
                .map(s -> new DeviceStatus(true, s.expiresAt(), Duration.between(now, s.expiresAt()).toSeconds(), s.packageName()))
                .orElseGet(() -> new DeviceStatus(false, null, 0, null));
    }

    /**
     * Logs the session's device out (a portal JWT's subject): the gateway is told to disconnect it, and
     * {@code loggedOutAt} is recorded so RADIUS refuses it until a relogin; the paid time keeps running out as
     * usual. 404 {@code NO_ACTIVE_SESSION} when the session is not live any more.
     */
    public void logout(String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) throw ApiException.unauthorized("Not a portal session");
        DeviceKey device = logins.find(sessionId).orElseThrow(() -> ApiException.notFound("NO_ACTIVE_SESSION", "No such session"));
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant now = clock.instant();
            Session read = sessions.find(device).filter(s -> s.sessionId().equals(sessionId)).filter(s -> s.isActiveAt(now))
                    .orElseThrow(() -> ApiException.notFound("NO_ACTIVE_SESSION", "This session has ended"));
            Session loggedOut = read.withLoggedOutAt(now);
            if (sessions.update(read, loggedOut)) {
                publisher.publish(GatewayCommand.disconnect(loggedOut, CommandReason.LOGOUT, now));
                log.atInfo().addKeyValue("sessionId", sessionId).addKeyValue("deviceKey", device.value()).log("portal.logged-out");
                return;
            }
        }
        throw new IllegalStateException("Session " + sessionId + " kept changing while logging out");
    }

    private DeviceKey device(GatewayParams gateway) {
        return GatewayContext.device(gateway, defaultGatewayId, gateways);
    }
}
