package com.wifibilling.core.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.wifibilling.core.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies the JWTs of DESIGN §3 with java-jwt: HS256 only, {@code iss} = {@code wifibilling},
 * {@code aud} = {@code admin} or {@code portal}, {@code sub}, {@code roles} (an array), {@code iat} and {@code exp};
 * an {@code nbf} is honoured when present. Admin tokens live one hour; portal tokens until their session expires,
 * at most 24 hours. Every failure to verify — {@code alg} none or any other algorithm, another key, expired, not yet
 * valid, wrong issuer or audience, a missing or mistyped claim, a malformed token — is the same 401
 * {@code UNAUTHORIZED}; only the log says which (never the token). No leeway: issuer and verifier share one clock.
 * Thread-safe: one instance per container.
 */
public final class TokenService {
    public static final String ISSUER = "wifibilling";
    public static final Duration ADMIN_LIFETIME = Duration.ofHours(1);
    public static final Duration PORTAL_MAX_LIFETIME = Duration.ofHours(24);
    /** Our tokens are a few hundred characters; anything far longer is refused before it is parsed. */
    static final int MAX_TOKEN_CHARS = 4096;
    static final String MESSAGE = "Sign in again: the token is missing, invalid or expired";

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    private static final String ROLES = "roles";
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;

    public TokenService(JwtSecret secret, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret.key());
        this.clock = clock;
        // The verifier checks the header's alg against HS256 (so "none" and RS256 fail), the signature, iss, aud,
        // exp, nbf and iat against the clock, and that every claim we rely on is there.
        // build(Clock) is on the implementation, not the Verification interface.
        var verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withAnyOfAudience(Audience.ADMIN.claim(), Audience.PORTAL.claim())
                .withClaimPresence("sub")
                .withClaimPresence(ROLES)
                .withClaimPresence("iat")
                .withClaimPresence("exp");
        this.verifier = verification.build(clock);
    }

    /** Returns an admin token for {@code userId} with the admin's roles, valid for one hour from now. */
    public IssuedToken issueAdmin(String userId, Collection<String> roles) {
        Instant now = now();
        return issue(userId, roles.stream().sorted().toList(), Audience.ADMIN, now, now.plus(ADMIN_LIFETIME));
    }

    /**
     * Returns a portal token for {@code sessionId} with role {@code portal}, valid until the session expires or for
     * 24 hours, whichever is sooner. The caller checks the session is active; one already expired is a bug here.
     */
    public IssuedToken issuePortal(String sessionId, Instant sessionExpiresAt) {
        Instant now = now();
        Instant expiresAt = sessionExpiresAt.truncatedTo(ChronoUnit.SECONDS);
        if (expiresAt.isAfter(now.plus(PORTAL_MAX_LIFETIME))) expiresAt = now.plus(PORTAL_MAX_LIFETIME);
        if (!expiresAt.isAfter(now)) throw new IllegalArgumentException("The session has already expired");
        return issue(sessionId, List.of(Role.PORTAL), Audience.PORTAL, now, expiresAt);
    }

    private IssuedToken issue(String subject, List<String> roles, Audience audience, Instant now, Instant expiresAt) {
        if (subject == null || subject.isBlank()) throw new IllegalArgumentException("A token needs a subject");
        String token = JWT.create()
                .withIssuer(ISSUER)
                .withAudience(audience.claim())
                .withSubject(subject)
                .withClaim(ROLES, roles)
                .withIssuedAt(now)
                .withExpiresAt(expiresAt)
                .sign(algorithm);
        return new IssuedToken(token, expiresAt, roles);
    }

    /** Returns the token's claims; throws 401 {@code UNAUTHORIZED} unless it is one of ours, unexpired, for admin or portal. */
    public TokenClaims verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) throw rejected("malformed");
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (JWTVerificationException e) {
            throw rejected(reason(e));
        }
        List<String> audiences = jwt.getAudience();
        if (audiences == null || audiences.size() != 1) throw rejected("audience"); // one token, one audience
        Audience audience = audiences.getFirst().equals(Audience.ADMIN.claim()) ? Audience.ADMIN : Audience.PORTAL;
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) throw rejected("claims");
        return new TokenClaims(subject, roles(jwt.getClaim(ROLES)), audience, jwt.getExpiresAtAsInstant());
    }

    private static List<String> roles(Claim claim) {
        List<String> roles;
        try {
            roles = claim.asList(String.class);
        } catch (JWTDecodeException e) {
            throw rejected("claims");
        }
        if (roles == null || roles.stream().anyMatch(role -> role == null || !ROLE.matcher(role).matches())) throw rejected("claims");
        return roles;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS); // JWT times are whole seconds
    }

    private static String reason(JWTVerificationException e) {
        if (e instanceof TokenExpiredException) return "expired";
        if (e instanceof AlgorithmMismatchException) return "algorithm";
        if (e instanceof SignatureVerificationException) return "signature";
        if (e instanceof MissingClaimException) return "claims";
        if (e instanceof IncorrectClaimException incorrect) return "claim-" + incorrect.getClaimName(); // iss, aud, nbf, iat
        if (e instanceof JWTDecodeException) return "malformed";
        return "invalid";
    }

    private static ApiException rejected(String reason) {
        log.atInfo().addKeyValue("reason", reason).log("token.rejected");
        return unauthorized();
    }

    /** Returns the 401 every token failure answers, with RFC 6750's {@code WWW-Authenticate: Bearer}. */
    static ApiException unauthorized() {
        return new ApiException(401, "UNAUTHORIZED", MESSAGE, null, Map.of("WWW-Authenticate", "Bearer"));
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "TokenService[" + ISSUER + "]";
    }
}
