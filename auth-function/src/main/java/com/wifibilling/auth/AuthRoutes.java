package com.wifibilling.auth;

import com.wifibilling.core.auth.AdminLogin;
import com.wifibilling.core.auth.Audience;
import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.LoginRequest;
import com.wifibilling.core.auth.PortalAccess;
import com.wifibilling.core.auth.RadiusApiToken;
import com.wifibilling.core.auth.Relogin;
import com.wifibilling.core.auth.Role;
import com.wifibilling.core.auth.TokenClaims;
import com.wifibilling.core.auth.TokenService;
import com.wifibilling.core.gateway.GatewayParams;
import com.wifibilling.core.gateway.RadiusAccounting;
import com.wifibilling.core.gateway.RadiusAuthorization;
import com.wifibilling.core.gateway.RadiusDecision;
import com.wifibilling.core.guard.FloodGuard;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Router;
import com.wifibilling.core.voucher.RedeemRequest;
import com.wifibilling.core.voucher.VoucherRedemption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** AuthApi's routes, keyed exactly as template.yaml declares them (a test keeps the two identical). */
final class AuthRoutes {
    /** Requests with no source IP (never from API Gateway) share one flood count. */
    static final String UNKNOWN_SOURCE = "unknown";
    static final String RADIUS_TOKEN_HEADER = "X-Radius-Token";

    private AuthRoutes() {}

    /** The portal side of AuthApi: vouchers, a portal user's sign-in, status, relogin and logout, and the token check for logout. */
    record Portal(VoucherRedemption vouchers, PortalAccess access, Relogin relogin, Authorizer authorizer, TokenService tokens) {}

    /** The FreeRADIUS side (contracts/gateways.md §3.4-§3.5): only callers with the shared X-Radius-Token reach it. */
    record Radius(RadiusApiToken token, RadiusAuthorization authorization, RadiusAccounting accounting) {}

    static Router router(AdminLogin login, FloodGuard loginFlood, TokenService tokens, Portal portal, Radius radius) {
        return new Router(Map.of(
                "POST /api/auth/login", request -> {
                    loginFlood.admit(request.sourceIp() == null ? UNKNOWN_SOURCE : request.sourceIp()); // every request counts, even malformed
                    LoginBody body = request.json(LoginBody.class);
                    if (body.accessCode() == null) return Reply.ok(login.login(new LoginRequest(body.email(), body.password())));
                    PortalAccess.SignIn signIn = portal.access().signIn(body.accessCode(), body.gateway());
                    return Reply.ok(portal.tokens().issuePortal(signIn.sessionId(), signIn.expiresAt()));
                },
                "POST /api/auth/voucher", request -> Reply.ok(portal.vouchers().redeem(request.json(RedeemRequest.class))),
                "GET /api/auth/status", request -> Reply.ok(portal.access().status(new GatewayParams(request.query("gatewayId").orElse(null),
                        request.requireQuery("mac"), null, null, null, null, null))),
                "POST /api/auth/logout", portal.authorizer().requireRole(Role.PORTAL, (request, caller) -> {
                    portal.access().logout(caller.subject());
                    return Reply.noContent();
                }),
                "POST /api/auth/validate", request -> Reply.ok(ValidAnswer.of(tokens.verify(request.json(ValidateRequest.class).token()))),
                "POST /api/auth/relogin", request -> Reply.ok(portal.relogin().relogin(request.json(Relogin.ReloginRequest.class))),
                // rlm_rest's formats: 200 accept / 401 reject with Reply-Message; accounting 204 whenever understood.
                "POST /api/radius/authorize", request -> {
                    radius.token().check(request.header(RADIUS_TOKEN_HEADER)); // before the body: no parsing for strangers
                    RadiusDecision decision = radius.authorization().authorize(RadiusBody.attributes(request));
                    return Reply.status(decision.status(), decision.body());
                },
                "POST /api/radius/accounting", request -> {
                    radius.token().check(request.header(RADIUS_TOKEN_HEADER));
                    radius.accounting().record(RadiusBody.attributes(request));
                    return Reply.noContent(); // a 200 body would be copied into the Accounting-Response
                }));
    }

    /**
     * The body of {@code POST /api/auth/login}: an admin's {@code {email, password}}, or a portal user's
     * {@code {accessCode, gateway}} from the device that holds the code's time.
     */
    record LoginBody(String email, String password, String accessCode, GatewayParams gateway) {
        @Override
        public String toString() {
            return "LoginBody[email=" + email + ", portal=" + (accessCode != null) + "]"; // never the password or the code
        }
    }

    /** The body of {@code POST /api/auth/validate}. */
    record ValidateRequest(String token) {
        ValidateRequest {
            if (token == null) throw ApiException.invalidField("token", "token is required");
        }

        @Override
        public String toString() {
            return "ValidateRequest[token hidden]";
        }
    }

    /** What {@code POST /api/auth/validate} answers for a valid token: {@code {"sub","roles","aud","expiresAt"}}. */
    record ValidAnswer(String sub, List<String> roles, Audience aud, Instant expiresAt) {
        static ValidAnswer of(TokenClaims claims) {
            return new ValidAnswer(claims.subject(), claims.roles(), claims.audience(), claims.expiresAt());
        }
    }
}
