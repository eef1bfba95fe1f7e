package com.wifibilling.core.gateway;

import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.Session;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Returns the {@link Login} for a session on a gateway (contracts/gateways.md §2.1–§2.4), the one builder every
 * path that hands out credentials uses (purchase status, voucher, claim, relogin). Per gateway type:
 * <ul>
 * <li>MikroTik and generic NAS, {@code redirect-get}: {@code username} = sessionId, {@code password} = the
 * radiusSecret for http-pap or its CHAP hash when the redirect carried a challenge, {@code dst} = the portal's own
 * {@code /online} page (which shows the remaining time, then forwards to the page the user wanted), {@code popup=false}.
 * <li>pfSense, {@code form-post} to {@code $PORTAL_ACTION$}: {@code auth_user}, {@code auth_pass} (pfSense hashes
 * for CHAP itself), {@code zone} (from the action URL's {@code zone=} when it has one), {@code redirurl} = the online
 * page, {@code accept=Continue}.
 * <li>UniFi, {@code none}: the controller lets the device in (coa-function's {@code authorize-guest}); the portal
 * polls until {@code gatewayState} is {@code authorized} or {@code failed}, then goes to {@code dst}.
 * <li>A polling gateway with local users, {@code wait}: the router creates the user from its poll (§6); until the
 * session's gateway state says it did, the portal waits, then logs in as for MikroTik.
 * </ul>
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
            case PFSENSE -> formPost(session, context);
            case UNIFI -> new Login("none", null, Map.of("dst", onlinePage(context)), state(session), session.expiresAt());
        };
    }

    private Login formPost(Session session, GatewayContext context) {
        URI action = context.loginUrl().orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("auth_user", session.sessionId());
        fields.put("auth_pass", session.radiusSecret());
        zone(action).ifPresent(zone -> fields.put("zone", zone));
        fields.put("redirurl", onlinePage(context));
        fields.put("accept", "Continue");
        return new Login("form-post", action.toString(), fields, state(session), session.expiresAt());
    }

    /** pfSense names the zone in its action URL ({@code …/index.php?zone=guests}) and wants it posted too. */
    private static Optional<String> zone(URI action) {
        String query = action.getRawQuery();
        if (query == null) return Optional.empty();
        for (String pair : query.split("&")) {
            if (pair.startsWith("zone=") && pair.length() > 5) {
                String zone = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                if (zone.matches("[A-Za-z0-9_-]{1,64}")) return Optional.of(zone);
            }
        }
        return Optional.empty();
    }

    private static GatewayState state(Session session) {
        return session.gatewayState() == null ? GatewayState.AWAITING_LOGIN : session.gatewayState();
    }

    private Login redirectGet(Session session, GatewayContext context) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", session.sessionId());
        fields.put("password", context.chap().map(chap -> ChapPassword.of(chap, session.radiusSecret())).orElse(session.radiusSecret()));
        fields.put("dst", onlinePage(context));
        fields.put("popup", "false");
        return new Login("redirect-get", context.loginUrl().orElseThrow().toString(), fields, state(session), session.expiresAt());
    }

    /**
     * Returns {@code {PORTAL_BASE_URL}/online?gw=<gatewayId>&mac=<MAC>&orig=<link-orig>} (DESIGN §6): the gateway and
     * MAC let the page ask the device's time left itself, since a captive mini-browser may have wiped the portal's
     * storage by the time the router sends it there.
     */
    String onlinePage(GatewayContext context) {
        return portalBaseUrl + "/online?gw=" + encode(context.gateway().gatewayId()) + "&mac=" + encode(context.mac().value())
                + context.dst().map(dst -> "&orig=" + encode(dst)).orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
