package com.wifibilling.core.gateway;

import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Returns the {@link Login} for a session on a gateway (contracts/gateways.md §2.1–§2.2), the one builder every
 * path that hands out credentials uses (purchase status, voucher, claim, relogin). RADIUS login:
 * {@code username} = sessionId, {@code password} = the radiusSecret for http-pap or its CHAP hash when the
 * redirect carried a challenge, {@code dst} = the portal's own {@code /online} page (which shows the remaining
 * time, then forwards to the page the user wanted), {@code popup=false}.
 */
public final class LoginBuilder {
    private final String portalBaseUrl;

    /** {@code portalBaseUrl}: where the portal is served, e.g. {@code https://portal.example.co.ke} (no trailing slash). */
    public LoginBuilder(String portalBaseUrl) {
        this.portalBaseUrl = portalBaseUrl.endsWith("/") ? portalBaseUrl.substring(0, portalBaseUrl.length() - 1) : portalBaseUrl;
    }

    public Login build(Session session, GatewayContext context) {
        return switch (context.gateway().type()) {
            case MIKROTIK, GENERIC_RADIUS -> redirectGet(session, context);
            // The form-post (pfSense) and controller (UniFi) logins are built by the gateways issue; until then no
            // such gateway can be created, so reaching this is a bug, not a user error.
            case PFSENSE, UNIFI -> throw new IllegalStateException("No login is built yet for " + context.gateway().type() + " gateways");
        };
    }

    private Login redirectGet(Session session, GatewayContext context) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", session.sessionId());
        fields.put("password", context.chap().map(chap -> ChapPassword.of(chap, session.radiusSecret())).orElse(session.radiusSecret()));
        fields.put("dst", onlinePage(context));
        fields.put("popup", "false");
        GatewayState state = session.gatewayState() == null ? GatewayState.AWAITING_LOGIN : session.gatewayState();
        return new Login("redirect-get", context.loginUrl().toString(), fields, state, session.expiresAt());
    }

    /** Returns {@code {PORTAL_BASE_URL}/online?orig=<link-orig>} (DESIGN §6). */
    String onlinePage(GatewayContext context) {
        return portalBaseUrl + "/online" + context.dst().map(dst -> "?orig=" + URLEncoder.encode(dst, StandardCharsets.UTF_8)).orElse("");
    }
}
