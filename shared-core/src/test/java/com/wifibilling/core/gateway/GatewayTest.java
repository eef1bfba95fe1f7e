package com.wifibilling.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.http.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayTest {
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");

    private static Gateway.Builder radius() {
        return Gateway.builder("gw-1", "Gateway", GatewayType.MIKROTIK, T0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "gw-nairobi-01", "a", "0123456789012345678901234567890123456789"})
    void gatewayIdsAreShortLowercaseSlugs(String gatewayId) {
        assertEquals(gatewayId, Gateway.builder(gatewayId, "G", GatewayType.PFSENSE, T0).build().gatewayId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-gw", "GW", "gw_1", "gw 1", "01234567890123456789012345678901234567890"})
    void otherGatewayIdsAreAnInvalidField(String gatewayId) {
        assertInvalid("gatewayId", () -> Gateway.builder(gatewayId, "G", GatewayType.PFSENSE, T0).build());
    }

    @Test
    void loginHostsAreLowerCasedHostPortsWithoutDuplicates() {
        Gateway g = radius().loginUrlHosts(List.of("10.5.50.1", "LocalHost:3000", "localhost:3000", "[FE80::1]:8080", "hotspot.lan")).build();
        assertEquals(List.of("10.5.50.1", "localhost:3000", "[fe80::1]:8080", "hotspot.lan"), g.loginUrlHosts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.5.50.1", "10.5.50.1/login", "host:0", "host:65536", "host:", "", " ", "user@host", "-host"})
    void loginHostsWithSchemePathOrBadPortAreAnInvalidField(String host) {
        assertInvalid("loginUrlHosts", () -> radius().loginUrlHosts(List.of(host)).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.5.50.1/login", "https://hotspot.example:8443/login?x=1", "http://127.0.0.1:3000/sim/gateway/default/login"})
    void defaultLoginUrlIsAnAbsoluteHttpUrl(String url) {
        assertEquals(url, radius().defaultLoginUrl(url).build().defaultLoginUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.5.50.1/login", "/login", "ftp://10.5.50.1/", "javascript:alert(1)", "http://", "http://user:pw@host/", "http://bad host/"})
    void otherLoginUrlsAreAnInvalidField(String url) {
        assertInvalid("defaultLoginUrl", () -> radius().defaultLoginUrl(url).build());
    }

    @Test
    void unifiGatewaysNeedTheirControllerSettings() {
        assertInvalid("unifi", () -> Gateway.builder("u", "U", GatewayType.UNIFI, T0).build());
        var controller = new UnifiController("https://unifi.lan:8443", null, false, null, null);
        assertEquals("default", Gateway.builder("u", "U", GatewayType.UNIFI, T0).unifi(controller).build().unifi().site());
    }

    @Test
    void certificatePinsMustBeSha256() {
        assertInvalid("unifi.certSha256", () -> new UnifiController("https://unifi.lan", "default", true, null, "abc"));
        assertInvalid("unifi.baseUrl", () -> new UnifiController("unifi.lan", "default", true, null, null));
    }

    @Test
    void portsAndTimersStayInRange() {
        assertInvalid("coaPort", () -> radius().coaPort(0).build());
        assertInvalid("acctInterimSeconds", () -> radius().acctInterimSeconds(10).build());
        assertInvalid("idleTimeoutSeconds", () -> radius().idleTimeoutSeconds(5).build());
        assertInvalid("name", () -> radius().name(" ").build());
    }

    private static void assertInvalid(String field, Executable build) {
        ApiException e = assertThrows(ApiException.class, build);
        assertEquals("INVALID_FIELD", e.code());
        assertEquals(Optional.of(field), e.field());
    }
}
