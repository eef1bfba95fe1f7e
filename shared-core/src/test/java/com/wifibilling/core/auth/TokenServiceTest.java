package com.wifibilling.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JWT rules of DESIGN §3, and the attacks a verifier must refuse: each answers the same 401. */
class TokenServiceTest {
    private static final String SECRET = "local-test-secret-that-is-long-enough-for-hs256";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final TestClock clock = new TestClock(T0.plusMillis(400));
    private final TokenService tokens = new TokenService(JwtSecret.of(SECRET), clock);

    /** Signs a token by hand with our key, starting from every claim a valid admin token has. */
    private static String signed(Algorithm algorithm, UnaryOperator<JWTCreator.Builder> change) {
        JWTCreator.Builder builder = JWT.create().withIssuer("wifibilling").withAudience("admin").withSubject("admin-1")
                .withClaim("roles", List.of("admin")).withIssuedAt(T0).withExpiresAt(T0.plus(Duration.ofHours(1)));
        return change.apply(builder).sign(algorithm);
    }

    private static String signed(UnaryOperator<JWTCreator.Builder> change) {
        return signed(Algorithm.HMAC256(SECRET), change);
    }

    private static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRejected(String token) {
        ApiException e = assertThrows(ApiException.class, () -> tokens.verify(token));
        assertEquals(401, e.status());
        assertEquals("UNAUTHORIZED", e.code());
        assertEquals(TokenService.MESSAGE, e.getMessage(), "one answer for every failure: it says nothing about why");
    }

    @Test
    void adminTokenCarriesEveryClaimAndLivesOneHour() {
        IssuedToken issued = tokens.issueAdmin("admin-1", List.of("support", "admin"));
        assertEquals(T0.plus(Duration.ofHours(1)), issued.expiresAt(), "whole seconds, an hour from now");
        assertEquals(List.of("admin", "support"), issued.roles());
        var decoded = JWT.decode(issued.token());
        assertEquals("HS256", decoded.getAlgorithm());
        assertEquals("wifibilling", decoded.getIssuer());
        assertEquals(List.of("admin"), decoded.getAudience());
        assertEquals(T0, decoded.getIssuedAtAsInstant());
        assertEquals(new TokenClaims("admin-1", List.of("admin", "support"), Audience.ADMIN, T0.plusSeconds(3600)),
                tokens.verify(issued.token()));
        assertTrue(!issued.toString().contains(issued.token()), "toString leaves the token out");
    }

    @Test
    void portalTokenLivesUntilTheSessionEndsButNeverMoreThanADay() {
        Instant sessionEnds = T0.plus(Duration.ofMinutes(90)).plusMillis(700);
        IssuedToken shortSession = tokens.issuePortal("sess-1", sessionEnds);
        assertEquals(T0.plus(Duration.ofMinutes(90)), shortSession.expiresAt());
        assertEquals(new TokenClaims("sess-1", List.of("portal"), Audience.PORTAL, T0.plus(Duration.ofMinutes(90))),
                tokens.verify(shortSession.token()));
        IssuedToken weekSession = tokens.issuePortal("sess-2", T0.plus(Duration.ofDays(7)));
        assertEquals(T0.plus(Duration.ofHours(24)), weekSession.expiresAt());
        assertThrows(IllegalArgumentException.class, () -> tokens.issuePortal("sess-3", T0.minusSeconds(1)));
    }

    @Test
    void tokenExpiresAtItsExpiryToTheSecond() {
        String token = tokens.issueAdmin("admin-1", List.of("admin")).token();
        clock.set(T0.plus(Duration.ofHours(1)).minusMillis(1));
        assertEquals("admin-1", tokens.verify(token).subject());
        clock.set(T0.plus(Duration.ofHours(1)));
        assertRejected(token);
    }

    @Test
    void algNoneIsRejectedWithOrWithoutTheOriginalSignature() {
        String valid = tokens.issueAdmin("admin-1", List.of("admin")).token();
        String[] parts = valid.split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertRejected(none + "." + parts[1] + ".");
        assertRejected(none + "." + parts[1] + "." + parts[2]);
        assertRejected(b64("{\"alg\":\"None\"}") + "." + parts[1] + ".");
    }

