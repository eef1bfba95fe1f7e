package com.wifibilling.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.auth.Audience;
import com.wifibilling.core.auth.JwtSecret;
import com.wifibilling.core.auth.PasswordHasher;
import com.wifibilling.core.auth.TokenClaims;
import com.wifibilling.core.auth.TokenService;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynaliteExtension.RunningDynalite;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbUserStore;
import com.wifibilling.core.store.TestTables;
import com.wifibilling.core.user.AdminCreation;
import com.wifibilling.core.user.User;
import com.wifibilling.core.user.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** AuthApi built by its real wiring on dynalite (Users and Guards), fed API Gateway v2 fixtures. */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthApiHandlerTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String SECRET = "auth-api-handler-test-secret-0123456789";
    private static final String PASSWORD = "correct horse battery";
    private static final PasswordHasher CHEAP = new PasswordHasher(64, 1, 1); // the real cost is for production, not tests
    private static final int IP_LIMIT = 20;
    private static final AtomicInteger IPS = new AtomicInteger(1);

    private final TestClock clock = new TestClock(T0.plusSeconds(5));
    private final List<String> metricLines = new CopyOnWriteArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private final DynamoDbUserStore users;
    private final TokenService tokens = new TokenService(JwtSecret.of(SECRET), clock);
    private final AuthApiHandler handler;

    AuthApiHandlerTest(TestTables tables, RunningDynalite dynalite) {
        environment.putAll(tables.environment());
        environment.putAll(Map.of("AWS_REGION", "af-south-1", "DYNAMODB_ENDPOINT", dynalite.engine().endpoint().toString(),
                "SERVICE_NAME", "auth-api", "ALLOWED_ORIGINS", "https://admin.example.co.ke", "JWT_SECRET", SECRET,
                "LOGIN_IP_LIMIT_PER_MINUTE", Integer.toString(IP_LIMIT)));
        // The portal routes are driven end to end in local-runtime; here they only need the wiring to start.
        environment.putAll(Map.of("SQS_ENDPOINT", "http://127.0.0.1:9", "GATEWAY_COMMANDS_QUEUE_URL", "http://127.0.0.1:9/q/commands",
                "NOTIFICATIONS_QUEUE_URL", "http://127.0.0.1:9/q/notifications", "PORTAL_BASE_URL", "https://portal.example.co.ke"));
        users = new DynamoDbUserStore(tables.client(), tables.name("UsersTable"),
                new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable")));
        var metrics = new Metrics("auth-api", clock, metricLines::add);
        handler = new AuthApiHandler(AuthWiring.from(AuthConfig.from(Env.of(environment)), clock, CHEAP, metrics).api());
    }

    /** The clock and the metrics are the class's; each test starts them afresh (accounts and addresses are never shared). */
    @BeforeEach
    void freshClockAndMetrics() {
        clock.set(T0.plusSeconds(5));
        metricLines.clear();
    }

    private User admin(String userId, String email) {
        User admin = User.admin(userId, email, CHEAP.hash(PASSWORD.toCharArray()), Set.of("admin"), T0);
        assertEquals(AdminCreation.CREATED, users.createAdmin(admin));
        return admin;
    }

    /** Each test logs in from its own address, so the flood limit only bites where a test wants it to. */
    private static String newIp() {
        return "41.90.65." + IPS.getAndIncrement();
    }

    private static APIGatewayV2HTTPEvent event(String fixture, String body, String ip) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw/" + fixture);
        event.setBody(body);
        event.getRequestContext().getHttp().setSourceIp(ip);
        return event;
    }

    private APIGatewayV2HTTPResponse login(String email, String password, String ip) {
        return handler.handleRequest(event("login.json", Json.write(Map.of("email", email, "password", password)), ip), null);
    }

    private APIGatewayV2HTTPResponse validate(String body) {
        return handler.handleRequest(event("validate.json", body, newIp()), null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    private static String errorCode(APIGatewayV2HTTPResponse response) throws Exception {
        return body(response).at("/error/code").asText();
    }

    private long metricLinesWith(String... parts) {
        return metricLines.stream().filter(line -> java.util.Arrays.stream(parts).allMatch(line::contains)).count();
    }

    @Test
    void adminLogsInWithAnHourLongAdminTokenAndIsSeen() throws Exception {
        User admin = admin("admin-ok", "ops@example.co.ke");
        var response = handler.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/apigw/login.json"), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = body(response);
        List<String> fields = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("token", "expiresAt", "roles"), Set.copyOf(fields));
        assertEquals("2026-11-25T11:00:05Z", body.get("expiresAt").asText());
        assertEquals("[\"admin\"]", body.get("roles").toString());
        assertEquals(new TokenClaims("admin-ok", List.of("admin"), Audience.ADMIN, T0.plusSeconds(3605)),
                tokens.verify(body.get("token").asText()));
        assertEquals(clock.instant(), users.find(admin.userId()).orElseThrow().lastSeenAt());
        assertEquals("https://admin.example.co.ke", response.getHeaders().get("Access-Control-Allow-Origin"));
        assertEquals(0, metricLinesWith("LoginFailed"));
    }

    @Test
    void emailIsMatchedHoweverItIsTyped() {
        admin("admin-case", "case@example.co.ke");
        assertEquals(200, login("  Case@Example.CO.KE ", PASSWORD, newIp()).getStatusCode());
    }

    @Test
    void unknownEmailWrongPasswordAndDisabledAccountGetTheSameAnswer() throws Exception {
        admin("admin-wrong", "wrong@example.co.ke");
        admin("admin-off", "off@example.co.ke");
        assertTrue(users.setStatus("admin-off", UserStatus.DISABLED));
        String ip = newIp();
        var unknown = login("nobody@example.co.ke", PASSWORD, ip);
        var wrong = login("wrong@example.co.ke", "not the password", ip);
        var disabled = login("off@example.co.ke", PASSWORD, ip);
        for (var response : List.of(unknown, wrong, disabled)) {
            assertEquals(401, response.getStatusCode());
            assertEquals("UNAUTHORIZED", errorCode(response));
        }
        assertEquals(unknown.getBody(), wrong.getBody());
        assertEquals(unknown.getBody(), disabled.getBody());
        assertEquals(3, metricLinesWith("\"LoginFailed\":1", "\"reason\":\"bad-credentials\""));
        assertNull(users.find("admin-off").orElseThrow().lastSeenAt(), "a disabled admin is not signed in");
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() throws Exception {
        admin("admin-lock", "lock@example.co.ke");
        String ip = newIp();
        for (int i = 1; i <= 5; i++) assertEquals(401, login("lock@example.co.ke", "guess " + i, ip).getStatusCode(), "failure " + i);
        clock.advance(Duration.ofSeconds(30));
        var locked = login("lock@example.co.ke", PASSWORD, ip);
        assertEquals(429, locked.getStatusCode());
        assertEquals("RATE_LIMITED", errorCode(locked));
        assertEquals("870", locked.getHeaders().get("Retry-After"), "15 minutes from the fifth failure, 30 s gone");
        assertEquals(1, metricLinesWith("\"LoginFailed\":1", "\"reason\":\"locked\""));
        assertEquals(1, metricLinesWith("\"Lockouts\":1", "\"kind\":\"login-account\""));
        assertEquals(401, login("other-lock@example.co.ke", PASSWORD, ip).getStatusCode(),
                "another account from the same address is not locked (an unknown one here, so a plain 401)");
        clock.advance(Duration.ofSeconds(870));
        assertEquals(200, login("lock@example.co.ke", PASSWORD, ip).getStatusCode(), "the lockout ends on time");
    }

    @Test
    void probingAnUnknownEmailIsLockedOutLikeARealAccount() throws Exception {
        String ip = newIp();
        for (int i = 0; i < 5; i++) assertEquals(401, login("ghost@example.co.ke", "guess", ip).getStatusCode());
        var sixth = login("Ghost@example.co.ke", "guess", ip);
        assertEquals(429, sixth.getStatusCode());
        assertEquals("RATE_LIMITED", errorCode(sixth));
    }

    @Test
    void successForgetsEarlierFailures() {
        admin("admin-reset", "reset@example.co.ke");
        String ip = newIp();
        for (int i = 0; i < 4; i++) login("reset@example.co.ke", "typo", ip);
        assertEquals(200, login("reset@example.co.ke", PASSWORD, ip).getStatusCode());
        for (int i = 0; i < 4; i++) assertEquals(401, login("reset@example.co.ke", "typo", ip).getStatusCode());
        assertEquals(200, login("reset@example.co.ke", PASSWORD, ip).getStatusCode(), "four plus four failures never locked");
    }

    @Test
    void oneAddressFloodingLoginIsLimitedPerMinuteWhileOthersCarryOn() throws Exception {
        clock.set(Instant.parse("2026-11-25T12:00:10Z"));
        String ip = newIp();
        for (int i = 0; i < IP_LIMIT; i++) {
            var response = i % 2 == 0 ? login("flood" + i + "@example.co.ke", "guess", ip)
                    : handler.handleRequest(event("login.json", "not json", ip), null); // malformed requests count too
            assertNotEquals(429, response.getStatusCode(), "request " + (i + 1));
        }
        var flooded = login("flood@example.co.ke", "guess", ip);
        assertEquals(429, flooded.getStatusCode());
        assertEquals("RATE_LIMITED", errorCode(flooded));
        assertEquals("50", flooded.getHeaders().get("Retry-After"), "until the next minute starts");
        assertEquals(401, login("flood@example.co.ke", "guess", newIp()).getStatusCode(), "another address is not limited");
        clock.advance(Duration.ofSeconds(50));
        assertEquals(401, login("flood@example.co.ke", "guess", ip).getStatusCode(), "a new minute, a new count");
    }

    @Test
    void aCheaperStoredHashIsUpgradedOnSuccessfulLogin() {
        var older = new PasswordHasher(32, 1, 1);
        users.createAdmin(User.admin("admin-old", "old@example.co.ke", older.hash(PASSWORD.toCharArray()), Set.of("admin"), T0));
        assertEquals(200, login("old@example.co.ke", PASSWORD, newIp()).getStatusCode());
        String stored = users.find("admin-old").orElseThrow().passwordHash();
        assertTrue(stored.contains("$m=64,"), stored);
        assertFalse(CHEAP.needsRehash(stored));
        assertEquals(200, login("old@example.co.ke", PASSWORD, newIp()).getStatusCode(), "the new hash verifies");
    }

    @Test
    void validateAnswersTheClaimsOfAValidToken() throws Exception {
        String admin = tokens.issueAdmin("admin-v", List.of("admin")).token();
        var response = validate(Json.write(Map.of("token", admin)));
        assertEquals(200, response.getStatusCode());
        assertEquals(Json.MAPPER.readTree("{\"sub\":\"admin-v\",\"roles\":[\"admin\"],\"aud\":\"admin\",\"expiresAt\":\"2026-11-25T11:00:05Z\"}"),
                body(response));
        String portal = tokens.issuePortal("sess-9", clock.instant().plus(Duration.ofMinutes(30))).token();
        JsonNode portalClaims = body(validate(Json.write(Map.of("token", portal))));
        assertEquals("portal", portalClaims.get("aud").asText());
        assertEquals("[\"portal\"]", portalClaims.get("roles").toString());
    }

    @Test
    void validateRefusesInvalidAndExpiredTokensWith401() throws Exception {
        String admin = tokens.issueAdmin("admin-v", List.of("admin")).token();
        var stranger = new TokenService(JwtSecret.of("someone-elses-secret-0123456789abcdef"), clock).issueAdmin("admin-v", List.of("admin"));
        for (String token : List.of("garbage", "", admin.substring(0, admin.length() - 2), stranger.token())) {
            var response = validate(Json.write(Map.of("token", token)));
            assertEquals(401, response.getStatusCode(), token);
            assertEquals("UNAUTHORIZED", errorCode(response));
        }
        clock.advance(Duration.ofHours(1));
        assertEquals(401, validate(Json.write(Map.of("token", admin))).getStatusCode());
    }

    @Test
    void badInputIsA4xxInTheErrorShapeAndCostsNoAccountAFailure() throws Exception {
        String ip = newIp();
        record Case(String fixture, String body, int status, String code, String field) {}
        for (Case c : List.of(
                new Case("login.json", "{\"password\":\"x\"}", 400, "INVALID_FIELD", "email"),
                new Case("login.json", "{\"email\":\"ops@example.co.ke\"}", 400, "INVALID_FIELD", "password"),
                new Case("login.json", "{\"email\":\"ops@example.co.ke\",\"password\":\"\"}", 400, "INVALID_FIELD", "password"),
                new Case("login.json", "{\"email\":\"not-an-email\",\"password\":\"x\"}", 400, "INVALID_FIELD", "email"),
                new Case("login.json", "{\"email\":42,\"password\":\"x\"}", 400, "INVALID_FIELD", "email"),
                new Case("login.json", "{\"email\":\"ops@example.co.ke\",\"password\":[\"x\"]}", 400, "INVALID_FIELD", "password"),
                new Case("login.json", Json.write(Map.of("email", "ops@example.co.ke", "password", "p".repeat(1025))), 400, "INVALID_FIELD", "password"),
                new Case("login.json", "{\"email\":", 400, "INVALID_JSON", null),
                new Case("login.json", "null", 400, "INVALID_JSON", null),
                new Case("login.json", "", 400, "INVALID_JSON", null),
                new Case("validate.json", "{}", 400, "INVALID_FIELD", "token"),
                new Case("validate.json", "{\"token\":{\"alg\":\"none\"}}", 400, "INVALID_FIELD", "token"),
                new Case("validate.json", "[1,2]", 400, "INVALID_JSON", null))) {
            var response = handler.handleRequest(event(c.fixture(), c.body(), ip), null);
            assertEquals(c.status(), response.getStatusCode(), c.toString());
            assertEquals(c.code(), errorCode(response), c.toString());
            JsonNode field = body(response).at("/error/field");
            assertEquals(c.field(), field.isMissingNode() ? null : field.asText(), c.toString());
        }
        assertEquals(0, metricLinesWith("LoginFailed"), "malformed requests are not login failures");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        for (String fixture : List.of("login.json", "validate.json")) {
            APIGatewayV2HTTPEvent event = event(fixture, "email=ops%40example.co.ke&password=x", newIp());
            event.getHeaders().put("content-type", "application/x-www-form-urlencoded");
            var response = handler.handleRequest(event, null);
            assertEquals(415, response.getStatusCode());
            assertEquals("UNSUPPORTED_MEDIA_TYPE", errorCode(response));
        }
    }

    @Test
    void refusesToStartWithAShortSecretNamingItButNeverEchoingIt() {
        var weak = new HashMap<>(environment);
        weak.put("JWT_SECRET", "tooshort-secret-value");
        ConfigException e = assertThrows(ConfigException.class, () -> new AuthApiHandler(Env.of(weak)));
        assertTrue(e.getMessage().contains("JWT_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("tooshort"), e.getMessage());
        weak.remove("JWT_SECRET");
        assertTrue(assertThrows(ConfigException.class, () -> new AuthApiHandler(Env.of(weak))).getMessage().contains("JWT_SECRET"));
    }

    @Test
    void refusesAMalformedFloodLimit() {
        var bad = new HashMap<>(environment);
        for (String value : List.of("0", "-1", "lots")) {
            bad.put("LOGIN_IP_LIMIT_PER_MINUTE", value);
            ConfigException e = assertThrows(ConfigException.class, () -> new AuthApiHandler(Env.of(bad)));
            assertTrue(e.getMessage().contains("LOGIN_IP_LIMIT_PER_MINUTE"), e.getMessage());
        }
        bad.remove("LOGIN_IP_LIMIT_PER_MINUTE");
        assertEquals(AuthConfig.DEFAULT_LOGIN_IP_LIMIT_PER_MINUTE, AuthConfig.from(Env.of(bad)).loginIpLimitPerMinute());
    }
}
