package com.wifibilling.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginBuilderTest {
    private static final Instant EXPIRES = Instant.parse("2026-11-23T13:00:00Z");
    private static final Session SESSION = new Session(new DeviceKey("gw-nairobi-01", com.wifibilling.core.Mac.parse("aa:bb:cc:dd:ee:01")),
            "9f1c2d3e-aaaa", "HS7K2M9Q4B", "secret", null, "basic", "Basic", 2, 2, Instant.parse("2026-11-23T12:00:00Z"), EXPIRES,
            SessionStatus.ACTIVE, null, null, 1, Map.of("tx-1", 3600L), GatewayState.AWAITING_LOGIN, null, null, null);
    private final LoginBuilder builder = new LoginBuilder("https://portal.example.co.ke/");

    private static GatewayContext context(String chapId, String challenge, String dst) {
        return GatewayContext.of(new GatewayParams("gw-nairobi-01", "aa:bb:cc:dd:ee:01", null, "http://10.5.50.1/login", dst, chapId, challenge),
                Optional.of(GatewayContextTest.MIKROTIK));
    }

    @Test
    void chapPasswordMatchesTheContractVector() {
        var chap = new GatewayContext.Chap((byte) 0xf9, java.util.HexFormat.of().parseHex("ef0dd80b119c65a5c3ab62a65b7dfdce"));
        assertEquals("e5627b636f982d6233d0cf5931d404c2", ChapPassword.of(chap, "secret"));
    }

    @Test
    void mikrotikLoginIsARedirectWithChapHashAndTheOnlinePage() {
        Login login = builder.build(SESSION, context("f9", "ef0dd80b119c65a5c3ab62a65b7dfdce", "http://example.com/?a=1&b=2"));
        assertEquals("redirect-get", login.method());
        assertEquals("http://10.5.50.1/login", login.url());
        assertEquals(List.of("username", "password", "dst", "popup"), List.copyOf(login.fields().keySet()));
        assertEquals("9f1c2d3e-aaaa", login.fields().get("username"));
        assertEquals("e5627b636f982d6233d0cf5931d404c2", login.fields().get("password"));
        assertEquals("https://portal.example.co.ke/online?gw=gw-nairobi-01&mac=AA%3ABB%3ACC%3ADD%3AEE%3A01&orig=http%3A%2F%2Fexample.com%2F%3Fa%3D1%26b%3D2", login.fields().get("dst"));
        assertEquals("false", login.fields().get("popup"));
        assertEquals(GatewayState.AWAITING_LOGIN, login.gatewayState());
        assertEquals(EXPIRES, login.expiresAt());
    }

    @Test
    void withoutChapThePasswordIsTheSecretForHttpPap() {
        Login login = builder.build(SESSION, context(null, null, null));
        assertEquals("secret", login.fields().get("password"));
        assertEquals("https://portal.example.co.ke/online?gw=gw-nairobi-01&mac=AA%3ABB%3ACC%3ADD%3AEE%3A01", login.fields().get("dst"));
    }

    @Test
    void pfSenseGetsAFormPostWithItsZoneFromTheActionUrl() {
        Gateway pfsense = Gateway.builder("gw-nairobi-01", "Campus", GatewayType.PFSENSE, EXPIRES).radiusClientAddress("198.51.100.4")
                .coaSupported(false).loginUrlHosts(List.of("10.0.0.1:8002")).build();
        var context = GatewayContext.of(new GatewayParams("gw-nairobi-01", "aa:bb:cc:dd:ee:01", null,
                "http://10.0.0.1:8002/index.php?zone=guests", "http://example.com/", null, null), Optional.of(pfsense));
        Login login = builder.build(SESSION, context);
        assertEquals(List.of("form-post", "http://10.0.0.1:8002/index.php?zone=guests"), List.of(login.method(), login.url()));
        assertEquals(List.of("auth_user", "auth_pass", "zone", "redirurl", "accept"), List.copyOf(login.fields().keySet()));
        assertEquals(List.of("9f1c2d3e-aaaa", "secret", "guests", "Continue"), List.of(login.fields().get("auth_user"),
                login.fields().get("auth_pass"), login.fields().get("zone"), login.fields().get("accept")));
        assertEquals("https://portal.example.co.ke/online?gw=gw-nairobi-01&mac=AA%3ABB%3ACC%3ADD%3AEE%3A01&orig=http%3A%2F%2Fexample.com%2F", login.fields().get("redirurl"));
        var noZone = GatewayContext.of(new GatewayParams("gw-nairobi-01", "aa:bb:cc:dd:ee:01", null, "http://10.0.0.1:8002/index.php",
                null, null, null), Optional.of(pfsense));
        assertFalse(builder.build(SESSION, noZone).fields().containsKey("zone"));
    }

    @Test
    void aUnifiDeviceWaitsForTheControllerAndNeedsNoLoginAddress() {
        Gateway unifi = Gateway.builder("gw-nairobi-01", "Mall", GatewayType.UNIFI, EXPIRES)
                .unifi(new UnifiController("https://10.0.0.2:8443", "default", false, "env:UNIFI", null)).build();
        var context = GatewayContext.of(new GatewayParams("gw-nairobi-01", "aa:bb:cc:dd:ee:01", null, "http://evil.example/steal", null,
                null, null), Optional.of(unifi));
        assertEquals(Optional.empty(), context.loginUrl(), "a UniFi login address is ignored, not trusted");
        Login waiting = builder.build(SESSION, context);
        assertEquals("none", waiting.method());
        assertEquals(null, waiting.url());
        assertEquals(Map.of("dst", "https://portal.example.co.ke/online?gw=gw-nairobi-01&mac=AA%3ABB%3ACC%3ADD%3AEE%3A01"), waiting.fields());
        assertEquals(GatewayState.AWAITING_LOGIN, waiting.gatewayState());
        assertEquals(GatewayState.AUTHORIZED, builder.build(SESSION.withGatewayState(GatewayState.AUTHORIZED), context).gatewayState());
    }

    @Test
    void printingALoginNeverShowsTheCredentials() {
        String printed = builder.build(SESSION, context(null, null, null)).toString();
        assertFalse(printed.contains("secret"));
        assertFalse(printed.contains("9f1c2d3e"));
    }
}
