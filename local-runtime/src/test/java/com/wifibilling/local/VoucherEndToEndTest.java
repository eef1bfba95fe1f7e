package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.voucher.CodeFormat;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The vouchers issue's "done when", over HTTP through the local runtime: the admin logs in and orders codes; one
 * redeems once from MAC A, a second redemption from MAC B is 409, a code with one wrong character is 400
 * {@code INVALID_CODE}, six wrong codes from one MAC lock it out, an admin route refuses a portal token with 403,
 * a portal user signs in with the code, sees the device's time and logs out; a large order finishes in the background.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoucherEndToEndTest {
    private static final String PASSWORD = "voucher-e2e-admin-password";
    private LocalRuntime runtime;
    private LocalApi api;
    private String adminToken;

    @BeforeAll
    void start() {
        runtime = TestRuntimes.start(Env.of(Map.of("ADMIN_PASSWORD", PASSWORD)));
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

    private static JsonNode json(HttpResponse<String> response) {
        return LocalApi.json(response);
    }

    private static String code(HttpResponse<String> error) {
        return json(error).at("/error/code").asText();
    }

    private List<String> order(int count) {
        var ordered = post("/api/admin/vouchers/generate", Map.of("packageId", "basic", "count", count, "validDays", 30),
                "Authorization", "Bearer " + adminToken);
        assertEquals(201, ordered.statusCode(), ordered.body());
        String batchId = json(ordered).get("batchId").asText();
        var listed = api.get("/api/admin/vouchers?batchId=" + batchId + "&limit=100", "Authorization", "Bearer " + adminToken);
        assertEquals(200, listed.statusCode(), listed.body());
        List<String> codes = new ArrayList<>();
        json(listed).get("items").forEach(item -> codes.add(item.get("code").asText()));
        assertEquals(count, codes.size());
        return codes;
    }

    private HttpResponse<String> redeem(String code, String mac) {
        return post("/api/auth/voucher", Map.of("code", code, "gateway", Map.of("mac", mac)));
    }

    @Test
    void aVoucherRedeemsOnceAndAnotherDeviceIsToldItIsUsed() {
        List<String> codes = order(10);
        assertTrue(codes.stream().allMatch(c -> c.matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{3}") && CodeFormat.isValid(CodeFormat.normalize(c))));
        var first = redeem(codes.getFirst().toLowerCase(), "02:90:00:00:00:0a");
        assertEquals(200, first.statusCode(), first.body());
        JsonNode answer = json(first);
        assertEquals(CodeFormat.normalize(codes.getFirst()), answer.at("/session/accessCode").asText());
        assertEquals("redirect-get", answer.at("/login/method").asText());
        var second = redeem(codes.getFirst(), "02:90:00:00:00:0b");
        assertEquals(List.of(409, "VOUCHER_ALREADY_USED"), List.of(second.statusCode(), code(second)));
        var again = redeem(codes.getFirst(), "02:90:00:00:00:0a");
        assertEquals(answer.at("/session/sessionId"), json(again).at("/session/sessionId"), "its own device gets its session back");

        String typo = codes.get(1).charAt(0) == 'A' ? "B" + codes.get(1).substring(1) : "A" + codes.get(1).substring(1);
        var wrong = redeem(typo, "02:90:00:00:00:0c");
        assertEquals(List.of(400, "INVALID_CODE"), List.of(wrong.statusCode(), code(wrong)));
    }

    @Test
    void sixWrongCodesFromOneDeviceLockItOut() {
        String mac = "02:90:00:00:00:1d";
        List<String> codes = order(1);
        for (int i = 0; i < 5; i++) assertTrue(redeem("K7QM-4TXH-9WRZ", mac).statusCode() / 100 == 4);
        var sixth = redeem(codes.getFirst(), mac);
        assertEquals(List.of(429, "RATE_LIMITED"), List.of(sixth.statusCode(), code(sixth)));
        assertTrue(Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow()) > 0);
    }

    @Test
    void aPortalUserSignsInWithTheCodeSeesTheTimeAndLogsOutButAdminRoutesRefuseThem() {
        String code = order(1).getFirst();
        String mac = "02:90:00:00:00:2e";
        assertEquals(200, redeem(code, mac).statusCode());
        var signIn = post("/api/auth/login", Map.of("accessCode", code, "gateway", Map.of("mac", mac)));
        assertEquals(200, signIn.statusCode(), signIn.body());
        String portalToken = json(signIn).get("token").asText();
        assertEquals("[\"portal\"]", json(signIn).get("roles").toString());

        var forbidden = api.get("/api/admin/vouchers?status=unused", "Authorization", "Bearer " + portalToken);
        assertEquals(List.of(403, "FORBIDDEN"), List.of(forbidden.statusCode(), code(forbidden)));
        var anonymous = api.get("/api/admin/vouchers?status=unused");
        assertEquals(List.of(401, "UNAUTHORIZED"), List.of(anonymous.statusCode(), code(anonymous)));

        JsonNode status = json(api.get("/api/auth/status?mac=" + mac));
        assertTrue(status.get("active").asBoolean());
        assertTrue(status.get("remainingSeconds").asLong() > 3500);
        assertFalse(status.toString().contains("2547"), "nothing personal");

        assertEquals(401, post("/api/auth/logout", Map.of()).statusCode(), "logout needs the portal token");
        assertEquals(204, post("/api/auth/logout", Map.of(), "Authorization", "Bearer " + portalToken).statusCode());
        assertTrue(json(api.get("/api/auth/status?mac=" + mac)).get("active").asBoolean(), "logout keeps the paid time");
    }

    @Test
    void anAdminTerminatesADevicesTimeAndTheDeviceIsDisconnected() {
        String code = order(1).getFirst();
        String mac = "02:90:00:00:00:3f";
        assertEquals(200, redeem(code, mac).statusCode());
        String path = "/api/admin/sessions/" + java.net.URLEncoder.encode("default#" + mac.toUpperCase(), java.nio.charset.StandardCharsets.UTF_8)
                + "/terminate";
        var ended = post(path, Map.of("reason", "refund"), "Authorization", "Bearer " + adminToken);
        assertEquals(200, ended.statusCode(), ended.body());
        assertEquals("ended", json(ended).get("status").asText());
        assertFalse(json(api.get("/api/auth/status?mac=" + mac)).get("active").asBoolean());
        var again = post(path, Map.of(), "Authorization", "Bearer " + adminToken);
        assertEquals(List.of(404, "NO_ACTIVE_SESSION"), List.of(again.statusCode(), code(again)));
        var badKey = post("/api/admin/sessions/nope/terminate", Map.of(), "Authorization", "Bearer " + adminToken);
        assertEquals(400, badKey.statusCode());
    }

    @Test
    void theAdminListsGatewaysAndGetsTheirSetupWithPlaceholdersForSecrets() {
        var list = api.get("/api/admin/gateways", "Authorization", "Bearer " + adminToken);
        assertEquals(200, list.statusCode(), list.body());
        JsonNode first = json(list).get("items").get(0);
        assertEquals(List.of("default", "mikrotik"), List.of(first.get("gatewayId").asText(), first.get("type").asText()));
        assertFalse(list.body().contains("apiKeyHash"), "never the key hash");

        var setup = api.get("/api/admin/gateways/default/setup", "Authorization", "Bearer " + adminToken);
        assertEquals(200, setup.statusCode(), setup.body());
        String script = json(setup).get("script").asText();
        assertTrue(script.contains("/radius add service=hotspot address=127.0.0.1") && script.contains("<RADIUS secret"), script);
        assertFalse(script.contains(runtime.secrets().get(LocalSecrets.DEFAULT_GATEWAY_RADIUS_SECRET)), "secrets are never returned again");
        assertTrue(json(setup).get("loginHtml").asText().contains("gw=default"));
        var unknown = api.get("/api/admin/gateways/nope/setup", "Authorization", "Bearer " + adminToken);
        assertEquals(List.of(404, "NOT_FOUND"), List.of(unknown.statusCode(), code(unknown)));
    }

    @Test
    void aLargeOrderIsGeneratedInTheBackgroundWithProgress() throws Exception {
        var ordered = post("/api/admin/vouchers/generate", Map.of("packageId", "basic", "count", 1_100),
                "Authorization", "Bearer " + adminToken);
        assertEquals(202, ordered.statusCode(), ordered.body());
        String batchId = json(ordered).get("batchId").asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode batch = json(ordered);
        while (!batch.get("status").asText().equals("done") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            batch = json(api.get("/api/admin/vouchers/batches/" + batchId, "Authorization", "Bearer " + adminToken));
        }
        assertEquals(List.of("done", 1_100), List.of(batch.get("status").asText(), batch.get("created").asInt()), batch.toString());
    }
}
