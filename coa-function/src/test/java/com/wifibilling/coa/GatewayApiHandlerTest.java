package com.wifibilling.coa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Mac;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.gateway.ControlMode;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayKeys;
import com.wifibilling.core.gateway.GatewayStatus;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.gateway.OutboxCommand;
import com.wifibilling.core.gateway.OutboxEntry;
import com.wifibilling.core.gateway.PollLogin;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynaliteExtension.RunningDynalite;
import com.wifibilling.core.store.DynamoDbGatewayOutboxStore;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.TestTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** GatewayApi built by its real wiring on dynalite (contracts/gateways.md §6), with a clock the tests move. */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayApiHandlerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final String SECRET = "k3yOfTheRouter0123456789abcdefXYZ";

    private final TestClock clock = new TestClock(T0);
    private final DynamoDbGatewayStore gateways;
    private final DynamoDbGatewayOutboxStore outbox;
    private final DynamoDbSessionStore sessions;
    private final DynamoDbLoginStore logins;
    private final GatewayApiHandler handler;

    GatewayApiHandlerTest(TestTables tables, RunningDynalite dynalite) {
        gateways = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        outbox = new DynamoDbGatewayOutboxStore(tables.client(), tables.name("GatewayOutboxTable"));
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        logins = new DynamoDbLoginStore(tables.client(), tables.name("LoginsTable"));
        Map<String, String> environment = new HashMap<>(tables.environment());
        environment.putAll(Map.of("AWS_REGION", "af-south-1", "DYNAMODB_ENDPOINT", dynalite.engine().endpoint().toString(),
                "SERVICE_NAME", "gateway-api"));
        handler = new GatewayApiHandler(GatewayApiWiring.from(Env.of(environment), clock).api());
    }

    @BeforeEach
    void startAtT0() {
        clock.set(T0); // each test uses its own gateways, so only the clock is shared state
    }

    private Gateway gateway(String gatewayId, GatewayStatus status, PollLogin pollLogin) {
        Gateway gateway = Gateway.builder(gatewayId, "Polling " + gatewayId, GatewayType.MIKROTIK, T0.minusSeconds(86_400))
                .status(status).controlMode(ControlMode.POLL).pollLogin(pollLogin)
                .radiusSecretRef("env:X").apiKeyHash(GatewayKeys.hash(SECRET)).build();
        assertTrue(gateways.create(gateway));
        return gateway;
    }

    private Session session(String gatewayId, String mac, String sessionId, Instant expiresAt) {
        var device = new DeviceKey(gatewayId, Mac.parse(mac));
        var session = new Session(device, sessionId, "AC" + sessionId.replace("-", ""), "Q7mXsecret0123456789", null, "basic", "Basic",
                5, 2, T0.minusSeconds(600), expiresAt, SessionStatus.ACTIVE, null, null, 1, Map.of("g-" + sessionId, 3600L),
                GatewayState.AWAITING_LOGIN, null, null, null, null);
        assertTrue(logins.put(sessionId, device));
        assertTrue(sessions.write(Optional.empty(), session, "g-" + sessionId));
        return session;
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String key, Map<String, String> query, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw/gateway-sessions.json");
        event.setRouteKey(method + " " + path);
        event.setRawPath(path);
        event.getRequestContext().setRouteKey(method + " " + path);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("x-gateway-key");
        if (key != null) headers.put("x-gateway-key", key);
        if (body != null) headers.put("content-type", "application/json");
        event.setHeaders(headers);
        event.setQueryStringParameters(query);
        event.setBody(body);
        return event;
    }

    private APIGatewayV2HTTPResponse poll(String gatewayId, Map<String, String> query) {
        return handler.handleRequest(event("GET", "/api/gateway/sessions", gatewayId + "." + SECRET, query, null), null);
    }

    private APIGatewayV2HTTPResponse post(String path, String gatewayId, String body) {
        return handler.handleRequest(event("POST", path, gatewayId + "." + SECRET, null, body), null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String errorCode(APIGatewayV2HTTPResponse response) {
        return json(response).at("/error/code").asText();
    }

    @Test
    void aMissingMalformedOrWrongKeyIs401AndADisabledGatewayIs403() {
        gateway("gw-auth", GatewayStatus.ACTIVE, PollLogin.RADIUS);
        gateway("gw-off", GatewayStatus.DISABLED, PollLogin.RADIUS);
        for (String key : new String[] {null, "", "gw-auth", "gw-auth.", ".secret", "gw-auth.wrong-secret", "gw-nobody." + SECRET,
                "gw-off.wrong-secret"}) {
            var response = handler.handleRequest(event("GET", "/api/gateway/sessions", key, null, null), null);
            assertEquals(401, response.getStatusCode(), "key " + key);
            assertEquals("INVALID_GATEWAY_KEY", errorCode(response));
        }
        var disabled = poll("gw-off", null);
        assertEquals(403, disabled.getStatusCode());
        assertEquals("GATEWAY_DISABLED", errorCode(disabled));
        assertEquals(401, post("/api/gateway/heartbeat", "gw-auth-x", "{}").getStatusCode());
    }

    @Test
    void withoutACursorEveryActiveSessionIsAnAllowAndLocalUsersGetTheirPassword() {
        gateway("gw-full", GatewayStatus.ACTIVE, PollLogin.LOCAL_USER);
        session("gw-full", "AA:BB:CC:DD:EE:01", "s-full-1", T0.plusSeconds(3540));
        session("gw-full", "AA:BB:CC:DD:EE:02", "s-full-2", T0.plusSeconds(7200));
        session("gw-full", "AA:BB:CC:DD:EE:03", "s-full-3", T0.minusSeconds(5)); // ran out: not listed

        var response = poll("gw-full", null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertEquals(List.of("s-full-2", "s-full-1"), body.get("items").findValuesAsText("sessionId"));
        assertEquals(Json.MAPPER.createObjectNode().put("action", "allow").put("sessionId", "s-full-1").put("username", "s-full-1")
                .put("password", "Q7mXsecret0123456789").put("mac", "AA:BB:CC:DD:EE:01").put("expiresAt", "2026-11-23T12:59:00Z")
                .put("secondsLeft", 3540).put("rateLimit", "2000k/5000k").put("uploadKbps", 2000).put("downloadKbps", 5000),
                body.get("items").get(1));
        assertEquals(30, body.get("pollAfterSeconds").asInt());
        assertEquals("2026-11-23T12:00:00Z", body.get("serverTime").asText());
        assertFalse(body.get("nextCursor").asText().isEmpty());
    }

    @Test
    void aRadiusGatewayNeverSeesPasswords() {
        gateway("gw-radius", GatewayStatus.ACTIVE, PollLogin.RADIUS);
        session("gw-radius", "AA:BB:CC:DD:EE:01", "s-radius-1", T0.plusSeconds(600));
        assertFalse(json(poll("gw-radius", null)).get("items").get(0).has("password"));
    }

    private void append(String gatewayId, long seq, OutboxCommand command, String sessionId, Instant createdAt) {
        long next = gateways.nextOutboxSeq(gatewayId).orElseThrow();
        assertTrue(next <= seq);
        Map<String, String> attributes = command == OutboxCommand.DROP ? Map.of("reason", "terminate")
                : Map.of("rateLimit", "5000k/5000k", "uploadKbps", "5000", "downloadKbps", "5000", "password", "Q7mX");
        assertTrue(outbox.append(new OutboxEntry(gatewayId, seq, command, Mac.parse("AA:BB:CC:DD:EE:01"), sessionId,
                command == OutboxCommand.DROP ? null : T0.plusSeconds(7200), attributes, createdAt)));
    }

    private String cursorOf(APIGatewayV2HTTPResponse response) {
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response).get("nextCursor").asText();
    }

    @Test
    void aCursorGivesTheOutboxAfterItInPagesAndWaitsForAYoungGap() {
        gateway("gw-delta", GatewayStatus.ACTIVE, PollLogin.RADIUS);
        String cursor = cursorOf(poll("gw-delta", null)); // empty outbox: the cursor starts at seq 0
        append("gw-delta", 1, OutboxCommand.UPDATE, "s-delta-1", T0);
        append("gw-delta", 2, OutboxCommand.DROP, "s-delta-1", T0);
        append("gw-delta", 3, OutboxCommand.ALLOW, "s-delta-3", T0);

        clock.advance(Duration.ofSeconds(1));
        var first = poll("gw-delta", Map.of("cursor", cursor, "limit", "2"));
        JsonNode page = json(first);
        assertEquals(List.of("update", "drop"), page.get("items").findValuesAsText("action"));
        assertEquals(Json.MAPPER.createObjectNode().put("action", "update").put("sessionId", "s-delta-1").put("username", "s-delta-1")
                .put("mac", "AA:BB:CC:DD:EE:01").put("expiresAt", "2026-11-23T14:00:00Z").put("secondsLeft", 7199)
                .put("rateLimit", "5000k/5000k").put("uploadKbps", 5000).put("downloadKbps", 5000), page.get("items").get(0));
        assertEquals("terminate", page.get("items").get(1).get("reason").asText());

        clock.advance(Duration.ofSeconds(1));
        var second = poll("gw-delta", Map.of("cursor", cursorOf(first)));
        assertEquals(List.of("s-delta-3"), json(second).get("items").findValuesAsText("sessionId"));
        assertFalse(json(second).get("items").get(0).has("password"), "a RADIUS gateway's allow carries no password");

        // seq 4 is counted but not written yet; seq 5 is: the page ends before the gap while it is young.
        gateways.nextOutboxSeq("gw-delta");
        append("gw-delta", 5, OutboxCommand.DROP, "s-delta-3", clock.instant());
        clock.advance(Duration.ofSeconds(1));
        String atGap = cursorOf(second);
        var young = poll("gw-delta", Map.of("cursor", atGap));
        assertEquals(List.of(), json(young).get("items").findValuesAsText("sessionId"));
        clock.advance(Duration.ofSeconds(10));
        var old = poll("gw-delta", Map.of("cursor", cursorOf(young)));
        assertEquals(List.of("s-delta-3"), json(old).get("items").findValuesAsText("sessionId"));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, json(poll("gw-delta", Map.of("cursor", cursorOf(old)))).get("items").size());
    }

    @Test
    void sessionsThatRanOutSinceTheCursorComeAsExpiryDropsOnce() {
        gateway("gw-expiry", GatewayStatus.ACTIVE, PollLogin.RADIUS);
        session("gw-expiry", "AA:BB:CC:DD:EE:01", "s-exp-1", T0.plusSeconds(30));
        session("gw-expiry", "AA:BB:CC:DD:EE:02", "s-exp-2", T0.plusSeconds(3600));
        String cursor = cursorOf(poll("gw-expiry", null));

        clock.advance(Duration.ofSeconds(31));
        var response = poll("gw-expiry", Map.of("cursor", cursor));
        JsonNode items = json(response).get("items");
        assertEquals(1, items.size());
        assertEquals(Json.MAPPER.createObjectNode().put("action", "drop").put("sessionId", "s-exp-1").put("username", "s-exp-1")
                .put("mac", "AA:BB:CC:DD:EE:01").put("reason", "expiry"), items.get(0));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, json(poll("gw-expiry", Map.of("cursor", cursorOf(response)))).get("items").size());
    }

    @Test
    void aCursorThisApiDidNotMakeOrABadLimitIs400() {
        gateway("gw-bad", GatewayStatus.ACTIVE, PollLogin.RADIUS);
        assertEquals("INVALID_FIELD", errorCode(poll("gw-bad", Map.of("cursor", "bm90IG91cnM"))));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("INVALID_FIELD", errorCode(poll("gw-bad", Map.of("limit", "101"))));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("INVALID_FIELD", errorCode(poll("gw-bad", Map.of("format", "xml"))));
    }

    @Test
    void usageIsStoredAsTheMaximumPerLoginAndUnknownUsersAreNamed() {
        gateway("gw-usage", GatewayStatus.ACTIVE, PollLogin.RADIUS);
        gateway("gw-other", GatewayStatus.ACTIVE, PollLogin.RADIUS);
        session("gw-usage", "AA:BB:CC:DD:EE:01", "s-usage-1", T0.plusSeconds(3600));
        session("gw-other", "AA:BB:CC:DD:EE:09", "s-other-1", T0.plusSeconds(3600));
        String report = """
                {"observedAt":"2026-11-23T11:59:50Z","items":[
                 {"username":"s-usage-1","mac":"AA:BB:CC:DD:EE:01","ip":"10.5.50.23","bytesIn":1048576,"bytesOut":52428800,"uptimeSeconds":300},
                 {"username":"s-gone","mac":"AA:BB:CC:DD:EE:02","ip":"10.5.50.24","bytesIn":1,"bytesOut":2,"uptimeSeconds":5},
                 {"username":"s-other-1","mac":"AA:BB:CC:DD:EE:09","ip":"10.5.50.25","bytesIn":1,"bytesOut":2,"uptimeSeconds":5}]}""";
        var response = post("/api/gateway/usage", "gw-usage", report);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(Json.MAPPER.createObjectNode().put("accepted", 1).set("unknown", Json.MAPPER.createArrayNode().add("s-gone").add("s-other-1")),
                json(response));

        Session stored = sessions.find(new DeviceKey("gw-usage", Mac.parse("AA:BB:CC:DD:EE:01"))).orElseThrow();
        assertEquals(1048576, stored.accounting().bytesIn());
        assertEquals(52428800, stored.accounting().bytesOut());
        assertEquals("10.5.50.23", stored.accounting().framedIp());
        assertEquals(Instant.parse("2026-11-23T11:54:50Z"), stored.accounting().acctStartedAt());
        assertEquals(GatewayState.ONLINE, stored.gatewayState());

        clock.advance(Duration.ofSeconds(1));
        post("/api/gateway/usage", "gw-usage", """
                {"items":[{"username":"s-usage-1","mac":"AA:BB:CC:DD:EE:01","bytesIn":10,"bytesOut":99999999}]}""");
        Session again = sessions.find(new DeviceKey("gw-usage", Mac.parse("AA:BB:CC:DD:EE:01"))).orElseThrow();
        assertEquals(1048576, again.accounting().bytesIn(), "the larger count stays");
        assertEquals(99999999, again.accounting().bytesOut());
        assertEquals(stored.version() + 1, again.version());
        assertEquals("INVALID_FIELD", errorCode(post("/api/gateway/usage", "gw-usage", "{\"observedAt\":\"2026-11-23T12:00:00Z\"}")));
    }

    @Test
    void heartbeatMovesLastSeenAt() {
        gateway("gw-beat", GatewayStatus.ACTIVE, PollLogin.RADIUS);
        clock.advance(Duration.ofSeconds(42));
        var response = post("/api/gateway/heartbeat", "gw-beat",
                "{\"routerOsVersion\":\"7.15.3\",\"identity\":\"gw-beat\",\"uptimeSeconds\":86400,\"activeSessions\":12,\"cursor\":\"x\"}");
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(Json.MAPPER.createObjectNode().put("serverTime", "2026-11-23T12:00:42Z").put("pollAfterSeconds", 30), json(response));
        assertEquals(T0.plusSeconds(42), gateways.find("gw-beat").orElseThrow().lastSeenAt());
    }

    @Test
    void aBurstOfFivePassesTheSixthIsLimitedAndASecondLaterOneMorePasses() {
        gateway("gw-burst", GatewayStatus.ACTIVE, PollLogin.RADIUS);
        for (int call = 1; call <= 5; call++) {
            var response = call % 2 == 0 ? post("/api/gateway/heartbeat", "gw-burst", "{}") : poll("gw-burst", null);
            assertEquals(200, response.getStatusCode(), "call " + call + ": " + response.getBody());
        }
        var sixth = poll("gw-burst", null);
        assertEquals(429, sixth.getStatusCode());
        assertEquals("RATE_LIMITED", errorCode(sixth));
        assertEquals("1", sixth.getHeaders().get("Retry-After"));
        assertEquals(429, post("/api/gateway/usage", "gw-burst", "{\"items\":[]}").getStatusCode());

        gateway("gw-burst-2", GatewayStatus.ACTIVE, PollLogin.RADIUS);
        assertEquals(200, poll("gw-burst-2", null).getStatusCode(), "each gateway has its own bucket");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, poll("gw-burst", null).getStatusCode());
        assertEquals(429, poll("gw-burst", null).getStatusCode());
    }
}
