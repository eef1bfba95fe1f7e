package com.wifibilling.core.auth;

import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Request;
import com.wifibilling.core.http.Route;
import java.util.Locale;
import java.util.Optional;

/**
 * The guard any route puts in front of itself (DESIGN §3): reads {@code Authorization: Bearer <JWT>}, answers 401
 * {@code UNAUTHORIZED} without a valid token and 403 {@code FORBIDDEN} when a valid token lacks the role. Either
 * audience is accepted; the role decides (admins carry {@code admin}, portal users {@code portal}).
 */
public final class Authorizer {
    private static final String SCHEME = "bearer ";

    private final TokenService tokens;

    public Authorizer(TokenService tokens) {
        this.tokens = tokens;
    }

    /** A route that runs only for a caller with the role, and is told who they are. */
    @FunctionalInterface
    public interface AuthorizedRoute {
        Reply handle(Request request, TokenClaims caller);
    }

    /** Returns a route that checks the bearer token and {@code role} before running {@code route}. */
    public Route requireRole(String role, AuthorizedRoute route) {
        return request -> route.handle(request, require(request, role));
    }

    /** Returns the caller's claims; 401 without a valid bearer token, 403 when it lacks {@code role}. */
    public TokenClaims require(Request request, String role) {
        TokenClaims claims = tokens.verify(bearer(request).orElseThrow(TokenService::unauthorized));
        if (!claims.hasRole(role)) throw ApiException.forbidden("This needs the " + role + " role");
        return claims;
    }

    /** Returns the token of an {@code Authorization: Bearer …} header (the scheme is case-insensitive, RFC 7235 §2.1). */
    static Optional<String> bearer(Request request) {
        return request.header("Authorization")
                .filter(value -> value.length() > SCHEME.length() && value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME))
                .map(value -> value.substring(SCHEME.length()).strip())
                .filter(token -> !token.isEmpty());
    }
}
