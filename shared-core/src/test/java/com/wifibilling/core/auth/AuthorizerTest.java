package com.wifibilling.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Request;
import com.wifibilling.core.http.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizerTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final TokenService tokens = new TokenService(JwtSecret.of("authorizer-test-secret-0123456789abcdef"), clock);
    private final Authorizer authorizer = new Authorizer(tokens);
    private final Route adminOnly = authorizer.requireRole(Role.ADMIN, (request, caller) -> Reply.ok(Map.of("sub", caller.subject())));

    private static Request request(String... headers) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) map.put(headers[i], headers[i + 1]);
        return new Request(APIGatewayV2HTTPEvent.builder().withRouteKey("GET /api/admin/x").withRawPath("/api/admin/x")
                .withHeaders(map).build());
    }

    private ApiException refused(Request request) {
        return assertThrows(ApiException.class, () -> adminOnly.handle(request));
    }

    @Test
    void adminTokenReachesTheRouteWhichLearnsWhoCalled() {
        String token = tokens.issueAdmin("admin-7", List.of("admin")).token();
        assertEquals(Map.of("sub", "admin-7"), adminOnly.handle(request("Authorization", "Bearer " + token)).body());
        assertEquals(Map.of("sub", "admin-7"), adminOnly.handle(request("authorization", "bearer  " + token)).body(),
                "header name and scheme are case-insensitive");
    }

    @Test
    void missingHeaderIsUnauthorizedWithABearerChallenge() {
        ApiException e = refused(request());
        assertEquals(401, e.status());
        assertEquals("UNAUTHORIZED", e.code());
        assertEquals("Bearer", e.headers().get("WWW-Authenticate"));
    }

    @Test
    void otherSchemesAndEmptyBearersAreUnauthorized() {
        String token = tokens.issueAdmin("admin-7", List.of("admin")).token();
        for (String value : List.of("Basic YWRtaW46cGFzcw==", "Bearer", "Bearer ", "Bearer    ", token, "Token " + token)) {
            assertEquals(401, refused(request("Authorization", value)).status(), value);
        }
    }

    @Test
    void expiredAdminTokenIsUnauthorized() {
        String token = tokens.issueAdmin("admin-7", List.of("admin")).token();
        clock.advance(Duration.ofHours(1));
        assertEquals(401, refused(request("Authorization", "Bearer " + token)).status());
    }

    @Test
    void portalTokenOnAnAdminRouteIsForbidden() {
        String portal = tokens.issuePortal("sess-1", clock.instant().plus(Duration.ofHours(2))).token();
        ApiException e = refused(request("Authorization", "Bearer " + portal));
        assertEquals(403, e.status());
        assertEquals("FORBIDDEN", e.code());
    }

    @Test
    void adminWithoutTheAdminRoleIsForbidden() {
        String support = tokens.issueAdmin("admin-8", List.of("support")).token();
        assertEquals(403, refused(request("Authorization", "Bearer " + support)).status());
    }

    @Test
    void portalRouteAcceptsAPortalToken() {
        String portal = tokens.issuePortal("sess-1", clock.instant().plus(Duration.ofHours(2))).token();
        TokenClaims caller = authorizer.require(request("Authorization", "Bearer " + portal), Role.PORTAL);
        assertEquals(new TokenClaims("sess-1", List.of("portal"), Audience.PORTAL, clock.instant().plus(Duration.ofHours(2))), caller);
    }
}
