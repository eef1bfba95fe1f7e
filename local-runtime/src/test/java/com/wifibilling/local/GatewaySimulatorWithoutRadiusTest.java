package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.Session;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Without FreeRADIUS ({@code --no-radius}) the simulated hotspot calls {@code /api/radius/*} itself and checks
 * PAP/CHAP in FreeRADIUS's place (contracts/gateways.md §8), so the portal → hotspot → API loop still runs. Also:
 * the simulator's paths leave the API's routing alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewaySimulatorWithoutRadiusTest {
    private LocalRuntime runtime;
    private HotspotFlow phone;

    @BeforeAll
    void start() {
        runtime = TestRuntimes.start("--daraja-time-scale", "0.05");
        phone = new HotspotFlow(runtime);
    }

    @AfterAll
    void stop() {
        if (runtime != null) runtime.close();
    }

    @Test
    void aPaidDeviceLogsInThroughTheRadiusApiAndAWrongChapResponseIsRejected() {
        String mac = "02:5B:00:00:00:01";
        String ip = "10.5.50.41";
        JsonNode login = phone.buy("0708374149", "basic", phone.loginPage(mac, ip));

        String password = login.at("/fields/password").asText();
        var tampered = login.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tampered.get("fields")).put("password",
                (password.charAt(0) == '0' ? "1" : "0") + password.substring(1));
        HttpResponse<String> wrong = phone.submit(tampered, mac, ip);
        assertEquals("rejected", wrong.headers().firstValue("X-Sim-Login-Result").orElseThrow(), wrong.body());

        // The reject's page carried a fresh challenge (as RouterOS's does): the portal relogins for a fresh CHAP response.
        JsonNode again = phone.relogin(phone.loginPage(mac, ip));
        HttpResponse<String> right = phone.submit(again, mac, ip);
        assertEquals(302, right.statusCode(), right.body());
        JsonNode online = HotspotFlow.json(phone.api.get("/simulator/gateway/logins?mac=" + mac));
        assertEquals("api", online.get("mode").asText());
        JsonNode entry = online.get("items").get(0);
        assertEquals(1, online.get("items").size(), "the rejected attempt made no login");
        assertEquals("2000k/2000k", entry.get("rateLimit").asText());
        assertTrue(entry.get("accountingStarted").asBoolean());
        Session session = phone.awaitSession(mac, "accounting Start through /api/radius/accounting", s -> s.gatewayState() == GatewayState.ONLINE);
        assertEquals(entry.get("acctSessionId").asText(), session.accounting().acctSessionId());
    }

    @Test
    void aPlainBrowserIsTakenToBeTheDeviceHoldingTheSubmittedSession() {
        String mac = "02:5B:00:00:00:02";
        JsonNode page = phone.loginPage(mac, "10.5.50.42");
        // The portal was told no CHAP values, so the password is the plain secret (http-pap).
        ((com.fasterxml.jackson.databind.node.ObjectNode) page).put("chapId", "").put("chapChallenge", "");
        JsonNode login = phone.buy("0708374153", "basic", page);
        String query = "username=" + login.at("/fields/username").asText() + "&password=" + login.at("/fields/password").asText();
        HttpResponse<String> fromBrowser = phone.api.get("/sim/gateway/default/login?" + query); // no X-Sim-Client-* headers
        assertEquals("accepted", fromBrowser.headers().firstValue("X-Sim-Login-Result").orElseThrow(), fromBrowser.body());
        assertTrue(phone.simulatorLogin(mac).orElseThrow().get("online").asBoolean());
    }

    @Test
    void interimsCountTrafficAndTheSessionTimeoutEndsTheLoginOnAScaledClock() {
        // 3,600 s of Session-Timeout at time scale 0.002 is 7.2 s; interims every 300 s are every 0.6 s.
        HttpResponse<String> scaled = phone.api.send("PUT", "/simulator/gateway/settings", "{\"timeScale\":0.002,\"acctInterimSeconds\":300}",
                "Content-Type", "application/json");
        assertEquals(200, scaled.statusCode(), scaled.body());
        try {
            String mac = "02:5B:00:00:00:03";
            String ip = "10.5.50.43";
            assertEquals(302, phone.submit(phone.buy("0708374154", "basic", phone.loginPage(mac, ip)), mac, ip).statusCode());
            assertEquals(200, phone.api.send("POST", "/simulator/gateway/devices", "{\"mac\":\"" + mac + "\",\"bytesIn\":1048576,\"bytesOut\":5242880}",
                    "Content-Type", "application/json").statusCode());
            JsonNode counted = phone.awaitSimulatorLogin(mac, "an interim with the traffic", l -> l.get("interimUpdates").asInt() > 0
                    && l.get("bytesOut").asLong() == 5_242_880L);
            assertEquals(1_048_576L, counted.get("bytesIn").asLong());
            phone.awaitSession(mac, "the interim's counters on the session", s -> s.accounting() != null && s.accounting().bytesOut() == 5_242_880L);
            JsonNode ended = phone.awaitSimulatorLogin(mac, "the Session-Timeout", l -> !l.get("online").asBoolean());
            assertEquals("Session-Timeout", ended.get("terminateCause").asText());
            phone.awaitSession(mac, "accounting Stop on the session", s -> s.gatewayState() == GatewayState.OFFLINE);
        } finally {
            phone.api.send("PUT", "/simulator/gateway/settings", "{\"timeScale\":1.0}", "Content-Type", "application/json");
        }
    }

    @Test
    void simulatorPathsAreNotRoutedToTheApiAndTheApiIsUnchanged() {
        assertEquals(404, phone.api.get("/simulator/gateway/nothing").statusCode());
        assertEquals(200, phone.api.get("/simulator/gateway/settings").statusCode());
        HttpResponse<String> health = phone.api.get("/api/health");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals(404, phone.api.get("/sim/gateway/no-such-gateway/login").statusCode());
    }
}
