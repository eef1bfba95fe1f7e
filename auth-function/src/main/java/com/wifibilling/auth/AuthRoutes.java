package com.wifibilling.auth;

import com.wifibilling.core.auth.AdminLogin;
import com.wifibilling.core.auth.Audience;
import com.wifibilling.core.auth.LoginRequest;
import com.wifibilling.core.auth.TokenClaims;
import com.wifibilling.core.auth.TokenService;
import com.wifibilling.core.guard.FloodGuard;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Router;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** AuthApi's routes, keyed exactly as template.yaml declares them (a test keeps the two identical). */
final class AuthRoutes {
    /** Requests with no source IP (never from API Gateway) share one flood count. */
    static final String UNKNOWN_SOURCE = "unknown";

    private AuthRoutes() {}

    static Router router(AdminLogin login, FloodGuard loginFlood, TokenService tokens) {
        return new Router(Map.of(
                "POST /api/auth/login", request -> {
                    loginFlood.admit(request.sourceIp() == null ? UNKNOWN_SOURCE : request.sourceIp()); // every request counts, even malformed
                    return Reply.ok(login.login(request.json(LoginRequest.class)));
                },
                "POST /api/auth/validate", request -> Reply.ok(ValidAnswer.of(tokens.verify(request.json(ValidateRequest.class).token())))));
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
