package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.auth.Audience;
import com.wifibilling.core.auth.JwtSecret;
import com.wifibilling.core.auth.PasswordHasher;
import com.wifibilling.core.auth.TokenService;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbUserStore;
import com.wifibilling.core.user.AdminCreation;
import com.wifibilling.core.user.User;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AuthApi from template.yaml, served by the local runtime with no code of its own, reached over HTTP. */
class AuthApiEndToEndTest {
    private static final String ADMIN_PASSWORD = "local-admin-password-for-e2e";
    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() {
        runtime = TestRuntimes.start(Env.of(Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD)));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static HttpResponse<String> post(String path, Object body) {
        return api.send("POST", path, Json.write(body), "Content-Type", "application/json");
    }

    private static HttpResponse<String> login(String email, String password) {
        return post("/api/auth/login", Map.of("email", email, "password", password));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void seededAdminLogsInAndTheTokenValidates() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> response = login("admin@localhost", ADMIN_PASSWORD);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals("[\"admin\"]", body.get("roles").toString());
        Instant expiresAt = Instant.parse(body.get("expiresAt").asText());
        assertTrue(!expiresAt.isBefore(before.plus(Duration.ofHours(1))) && expiresAt.isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(1)),
                "an hour from now: " + expiresAt);
        String token = body.get("token").asText();

        JsonNode claims = json(post("/api/auth/validate", Map.of("token", token)));
        assertEquals(Seeder.ADMIN_USER_ID, claims.get("sub").asText());
        assertEquals("admin", claims.get("aud").asText());
        assertEquals(body.get("expiresAt"), claims.get("expiresAt"));
        // Signed with the local runtime's JWT_SECRET (LocalSecrets), not the template's empty JwtSecret default.
        var secret = JwtSecret.of(runtime.secrets().get("JWT_SECRET"));
        assertEquals(Audience.ADMIN, new TokenService(secret, Clock.systemUTC()).verify(token).audience());
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() throws Exception {
        HttpResponse<String> wrong = login("admin@localhost", "not-the-password-at-all");
        HttpResponse<String> unknown = login("nobody@localhost", ADMIN_PASSWORD);
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals("UNAUTHORIZED", json(wrong).at("/error/code").asText());
        assertEquals(wrong.body(), unknown.body());
        assertEquals(200, login("admin@localhost", ADMIN_PASSWORD).statusCode(), "one slip does not lock anyone out");
    }

    @Test
    void sixWrongPasswordsAreRateLimitedWithRetryAfter() throws Exception {
        createAdmin("ops-e2e", "ops@localhost"); // its own account, so the seeded admin stays usable for the other tests
        for (int i = 1; i <= 5; i++) assertEquals(401, login("ops@localhost", "wrong-guess-" + i).statusCode(), "guess " + i);
        HttpResponse<String> sixth = login("ops@localhost", "wrong-guess-6");
        assertEquals(429, sixth.statusCode());
        assertEquals("RATE_LIMITED", json(sixth).at("/error/code").asText());
        long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 800 && retryAfter <= 900, "about 15 minutes: " + retryAfter);
        assertEquals(429, login("ops@localhost", ADMIN_PASSWORD).statusCode(), "locked even with the right password");
    }

    @Test
    void validateRefusesAForgedToken() throws Exception {
        var forger = new TokenService(JwtSecret.of("not-the-local-runtime-secret-0123456789"), Clock.systemUTC());
        HttpResponse<String> response = post("/api/auth/validate", Map.of("token", forger.issueAdmin("local-admin", List.of("admin")).token()));
        assertEquals(401, response.statusCode());
        assertEquals("UNAUTHORIZED", json(response).at("/error/code").asText());
        assertFalse(response.body().contains("signature"), "the answer does not say why");
    }

    private static void createAdmin(String userId, String email) {
        var dynamoDb = AwsClients.dynamoDb(new AwsConfig(LocalResources.REGION, Optional.of(runtime.dynamoDbEndpoint()), Optional.empty()));
        var users = new DynamoDbUserStore(dynamoDb, runtime.tableName("UsersTable"), new DynamoDbGuardStore(dynamoDb, runtime.tableName("GuardsTable")));
        String hash = new PasswordHasher().hash(ADMIN_PASSWORD.toCharArray());
        assertEquals(AdminCreation.CREATED, users.createAdmin(User.admin(userId, email, hash, Set.of("admin"), Instant.now())));
    }
}
