package com.wifibilling.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {
    @ParameterizedTest
    @CsvSource({
            "POST /api/payment/callback/{token}, /api/payment/callback/abc, true",
            "POST /api/payment/callback/{token}, /api/payment/callback/, false",
            "POST /api/payment/callback/{token}, /api/payment/callback/abc/extra, false",
            "GET /api/health, /api/health, true",
            "GET /api/health, /api/health/, false",
            "GET /api/health, /api/Health, false"})
    void templateMatchesOnlyWholeSegments(String key, String path, boolean matches) {
        assertEquals(matches, Router.RouteTemplate.parse(key).match(path).isPresent());
    }

    @Test
    void templateCapturesNamedSegments() {
        assertEquals(Optional.of(Map.of("gatewayId", "gw-1", "mac", "AA")),
                Router.RouteTemplate.parse("GET /api/x/{gatewayId}/{mac}").match("/api/x/gw-1/AA"));
    }

    @Test
    void routeKeyWithoutMethodIsRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> Router.RouteTemplate.parse("/api/health"));
    }
}
