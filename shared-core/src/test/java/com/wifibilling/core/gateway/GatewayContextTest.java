package com.wifibilling.core.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.http.ApiException;
import java.net.URI;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayContextTest {
    static final Gateway MIKROTIK = Gateway.builder("gw-nairobi-01", "Nairobi CBD", GatewayType.MIKROTIK, Instant.parse("2026-11-01T00:00:00Z"))
            .loginUrlHosts(List.of("10.5.50.1", "hotspot.local:8080")).build();

    private static GatewayParams params(String loginUrl, String chapId, String chapChallenge) {
        return new GatewayParams("gw-nairobi-01", "aa-bb-cc-dd-ee-01", "10.5.50.23", loginUrl, "http://example.com/", chapId, chapChallenge);
    }

    private static void assertRejected(String code, GatewayParams params, Optional<Gateway> gateway) {
        var e = assertThrows(ApiException.class, () -> GatewayContext.of(params, gateway));
        assertEquals(400, e.status());
        assertEquals(code, e.code());
    }

    @Test
    void redirectFromTheGatewaysOwnLoginHostIsKept() {
        var context = GatewayContext.of(params("http://10.5.50.1/login", "f9", "ef0dd80b119c65a5c3ab62a65b7dfdce"), Optional.of(MIKROTIK));
        assertEquals(Optional.of(URI.create("http://10.5.50.1/login")), context.loginUrl());
        assertEquals("AA:BB:CC:DD:EE:01", context.mac().value());
        assertEquals((byte) 0xf9, context.chap().orElseThrow().id());
        assertArrayEquals(HexFormat.of().parseHex("ef0dd80b119c65a5c3ab62a65b7dfdce"), context.chap().orElseThrow().challenge());
        assertEquals(Optional.of("http://example.com/"), context.dst());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.5.50.1:80/login", "https://10.5.50.1/login", "http://HOTSPOT.local:8080/login"})
    void defaultPortsAndCaseMatchTheListedHost(String url) {
        assertEquals(Optional.of(URI.create(url)), GatewayContext.of(params(url, null, null), Optional.of(MIKROTIK)).loginUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example.com/login", "http://10.5.50.1:8080/login", "http://hotspot.local/login",
            "ftp://10.5.50.1/login", "javascript:alert(1)", "//10.5.50.1/login", "http://user@10.5.50.1/login", "http://10.5.50.1 x"})
    void credentialsNeverGoToAHostTheGatewayDoesNotList(String url) {
        assertRejected("INVALID_GATEWAY_CONTEXT", params(url, null, null), Optional.of(MIKROTIK));
    }

    @Test
    void missingLoginUrlFallsBackToTheDefaultOrIsRefused() {
        var withDefault = MIKROTIK.toBuilder().defaultLoginUrl("http://127.0.0.1:3000/sim/gateway/default/login").build();
        assertEquals(Optional.of(URI.create("http://127.0.0.1:3000/sim/gateway/default/login")),
                GatewayContext.of(params("", null, null), Optional.of(withDefault)).loginUrl());
        assertRejected("INVALID_GATEWAY_CONTEXT", params(null, null, null), Optional.of(MIKROTIK));
    }

    @Test
    void unknownOrDisabledGatewaysAreRefused() {
        assertRejected("INVALID_GATEWAY_CONTEXT", params("http://10.5.50.1/login", null, null), Optional.empty());
        assertRejected("INVALID_GATEWAY_CONTEXT", params("http://10.5.50.1/login", null, null),
                Optional.of(MIKROTIK.toBuilder().status(GatewayStatus.DISABLED).build()));
    }

    @Test
    void chapValuesComeTogetherAndInHex() {
        assertRejected("INVALID_GATEWAY_CONTEXT", params("http://10.5.50.1/login", "f9", null), Optional.of(MIKROTIK));
        assertRejected("INVALID_GATEWAY_CONTEXT", params("http://10.5.50.1/login", null, "ef0dd80b119c65a5c3ab62a65b7dfdce"), Optional.of(MIKROTIK));
        assertRejected("INVALID_GATEWAY_CONTEXT", params("http://10.5.50.1/login", "zz", "ef0dd80b119c65a5c3ab62a65b7dfdce"), Optional.of(MIKROTIK));
        assertRejected("INVALID_GATEWAY_CONTEXT", params("http://10.5.50.1/login", "f9", "ef0d"), Optional.of(MIKROTIK));
        assertEquals(Optional.empty(), GatewayContext.of(params("http://10.5.50.1/login", "", " "), Optional.of(MIKROTIK)).chap());
    }

    @Test
    void badMacAndBadIpAreRefused() {
        assertRejected("INVALID_MAC", new GatewayParams(null, "not-a-mac", null, "http://10.5.50.1/login", null, null, null), Optional.of(MIKROTIK));
        assertRejected("INVALID_GATEWAY_CONTEXT", new GatewayParams(null, "aabbccddee01", "999.1.1.1", "http://10.5.50.1/login", null, null, null),
                Optional.of(MIKROTIK));
        assertRejected("INVALID_GATEWAY_CONTEXT", null, Optional.of(MIKROTIK));
    }

    @Test
    void oddOriginalPagesAreDroppedRatherThanBlockingAPayment() {
        var context = GatewayContext.of(new GatewayParams(null, "aabbccddee01", null, "http://10.5.50.1/login",
                "javascript:alert(1)", null, null), Optional.of(MIKROTIK));
        assertEquals(Optional.empty(), context.dst());
    }
}
