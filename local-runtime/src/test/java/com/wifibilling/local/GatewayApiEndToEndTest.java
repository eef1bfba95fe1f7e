package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Mac;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.gateway.ControlMode;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayKeys;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.gateway.OutboxCommand;
import com.wifibilling.core.gateway.OutboxEntry;
import com.wifibilling.core.gateway.PollLogin;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbGatewayOutboxStore;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GatewayApi from template.yaml served by the local runtime, reached over HTTP as a polling router would
 * (contracts/gateways.md §6), for a gateway created in the runtime's own Gateways table with a known key.
 */
class GatewayApiEndToEndTest {
    private static final String SECRET = "e2eRouterSecret0123456789abcdefgh";
    private static final String KEY = "gw-e2e-poll." + SECRET;
    private static LocalRuntime runtime;
    private static LocalApi api;
    private static DynamoDbGatewayStore gateways;
    private static DynamoDbGatewayOutboxStore outbox;

    @BeforeAll
    static void start() {
        runtime = TestRuntimes.start();
        api = new LocalApi(runtime);
        var dynamoDb = AwsClients.dynamoDb(new AwsConfig(LocalResources.REGION, Optional.of(runtime.dynamoDbEndpoint()), Optional.empty()));
        gateways = new DynamoDbGatewayStore(dynamoDb, runtime.tableName("GatewaysTable"));
        outbox = new DynamoDbGatewayOutboxStore(dynamoDb, runtime.tableName("GatewayOutboxTable"));
        assertTrue(gateways.create(Gateway.builder("gw-e2e-poll", "Behind NAT", GatewayType.MIKROTIK, Instant.now())
                .controlMode(ControlMode.POLL).pollLogin(PollLogin.LOCAL_USER).apiKeyHash(GatewayKeys.hash(SECRET)).build()));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void aRouterPollsItsOutboxReportsUsageAndBeats() throws Exception {
        assertEquals(401, api.get("/api/gateway/sessions", "X-Gateway-Key", "gw-e2e-poll.wrong").statusCode());

        var full = api.get("/api/gateway/sessions", "X-Gateway-Key", KEY);
        assertEquals(200, full.statusCode(), full.body());
        assertEquals(0, json(full).get("items").size());
        String cursor = json(full).get("nextCursor").asText();

        long seq = gateways.nextOutboxSeq("gw-e2e-poll").orElseThrow();
        Instant expiresAt = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        assertTrue(outbox.append(new OutboxEntry("gw-e2e-poll", seq, OutboxCommand.ALLOW, Mac.parse("02:00:00:00:00:07"), "s-e2e-1",
                expiresAt, Map.of("rateLimit", "2000k/5000k", "uploadKbps", "2000", "downloadKbps", "5000", "password", "Q7mXpass"),
                Instant.now())));
        var delta = api.get("/api/gateway/sessions?cursor=" + cursor, "X-Gateway-Key", KEY);
        assertEquals(200, delta.statusCode(), delta.body());
        JsonNode item = json(delta).get("items").get(0);
        assertEquals("allow", item.get("action").asText());
        assertEquals("Q7mXpass", item.get("password").asText());
        assertEquals("2000k/5000k", item.get("rateLimit").asText());

        // The same page as lines, for RouterOS scripts without :deserialize (contracts/gateways.md §6).
        var lines = api.get("/api/gateway/sessions?format=lines&cursor=" + cursor, "X-Gateway-Key", KEY);
        assertEquals(200, lines.statusCode(), lines.body());
        assertEquals("text/plain; charset=utf-8", lines.headers().firstValue("Content-Type").orElseThrow());
        String[] rows = lines.body().split("\n");
        // The cursor carries a time watermark, so a poll a second later may carry another one: its shape is what counts.
        assertTrue(rows[0].matches("cursor;[A-Za-z0-9_-]{8,}"), rows[0]);
        assertTrue(rows[1].matches("allow;s-e2e-1;s-e2e-1;Q7mXpass;02:00:00:00:00:07;3[0-9]{3};2000k/5000k"), rows[1]);
        assertEquals(2, rows.length);

        var usage = api.send("POST", "/api/gateway/usage", "{\"items\":[{\"username\":\"s-unknown\",\"bytesIn\":1,\"bytesOut\":2}]}",
                "X-Gateway-Key", KEY, "Content-Type", "application/json");
        assertEquals(200, usage.statusCode(), usage.body());
        assertEquals(0, json(usage).get("accepted").asInt());
        assertEquals("s-unknown", json(usage).get("unknown").get(0).asText());

        Instant before = Instant.now().minusSeconds(1);
        var beat = api.send("POST", "/api/gateway/heartbeat", "{\"routerOsVersion\":\"7.15.3\",\"identity\":\"gw-e2e-poll\"}",
                "X-Gateway-Key", KEY, "Content-Type", "application/json");
        assertEquals(200, beat.statusCode(), beat.body());
        assertEquals(30, json(beat).get("pollAfterSeconds").asInt());
        assertTrue(gateways.find("gw-e2e-poll").orElseThrow().lastSeenAt().isAfter(before));
    }

    @Test
    void aBurstOfFivePassesAndTheBucketThenAnswers429WithRetryAfter() throws Exception {
        assertTrue(gateways.create(Gateway.builder("gw-e2e-burst", "Burst", GatewayType.MIKROTIK, Instant.now())
                .controlMode(ControlMode.POLL).apiKeyHash(GatewayKeys.hash(SECRET)).build()));
        for (int call = 1; call <= 5; call++) {
            assertEquals(200, api.get("/api/gateway/sessions", "X-Gateway-Key", "gw-e2e-burst." + SECRET).statusCode(), "call " + call);
        }
        // The bucket refills one token a second of wall time; back-to-back calls outrun that within a few tries.
        HttpResponse<String> limited = null;
        for (int call = 6; call <= 15 && limited == null; call++) {
            var response = api.get("/api/gateway/sessions", "X-Gateway-Key", "gw-e2e-burst." + SECRET);
            if (response.statusCode() == 429) limited = response;
        }
        assertTrue(limited != null, "a 429 after the burst");
        assertEquals("RATE_LIMITED", json(limited).at("/error/code").asText());
        assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
    }
}