    @Test
    void otherAlgorithmsAreRejectedEvenWithOurKey() {
        assertRejected(signed(Algorithm.HMAC512(SECRET), b -> b));
        assertRejected(signed(Algorithm.HMAC384(SECRET), b -> b));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() {
        var stranger = new TokenService(JwtSecret.of("another-secret-that-is-also-long-enough-32"), clock);
        assertRejected(stranger.issueAdmin("admin-1", List.of("admin")).token());
    }

    @Test
    void tamperedPayloadWithTheOriginalSignatureIsRejected() {
        String portal = tokens.issuePortal("sess-1", T0.plus(Duration.ofHours(1))).token();
        String[] parts = portal.split("\\.");
        String promoted = b64("{\"iss\":\"wifibilling\",\"aud\":\"admin\",\"sub\":\"sess-1\",\"roles\":[\"admin\"],\"iat\":"
                + T0.getEpochSecond() + ",\"exp\":" + (T0.getEpochSecond() + 3600) + "}");
        assertRejected(parts[0] + "." + promoted + "." + parts[2]);
    }

    @Test
    void notBeforeInTheFutureIsRejectedAndHonouredOnceReached() {
        String token = signed(b -> b.withNotBefore(T0.plusSeconds(60)));
        assertRejected(token);
        clock.set(T0.plusSeconds(60));
        assertEquals("admin-1", tokens.verify(token).subject());
    }

    @Test
    void issuedInTheFutureIsRejected() {
        assertRejected(signed(b -> b.withIssuedAt(T0.plusSeconds(120))));
    }

    @Test
    void wrongIssuerOrAudienceIsRejected() {
        assertRejected(signed(b -> b.withIssuer("someone-else")));
        assertRejected(signed(b -> b.withAudience("radius")));
        assertRejected(signed(b -> b.withAudience("admin", "portal")));
    }

    @Test
    void missingOrMistypedClaimsAreRejected() {
        assertRejected(signed(b -> JWT.create().withIssuer("wifibilling").withAudience("admin").withClaim("roles", List.of("admin"))
                .withIssuedAt(T0).withExpiresAt(T0.plusSeconds(3600))));                            // no sub
        assertRejected(signed(b -> JWT.create().withIssuer("wifibilling").withAudience("admin").withSubject("admin-1")
                .withIssuedAt(T0).withExpiresAt(T0.plusSeconds(3600))));                            // no roles
        assertRejected(signed(b -> JWT.create().withIssuer("wifibilling").withAudience("admin").withSubject("admin-1")
                .withClaim("roles", List.of("admin")).withIssuedAt(T0)));                            // no exp
        assertRejected(signed(b -> JWT.create().withIssuer("wifibilling").withAudience("admin").withSubject("admin-1")
                .withClaim("roles", List.of("admin")).withExpiresAt(T0.plusSeconds(3600))));         // no iat
        assertRejected(signed(b -> b.withClaim("roles", "admin")));                                  // not an array
        assertRejected(signed(b -> b.withClaim("roles", List.of("Admin Root"))));                    // not a role name
        assertRejected(signed(b -> b.withSubject(" ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "a.b.c", "a.b", "..", "eyJhbGciOiJIUzI1NiJ9.e30.", "Bearer x.y.z"})
    void garbageIsRejected(String token) {
        assertRejected(token);
    }

    @Test
    void nullAndOversizedTokensAreRejectedBeforeParsing() {
        assertRejected(null);
        assertRejected("a".repeat(TokenService.MAX_TOKEN_CHARS + 1));
    }

    @Property(tries = 200)
    void changingAnyOneCharacterOfHeaderOrPayloadIsRejected(@ForAll @IntRange(min = 0, max = 10_000) int where,
                                                             @ForAll @IntRange(min = 1, max = 63) int shift) {
        String token = tokens.issueAdmin("admin-1", List.of("admin")).token();
        int signatureStart = token.lastIndexOf('.');
        int i = where % signatureStart;
        if (token.charAt(i) == '.') return;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char changed = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + shift) % alphabet.length());
        String tampered = token.substring(0, i) + changed + token.substring(i + 1);
        ApiException e = assertThrows(ApiException.class, () -> tokens.verify(tampered));
        assertEquals(401, e.status());
    }
}
