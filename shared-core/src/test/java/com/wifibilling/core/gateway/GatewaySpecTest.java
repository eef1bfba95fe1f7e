package com.wifibilling.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.http.ApiException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewaySpecTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    /** A MikroTik whose RADIUS packets come from {@code clientAddress}; a network gets a CoA address inside it. */
    private static GatewaySpec mikrotik(String clientAddress) {
        return new GatewaySpec(null, "Kibera 1", "mikrotik", null, null, clientAddress, null, null, null, null,
                List.of("10.5.50.1"), null, null, null, null);
    }

    private static GatewaySpec mikrotikNetwork(String clientAddress) {
        String coa = clientAddress.contains(":") ? "2001:db8::5" : "10.8.0.5";
        return new GatewaySpec(null, "Kibera 1", "mikrotik", null, null, clientAddress, clientAddress.contains("/") ? coa : null, null, null, null,
                List.of("10.5.50.1"), null, null, null, null);
    }

    private static String badField(GatewaySpec spec) {
        return assertThrows(ApiException.class, () -> spec.toGateway("gw-x", NOW)).field().orElse(null);
    }

    @Test
    void aMikrotikGetsTheContractDefaultsAndCoaToItsRadiusAddress() {
        Gateway g = mikrotik("203.0.113.7").toGateway("gw-abc", NOW);
        assertEquals(List.of("gw-abc", "203.0.113.7", "203.0.113.7"), List.of(g.gatewayId(), g.radiusClientAddress(), g.coaAddress()));
        assertEquals(List.of(3799, 300), List.of(g.coaPort(), g.acctInterimSeconds()));
        assertEquals(List.of(GatewayStatus.ACTIVE, ControlMode.PUSH, PollLogin.RADIUS), List.of(g.status(), g.controlMode(), g.pollLogin()));
        assertNull(g.apiKeyHash(), "secrets are the onboarding's to add");
    }

    @Test
    void pfSenseHasNoCoaAndCannotBeGivenIt() {
        var spec = new GatewaySpec("pf-1", "Campus", "pfsense", null, null, "198.51.100.4", null, null, null, null,
                List.of("portal.campus.example:8002"), null, null, null, null);
        assertFalse(spec.toGateway("ignored", NOW).coaSupported());
        var withCoa = new GatewaySpec("pf-1", "Campus", "pfsense", null, null, "198.51.100.4", null, null, true, null,
                List.of("10.0.0.1"), null, null, null, null);
        assertEquals("coaSupported", badField(withCoa));
    }

    @Test
    void aUnifiNeedsItsControllerAndNoRadius() {
        var controller = new UnifiController("https://10.0.0.2:8443", "default", false, "secretsmanager:stack/gateways/u-1/unifi", null);
        var unifi = new GatewaySpec("u-1", "Mall", "unifi", null, null, null, null, null, null, null, null, null, null, null, controller);
        Gateway g = unifi.toGateway("x", NOW);
        assertEquals(List.of(GatewayType.UNIFI, false), List.of(g.type(), g.coaSupported()));
        assertEquals("radiusClientAddress", badField(new GatewaySpec("u-1", "Mall", "unifi", null, null, "10.0.0.9", null, null, null, null,
                null, null, null, null, controller)));
        assertEquals("unifi", badField(new GatewaySpec("u-1", "Mall", "unifi", null, null, null, null, null, null, null, null, null, null,
                null, null)));
        assertEquals("unifi", badField(new GatewaySpec("m-1", "Shop", "mikrotik", null, null, "10.0.0.9", null, null, null, null,
                List.of("10.5.50.1"), null, null, null, controller)));
    }

    @ParameterizedTest
    @CsvSource({"10.8.0.0/24, ''", "2001:db8::1, ''", "2001:db8::/64, ''", "0.0.0.0/0, radiusClientAddress",
            "10.0.0.0/8, radiusClientAddress", "example.com, radiusClientAddress", "256.1.1.1, radiusClientAddress",
            "10.0.0.1/abc, radiusClientAddress", "::/0, radiusClientAddress", "'', radiusClientAddress", "1.2.3, radiusClientAddress"})
    void radiusClientsAreOneAddressOrANarrowNetwork(String address, String expectedBadField) {
        if (expectedBadField.isEmpty()) assertEquals(address, mikrotikNetwork(address).toGateway("gw-x", NOW).radiusClientAddress());
        else assertEquals(expectedBadField, badField(mikrotikNetwork(address)));
    }

    @Test
    void aRadiusNetworkNeedsAnExplicitCoaAddress() {
        assertEquals("coaAddress", badField(mikrotik("10.8.0.0/24")));
        var withCoa = new GatewaySpec(null, "VPN site", "mikrotik", null, null, "10.8.0.0/24", "10.8.0.5", null, null, null,
                List.of("10.5.50.1"), null, null, null, null);
        assertEquals("10.8.0.5", withCoa.toGateway("gw-x", NOW).coaAddress());
        var polling = new GatewaySpec(null, "Behind NAT", "mikrotik", "poll", null, "10.8.0.0/24", null, null, null, null,
                List.of("10.5.50.1"), null, null, null, null);
        assertEquals(ControlMode.POLL, polling.toGateway("gw-x", NOW).controlMode(), "a polling router receives no CoA");
    }

    @Test
    void everyOtherFieldIsCheckedAndNamed() {
        assertEquals("type", badField(new GatewaySpec(null, "A", null, null, null, "10.0.0.1", null, null, null, null, List.of("h"), null,
                null, null, null)));
        assertEquals("type", badField(new GatewaySpec(null, "A", "cisco", null, null, "10.0.0.1", null, null, null, null, List.of("h"), null,
                null, null, null)));
        assertEquals("name", badField(new GatewaySpec(null, " ", "mikrotik", null, null, "10.0.0.1", null, null, null, null, List.of("h"),
                null, null, null, null)));
        assertEquals("gatewayId", badField(new GatewaySpec("Bad_Id", "A", "mikrotik", null, null, "10.0.0.1", null, null, null, null,
                List.of("h"), null, null, null, null)));
        assertEquals("controlMode", badField(new GatewaySpec(null, "A", "mikrotik", "pull", null, "10.0.0.1", null, null, null, null,
                List.of("h"), null, null, null, null)));
        assertEquals("pollLogin", badField(new GatewaySpec(null, "A", "mikrotik", null, "ldap", "10.0.0.1", null, null, null, null,
                List.of("h"), null, null, null, null)));
        assertEquals("coaPort", badField(new GatewaySpec(null, "A", "mikrotik", null, null, "10.0.0.1", null, 70_000, null, null,
                List.of("h"), null, null, null, null)));
        assertEquals("coaAddress", badField(new GatewaySpec(null, "A", "mikrotik", null, null, "10.0.0.1", "http://x/", null, null, null,
                List.of("h"), null, null, null, null)));
        assertEquals("loginUrlHosts", badField(new GatewaySpec(null, "A", "mikrotik", null, null, "10.0.0.1", null, null, null, null,
                List.of(), null, null, null, null)));
        assertEquals("loginUrlHosts", badField(new GatewaySpec(null, "A", "mikrotik", null, null, "10.0.0.1", null, null, null, null,
                List.of("http://10.5.50.1/login"), null, null, null, null)));
        assertEquals("defaultLoginUrl", badField(new GatewaySpec(null, "A", "mikrotik", null, null, "10.0.0.1", null, null, null, null,
                List.of("h"), "ftp://x/login", null, null, null)));
        assertEquals("acctInterimSeconds", badField(new GatewaySpec(null, "A", "mikrotik", null, null, "10.0.0.1", null, null, null, null,
                List.of("h"), null, null, 5, null)));
        assertEquals("idleTimeoutSeconds", badField(new GatewaySpec(null, "A", "mikrotik", null, null, "10.0.0.1", null, null, null, null,
                List.of("h"), null, 10, null, null)));
    }
}
