package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.SecretsManagerStore;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Gateway onboarding as an operator does it, over HTTP through the local runtime: create answers the API key, the
 * RADIUS secret and a setup script holding both, once; the secret sits in the (emulated) Secrets Manager under the
 * gateway's reference; the key works on the polling API; rotate renews them and the old key stops working; bad
 * bodies are 400 and write nothing; only admins may do any of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayOnboardingEndToEndTest {
    private static final String PASSWORD = "onboarding-e2e-admin-password";
    private LocalRuntime runtime;
    private LocalApi api;
    private String adminToken;

    @BeforeAll
    void start() {
        runtime = TestRuntimes.start(com.wifibilling.core.config.Env.of(Map.of("ADMIN_PASSWORD", PASSWORD)));
        api = new LocalApi(runtime);
        adminToken = api.adminToken(PASSWORD);
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    private HttpResponse<String> post(String path, Object body, String... headers) {
        return api.postJson(path, body, headers);
    }

    private HttpResponse<String> asAdmin(String path, Object body) {
        return post(path, body, "Authorization", "Bearer " + adminToken);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return LocalApi.json(response);
    }

    private HttpResponse<String> heartbeat(String key) {
        return post("/api/gateway/heartbeat", Map.of("routerOsVersion", "7.15.3", "identity", "e2e"), "X-Gateway-Key", key);
    }

    private String storedSecret(String ref) {
        try (var sdk = AwsClients.secretsManager(new AwsConfig(LocalResources.REGION, Optional.empty(), Optional.empty(),
                Optional.of(runtime.secretsManagerEndpoint())))) {
            return new SecretsManagerStore(sdk).read(ref.substring("secretsmanager:".length()));
        }
    }

    private int gatewayCount() {
        var list = api.get("/api/admin/gateways", "Authorization", "Bearer " + adminToken);
        return json(list).get("items").size();
    }

    @Test
    void createAnswersTheSecretsOnceAndTheyWork() {
        var created = asAdmin("/api/admin/gateways", Map.of("gatewayId", "kibera-1", "name", "Kibera stage", "type", "mikrotik",
                "controlMode", "poll", "radiusClientAddress", "203.0.113.7", "loginUrlHosts", List.of("10.5.50.1")));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = json(created);
        String apiKey = body.get("apiKey").asText();
        String radiusSecret = body.get("radiusSecret").asText();
        assertTrue(apiKey.startsWith("kibera-1.") && radiusSecret.matches("[A-Za-z0-9]{32}"), "key and secret present");
        String script = body.at("/setup/script").asText();
        assertTrue(script.contains("secret=\"" + radiusSecret + "\"") && script.contains(apiKey), "the script carries both, this once");
        assertEquals(radiusSecret, storedSecret(body.get("radiusSecretRef").asText()), "kept in Secrets Manager under its reference");
        assertFalse(body.get("gateway").has("apiKeyHash"));

        assertEquals(200, heartbeat(apiKey).statusCode(), "the new key works on the polling API at once");
        var hotspot = api.get("/sim/gateway/kibera-1/login", "X-Sim-Client-Mac", "02:00:00:00:00:41", "Accept", "application/json");
        assertEquals(200, hotspot.statusCode(), "the simulator plays a hotspot for it too, its secret read from Secrets Manager");
        assertEquals(404, api.get("/sim/gateway/no-such-gateway/login").statusCode());
        var setupLater = api.get("/api/admin/gateways/kibera-1/setup", "Authorization", "Bearer " + adminToken);
        assertFalse(setupLater.body().contains(radiusSecret) || setupLater.body().contains(apiKey), "never shown again");

        var again = asAdmin("/api/admin/gateways", Map.of("gatewayId", "kibera-1", "name", "Other", "type", "pfsense",
                "radiusClientAddress", "198.51.100.1", "loginUrlHosts", List.of("10.0.0.1")));
        assertEquals(409, again.statusCode());
        assertEquals("GATEWAY_EXISTS", json(again).at("/error/code").asText());
        assertEquals(radiusSecret, storedSecret(body.get("radiusSecretRef").asText()), "the first gateway's secret stays");
    }

    @Test
    void rotateRenewsTheKeyAndTheOldOneStopsWorking() {
        var created = json(asAdmin("/api/admin/gateways", Map.of("gatewayId", "rot-e2e", "name", "Rotating", "type", "generic-radius",
                "radiusClientAddress", "198.51.100.20", "loginUrlHosts", List.of("10.1.0.1"))));
        String oldKey = created.get("apiKey").asText();
        var rotated = asAdmin("/api/admin/gateways/rot-e2e/rotate", Map.of("apiKey", true));
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newKey = json(rotated).get("apiKey").asText();
        assertFalse(json(rotated).has("radiusSecret"), "only what was asked is renewed");
        assertEquals(401, heartbeat(oldKey).statusCode());
        assertEquals(200, heartbeat(newKey).statusCode());

        var both = asAdmin("/api/admin/gateways/rot-e2e/rotate", "");
        String newSecret = json(both).get("radiusSecret").asText();
        assertEquals(newSecret, storedSecret(created.get("radiusSecretRef").asText()));
        assertEquals(401, heartbeat(newKey).statusCode(), "an empty body renews both");
        assertEquals(404, asAdmin("/api/admin/gateways/nope/rotate", Map.of()).statusCode());
        assertEquals(404, asAdmin("/api/admin/gateways/Bad%20Id/rotate", Map.of()).statusCode());
    }

    @Test
    void badBodiesAre400NamingTheFieldAndWriteNothing() {
        int before = gatewayCount();
        var cases = List.<Object>of(
                Map.of("name", "No type", "radiusClientAddress", "203.0.113.1", "loginUrlHosts", List.of("10.5.50.1")),
                Map.of("name", "Open", "type", "mikrotik", "radiusClientAddress", "0.0.0.0/0", "loginUrlHosts", List.of("10.5.50.1")),
                Map.of("name", "No hosts", "type", "mikrotik", "radiusClientAddress", "203.0.113.1"),
                Map.of("name", "Bad id", "gatewayId", "Has Spaces", "type", "mikrotik", "radiusClientAddress", "203.0.113.1",
                        "loginUrlHosts", List.of("10.5.50.1")),
                Map.of("name", "pf", "type", "pfsense", "coaSupported", true, "radiusClientAddress", "203.0.113.1",
                        "loginUrlHosts", List.of("10.5.50.1")),
                "{\"name\":", "[1,2]", Map.of("name", "x", "type", "mikrotik", "surprise", 1),
                "{\"name\":\"x\",\"type\":\"mikrotik\",\"radiusClientAddress\":\"203.0.113.1\",\"loginUrlHosts\":\"10.5.50.1\",\"coaPort\":\"abc\"}",
                "{\"name\":\"x\",\"type\":\"mikrotik\",\"radiusClientAddress\":[\"203.0.113.1\"],\"loginUrlHosts\":[\"10.5.50.1\"]}",
                "{\"name\":\"x\",\"type\":\"unifi\",\"unifi\":5}",
                "{\"name\":\"x\",\"type\":\"unifi\",\"unifi\":{\"baseUrl\":\"ftp://controller/\"}}",
                "{\"name\":\"x\",\"type\":\"unifi\",\"unifi\":{\"baseUrl\":\"https://10.0.0.2:8443\",\"certSha256\":\"zz\"}}",
                "{\"name\":null,\"type\":\"mikrotik\",\"radiusClientAddress\":\"203.0.113.1\",\"loginUrlHosts\":[null]}",
                "{\"name\":\"x\",\"type\":\"mikrotik\",\"radiusClientAddress\":\"203.0.113.1\",\"loginUrlHosts\":[\"10.5.50.1\"],\"coaPort\":1e400}",
                "{\"name\":\"x\",\"type\":\"mikrotik\",\"radiusClientAddress\":\"203.0.113.1\",\"loginUrlHosts\":[\"10.5.50.1\"],\"idleTimeoutSeconds\":-1}",
                "{\"name\":\"" + "n".repeat(61) + "\",\"type\":\"mikrotik\",\"radiusClientAddress\":\"203.0.113.1\",\"loginUrlHosts\":[\"10.5.50.1\"]}");
        List<String> fields = List.of("type", "radiusClientAddress", "loginUrlHosts", "gatewayId", "coaSupported");
        for (int i = 0; i < cases.size(); i++) {
            var refused = asAdmin("/api/admin/gateways", cases.get(i));
            assertEquals(400, refused.statusCode(), cases.get(i) + " → " + refused.body());
            assertTrue(json(refused).at("/error/code").isTextual());
            if (i < fields.size()) assertEquals(fields.get(i), json(refused).at("/error/field").asText(), refused.body());
        }
        assertEquals(before, gatewayCount(), "nothing written");
        var badRotate = asAdmin("/api/admin/gateways/default/rotate", "{\"apiKey\":\"yes\",\"radiusSecret\":{}}");
        assertEquals(400, badRotate.statusCode(), badRotate.body());
    }

    @Test
    void onlyAdminsOnboardGateways() {
        var body = Map.of("name", "Anon", "type", "mikrotik", "radiusClientAddress", "203.0.113.1", "loginUrlHosts", List.of("10.5.50.1"));
        assertEquals(401, post("/api/admin/gateways", body).statusCode());
        assertEquals(401, post("/api/admin/gateways", body, "Authorization", "Bearer not-a-jwt").statusCode());
        assertEquals(401, post("/api/admin/gateways/default/rotate", Map.of()).statusCode());
    }
}
