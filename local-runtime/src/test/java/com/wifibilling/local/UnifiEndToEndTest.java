package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.config.Env;
import com.wifibilling.local.unifi.UnifiControllerSimulator;
import com.wifibilling.local.unifi.UnifiGuestState;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A UniFi site end to end through the local runtime (contracts/gateways.md §2.4, §5.3): the admin adds a UniFi
 * gateway pointed at the controller simulator; a purchase's grant reaches coa-function, which logs in to the
 * controller and sends authorize-guest with the package's minutes and kbps; the status answers a {@code none}
 * login whose gatewayState becomes {@code authorized}; after the controller forgets its logins, an admin terminate
 * logs in again and sends unauthorize-guest. Both controller dialects (classic and UniFi OS).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnifiEndToEndTest {
    private static final String PASSWORD = "unifi-e2e-admin-password";
    private LocalRuntime runtime;
    private LocalApi api;
    private String adminToken;

    @BeforeAll
    void start() {
        runtime = TestRuntimes.start(Env.of(Map.of("ADMIN_PASSWORD", PASSWORD)), "--daraja-time-scale", "0.05");
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

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError(what + " did not happen within 20 s; last: " + last);
            Thread.sleep(100);
            last = probe.get();
        }
        return last;
    }

    @ParameterizedTest(name = "unifiOs={0}")
    @ValueSource(booleans = {false, true})
    void aPaidDeviceIsAuthorizedAtTheControllerAndATerminateUnauthorizesIt(boolean unifiOs) throws Exception {
        UnifiControllerSimulator controller = runtime.unifiSimulator();
        String gatewayId = unifiOs ? "mall-os" : "mall";
        String mac = unifiOs ? "02:71:00:00:00:02" : "02:71:00:00:00:01";
        String wireMac = mac.toLowerCase();
        var created = post("/api/admin/gateways", Map.of("gatewayId", gatewayId, "name", "Mall", "type", "unifi", "unifi",
                Map.of("baseUrl", controller.baseUri().toString(), "site", "default", "unifiOs", unifiOs,
                        "credentialsRef", "env:" + LocalRuntime.UNIFI_SIMULATOR_LOGIN)), "Authorization", "Bearer " + adminToken);
        assertEquals(201, created.statusCode(), created.body());
        assertFalse(json(created).has("radiusSecret"), "a UniFi gateway has no RADIUS secret");

        var initiated = post("/api/payment/initiate", Map.of("phone", "0708374149", "packageId", "basic",
                "gateway", Map.of("gatewayId", gatewayId, "mac", mac, "ip", "192.168.1.23")));
        assertEquals(200, initiated.statusCode(), initiated.body());
        String status = "/api/payment/status?transactionId=" + json(initiated).get("transactionId").asText();
        String clientToken = json(initiated).get("clientToken").asText();
        JsonNode paid = await("the controller's authorization", () -> json(api.get(status, "X-Client-Token", clientToken)),
                answer -> answer.at("/login/gatewayState").asText().equals("authorized"));
        assertEquals("completed", paid.get("status").asText());
        assertEquals("none", paid.at("/login/method").asText(), "the portal only waits: the controller lets the device in");
        assertTrue(paid.at("/login/fields/dst").asText().contains("/online?gw=" + gatewayId + "&mac="), paid.toString());

        UnifiGuestState guest = controller.guest(wireMac).orElseThrow();
        assertTrue(guest.authorized());
        assertTrue(guest.minutes() == 60 || guest.minutes() == 59, "ceil(seconds left / 60): " + guest.minutes());
        assertEquals(List.of(2000, 2000), List.of(guest.upKbps(), guest.downKbps()), "the package's Mbps as kbps");

        controller.forgetLogins(); // a controller restart: the next command meets LoginRequired and logs in again
        String deviceKey = URLEncoder.encode(gatewayId + "#" + mac.toUpperCase(), StandardCharsets.UTF_8);
        var ended = post("/api/admin/sessions/" + deviceKey + "/terminate", Map.of("reason", "test"), "Authorization", "Bearer " + adminToken);
        assertEquals(200, ended.statusCode(), ended.body());
        await("unauthorize-guest", () -> controller.guest(wireMac).orElseThrow(), state -> !state.authorized());
        String loginPath = unifiOs ? "/api/auth/login" : "/api/login";
        List<UnifiControllerSimulator.Received> seen = controller.received();
        assertTrue(seen.stream().anyMatch(r -> "unauthorize-guest".equals(r.command()) && r.rc().equals("api.err.LoginRequired")), seen.toString());
        assertTrue(seen.stream().filter(r -> r.path().equals(loginPath)).count() >= 2, "logged in again: " + seen);
        assertTrue(seen.stream().anyMatch(r -> "unauthorize-guest".equals(r.command()) && r.rc().equals("ok")));
    }
}
