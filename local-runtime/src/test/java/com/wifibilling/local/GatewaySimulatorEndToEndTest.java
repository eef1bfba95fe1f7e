package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.radius.CoaClient;
import com.wifibilling.core.radius.CoaReply;
import com.wifibilling.core.radius.CoaTarget;
import com.wifibilling.core.radius.DynamicRequest;
import com.wifibilling.core.radius.RadiusSecret;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.Session;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole loop through the local runtime with its FreeRADIUS (contracts/gateways.md §8): a phone opens the
 * simulated hotspot's login page, pays through the Daraja simulator, submits the {@code login} object's fields to
 * the hotspot as the portal would (CHAP, from the page's challenge), and the hotspot's Access-Request goes through
 * FreeRADIUS and rlm_rest to {@code /api/radius/authorize}; then a top-up reaches the hotspot as a CoA from the
 * GatewayCommands function, and an admin's terminate as a Disconnect. FreeRADIUS is required (CI installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewaySimulatorEndToEndTest {
    private static final String ADMIN_PASSWORD = "gateway-sim-e2e-admin-password";
    private LocalRuntime runtime;
    private HotspotFlow phone;

    @BeforeAll
    void start() {
        runtime = TestRuntimes.startWithRadius(Env.of(Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD)), "--daraja-time-scale", "0.05");
        assertTrue(runtime.radiusAuthPort().isPresent(), "FreeRADIUS must be installed for this test: " + LocalFreeRadius.INSTALL_HINT);
        phone = new HotspotFlow(runtime);
    }

    @AfterAll
    void stop() {
        if (runtime != null) runtime.close();
    }

    @AfterEach
    void backToAcking() {
        phone.scenario("{\"gatewayId\":\"default\",\"mode\":\"ack\"}");
    }

    @Test
    void paidDeviceGetsOnlineIsToppedUpByCoaAndCutOffByAnAdminsTerminate() {
        String mac = "02:5A:00:00:00:01";
        String ip = "10.5.50.31";
        JsonNode page = phone.loginPage(mac, ip);
        assertEquals(List.of(mac, ip, "default"), List.of(page.get("mac").asText(), page.get("ip").asText(), page.get("identity").asText()));
        assertTrue(page.get("chapChallenge").asText().matches("[0-9a-f]{32}") && page.get("chap-id").asText().matches("\\\\[0-7]{3}"));

        JsonNode login = phone.buy("0708374149", "basic", page);
        assertTrue(login.at("/fields/password").asText().matches("[0-9a-f]{32}"), "a CHAP response, as the page carried a challenge");
        HttpResponse<String> submitted = phone.submit(login, mac, ip);
        assertEquals(302, submitted.statusCode(), submitted.body());
        assertEquals(login.at("/fields/dst").asText(), submitted.headers().firstValue("Location").orElseThrow(), "redirected to dst, as RouterOS does");

        JsonNode online = phone.simulatorLogin(mac).orElseThrow();
        assertTrue(online.get("online").asBoolean());
        assertEquals("2000k/2000k", online.get("rateLimit").asText(), "Mikrotik-Rate-Limit of the basic package (2 Mbps both ways)");
        assertEquals(List.of(2000L, 2000L), List.of(online.get("uploadKbps").asLong(), online.get("downloadKbps").asLong()));
        long firstTimeout = online.get("sessionTimeout").asLong();
        assertTrue(firstTimeout > 3500 && firstTimeout <= 3600, "about an hour: " + firstTimeout);
        assertTrue(online.get("acctSessionId").asText().matches("[0-9A-F]{8}"));
        assertTrue(online.get("accountingStarted").asBoolean());
        Session started = phone.awaitSession(mac, "accounting Start on the session", s -> s.gatewayState() == GatewayState.ONLINE);
        assertEquals(List.of(online.get("acctSessionId").asText(), ip, "default"),
                List.of(started.accounting().acctSessionId(), started.accounting().framedIp(), started.accounting().nasIdentifier()));

        phone.buy("0708374150", "standard", phone.loginPage(mac, ip)); // a top-up while online: the update goes out as a CoA
        JsonNode toppedUp = phone.awaitSimulatorLogin(mac, "the CoA to be applied", l -> l.get("coaApplied").asInt() > 0);
        Session extended = phone.awaitSession(mac, "lastCommand ack", s -> s.lastCommand() != null && "ack".equals(s.lastCommand().result()));
        assertEquals("update", extended.lastCommand().type());
        long newTimeout = toppedUp.get("sessionTimeout").asLong();
        assertTrue(newTimeout >= firstTimeout + 3 * 3600 - 60, "three more hours, counted from login: " + firstTimeout + " → " + newTimeout);
        assertEquals(extended.uploadMbps() * 1000 + "k/" + extended.downloadMbps() * 1000 + "k", toppedUp.get("rateLimit").asText());
        assertTrue(toppedUp.get("online").asBoolean());
        JsonNode coa = received("COA_REQUEST").getLast();
        assertTrue(coa.get("authenticatorValid").asBoolean() && coa.get("messageAuthenticatorValid").asBoolean());
        assertEquals(List.of("ack", online.get("acctSessionId").asText()), List.of(coa.get("answer").asText(),
                coa.at("/attributes/Acct-Session-Id").asText()));

        String token = HotspotFlow.json(phone.api.send("POST", "/api/auth/login", Json.write(Map.of("email", "admin@localhost",
                "password", ADMIN_PASSWORD)), "Content-Type", "application/json")).get("token").asText();
        HttpResponse<String> terminated = phone.api.send("POST", "/api/admin/sessions/default%23" + mac + "/terminate",
                "{\"reason\":\"e2e\"}", "Content-Type", "application/json", "Authorization", "Bearer " + token);
        assertEquals(200, terminated.statusCode(), terminated.body());
        JsonNode ended = phone.awaitSimulatorLogin(mac, "the Disconnect to end the login", l -> !l.get("online").asBoolean());
        assertEquals("Admin-Reset", ended.get("terminateCause").asText());
        Session offline = phone.awaitSession(mac, "accounting Stop on the session", s -> s.gatewayState() == GatewayState.OFFLINE);
        assertEquals("disconnect", offline.lastCommand().type());
        assertEquals("ack", offline.lastCommand().result());
        assertEquals("ack", received("DISCONNECT_REQUEST").getLast().get("answer").asText());
    }

    @Test
    void aCoaSignedWithTheWrongSecretIsDroppedAndRecorded() {
        var target = new CoaTarget(new InetSocketAddress(InetAddress.getLoopbackAddress(), runtime.gatewayDasPort()),
                RadiusSecret.of("NotTheGatewaySecret0123456789"));
        CoaReply reply = new CoaClient(List.of(Duration.ofMillis(300))).send(target,
                DynamicRequest.coa().userName("nobody").acctSessionId("DEADBEEF").sessionTimeout(60).build());
        assertEquals(CoaReply.Outcome.TIMEOUT, reply.outcome(), "dropped silently, as FreeRADIUS and RouterOS do");
        JsonNode dropped = received("COA_REQUEST").stream().filter(r -> r.at("/attributes/Acct-Session-Id").asText().equals("DEADBEEF"))
                .findFirst().orElseThrow();
        assertFalse(dropped.get("authenticatorValid").asBoolean());
        assertEquals("dropped", dropped.get("answer").asText());
    }

    @Test
    void aNakScenarioIsRecordedAsTheSessionsLastCommand() {
        String mac = "02:5A:00:00:00:02";
        String ip = "10.5.50.32";
        HttpResponse<String> submitted = phone.submit(phone.buy("0708374151", "basic", phone.loginPage(mac, ip)), mac, ip);
        assertEquals("accepted", submitted.headers().firstValue("X-Sim-Login-Result").orElseThrow(), submitted.body());
        phone.awaitSession(mac, "online", s -> s.gatewayState() == GatewayState.ONLINE);
        phone.scenario("{\"gatewayId\":\"default\",\"mode\":\"nak\",\"errorCause\":501}");
        phone.buy("0708374152", "basic", phone.loginPage(mac, ip));
        Session naked = phone.awaitSession(mac, "lastCommand nak", s -> s.lastCommand() != null && "nak".equals(s.lastCommand().result()));
        assertEquals(List.of("update", "501"), List.of(naked.lastCommand().type(), naked.lastCommand().errorCause()));
        assertEquals(0, phone.simulatorLogin(mac).orElseThrow().get("coaApplied").asInt(), "a NAKed CoA changes nothing");
    }

    @Test
    void aCoaLostOnceIsSentAgainAndItsRetransmissionIsAcked() {
        String mac = "02:5A:00:00:00:03";
        String ip = "10.5.50.33";
        HttpResponse<String> submitted = phone.submit(phone.buy("0708374153", "basic", phone.loginPage(mac, ip)), mac, ip);
        assertEquals("accepted", submitted.headers().firstValue("X-Sim-Login-Result").orElseThrow(), submitted.body());
        phone.awaitSession(mac, "online", s -> s.gatewayState() == GatewayState.ONLINE);
        phone.scenario("{\"gatewayId\":\"default\",\"mode\":\"ack-on-retry\",\"retryCount\":2}");
        phone.buy("0708374154", "basic", phone.loginPage(mac, ip));
        Session acked = phone.awaitSession(mac, "the retried CoA acked", s -> s.lastCommand() != null && "update".equals(s.lastCommand().type()));
        assertEquals("ack", acked.lastCommand().result());
        String userName = acked.sessionId();
        List<JsonNode> copies = received("COA_REQUEST").stream()
                .filter(r -> r.at("/attributes/User-Name").asText().equals(userName)).toList();
        // Commands are at least once (a status poll may finish the grant and publish again): each CoA on its own.
        var byIdentifier = copies.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.get("identifier").asInt(),
                java.util.LinkedHashMap::new, java.util.stream.Collectors.mapping(r -> r.get("copy").asInt() + ":" + r.get("answer").asText(),
                        java.util.stream.Collectors.toList())));
        assertFalse(byIdentifier.isEmpty());
        byIdentifier.values().forEach(answers -> assertEquals(List.of("1:none", "2:ack"), answers,
                "the identical datagram sent again after the first went unanswered (RFC 5176 §2.3): " + copies));
        assertTrue(phone.simulatorLogin(mac).orElseThrow().get("coaApplied").asInt() >= 1);
    }

    @Test
    void aWrongPasswordIsRejectedWithTheLoginPageAndNoLogin() {
        String mac = "02:5A:00:00:00:03";
        HttpResponse<String> rejected = phone.api.get("/sim/gateway/default/login?username=nobody-here&password=wrong",
                "X-Sim-Client-Mac", mac, "X-Sim-Client-Ip", "10.5.50.33");
        assertEquals("rejected", rejected.headers().firstValue("X-Sim-Login-Result").orElseThrow());
        assertTrue(rejected.body().contains("Unknown code") || rejected.body().contains("denied"), rejected.body());
        assertTrue(phone.simulatorLogin(mac).isEmpty());
    }

    private List<JsonNode> received(String code) {
        JsonNode items = HotspotFlow.json(phone.api.get("/simulator/gateway/received")).get("items");
        return StreamSupport.stream(items.spliterator(), false).filter(r -> r.get("code").asText().equals(code)).toList();
    }
}
