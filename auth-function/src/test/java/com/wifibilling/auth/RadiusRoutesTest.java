package com.wifibilling.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Mac;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.auth.PasswordHasher;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.session.Credentials;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynaliteExtension.RunningDynalite;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.TestTables;
import com.wifibilling.core.voucher.AccessCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/radius/*} through AuthApi's real wiring on dynalite, fed the requests rlm_rest sends (contracts/gateways.md §3.3). */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadiusRoutesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final String TOKEN = "radius-routes-test-token-0123456789abcdef";
    private static final String GATEWAY = "gw-radius-routes";
    private static final String MAC = "AA:BB:CC:DD:EE:01";

    private final AuthApiHandler handler;
    private final DynamoDbSessionStore sessions;
    private final Session session;

    RadiusRoutesTest(TestTables tables, RunningDynalite dynalite) {
        Map<String, String> environment = new HashMap<>(tables.environment());
        environment.putAll(Map.of("AWS_REGION", "af-south-1", "DYNAMODB_ENDPOINT", dynalite.engine().endpoint().toString(),
                "SERVICE_NAME", "auth-api", "JWT_SECRET", "radius-routes-test-jwt-secret-0123456789", "RADIUS_API_TOKEN", TOKEN,
                "SQS_ENDPOINT", "http://127.0.0.1:9", "GATEWAY_COMMANDS_QUEUE_URL", "http://127.0.0.1:9/q/commands",
                "NOTIFICATIONS_QUEUE_URL", "http://127.0.0.1:9/q/notifications", "PORTAL_BASE_URL", "https://portal.example.co.ke"));
        var clock = new TestClock(NOW);
        handler = new AuthApiHandler(AuthWiring.from(AuthConfig.from(Env.of(environment)), clock, new PasswordHasher(64, 1, 1),
                new Metrics("auth-api", clock, line -> { })).api());
        new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"))
                .create(Gateway.builder(GATEWAY, "Cafe", GatewayType.MIKROTIK, NOW).build());
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        var device = new DeviceKey(GATEWAY, Mac.parse(MAC));
        session = new Session(device, Credentials.newSessionId(), AccessCode.generate().value(), Credentials.newRadiusSecret(), null,
                "p1h", "1 hour", 5, 2, NOW, NOW.plusSeconds(3600), SessionStatus.ACTIVE, null, null, 1, Map.of("g1", 3600L),
                null, null, null, null, "g1");
        new DynamoDbLoginStore(tables.client(), tables.name("LoginsTable")).put(session.sessionId(), device);
        sessions.write(Optional.empty(), session, "g1");
    }

    private APIGatewayV2HTTPResponse send(String fixture, String token, String callingStation) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw/" + fixture);
        event.setBody(event.getBody().replace("SESSION_ID", session.sessionId()).replace("CALLING_STATION", callingStation)
                .replace("GATEWAY_ID", GATEWAY));
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (token == null) headers.remove("x-radius-token");
        else headers.put("x-radius-token", token);
        event.setHeaders(headers);
        return handler.handleRequest(event, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return json(response.getBody());
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void authorizeAnswersTheAcceptInRlmRestsFormat() {
        var response = send("radius-authorize.json", TOKEN, "aa:bb:cc:dd:ee:01");
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertEquals(List.of(session.radiusSecret(), 3600, "2000k/5000k", 300, "wb:" + session.sessionId()),
                List.of(body.get("control:Cleartext-Password").asText(), body.get("reply:Session-Timeout").asInt(),
                        body.get("reply:Mikrotik-Rate-Limit").asText(), body.get("reply:Acct-Interim-Interval").asInt(),
                        body.get("reply:Class").asText()));
    }

    @Test
    void authorizeAnswersARejectAs401WithAReplyMessageNotToExpand() {
        var response = send("radius-authorize.json", TOKEN, "AA:BB:CC:DD:EE:99");
        assertEquals(401, response.getStatusCode());
        assertEquals(json("{\"reply:Reply-Message\":{\"value\":\"This code belongs to another device\",\"do_xlat\":false}}"),
                json(response)); // compared as JSON: field order is not part of the contract
    }

    @Test
    void aWrongOrMissingTokenIsForbiddenBeforeTheBodyIsRead() {
        for (String token : new String[] {null, "", TOKEN.substring(1), TOKEN + "x"}) {
            for (String fixture : List.of("radius-authorize.json", "radius-accounting.json")) {
                var response = send(fixture, token, MAC);
                assertEquals(403, response.getStatusCode(), fixture + " " + token);
                assertEquals("FORBIDDEN", json(response).at("/error/code").asText());
                assertTrue(!response.getBody().contains(session.radiusSecret()));
            }
        }
    }

    @Test
    void aMalformedBodyIs400InvalidJson() {
        for (String body : List.of("not json", "[1,2]", "")) {
            APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw/radius-authorize.json");
            event.setHeaders(Map.of("content-type", "application/json", "x-radius-token", TOKEN));
            event.setBody(body);
            var response = handler.handleRequest(event, null);
            assertEquals(List.of(400, "INVALID_JSON"), List.of(response.getStatusCode(), json(response).at("/error/code").asText()), body);
        }
    }

    @Test
    void accountingAnswers204WithoutBodyAndRecordsTheCounters() {
        var response = send("radius-accounting.json", TOKEN, MAC);
        assertEquals(List.of(204, ""), List.of(response.getStatusCode(), response.getBody()));
        Session stored = sessions.find(session.deviceKey()).orElseThrow();
        assertEquals(List.of(GatewayState.ONLINE, "81500003", 1_048_576L, 52_428_800L + (1L << 32)), List.of(stored.gatewayState(),
                stored.accounting().acctSessionId(), stored.accounting().bytesIn(), stored.accounting().bytesOut()));
    }
}
