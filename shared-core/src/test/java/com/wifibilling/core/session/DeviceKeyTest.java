package com.wifibilling.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.Mac;
import com.wifibilling.core.http.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceKeyTest {
    @Test
    void valueJoinsGatewayAndCanonicalMacWithAHash() {
        var key = new DeviceKey("gw-nairobi-01", Mac.parse("aa-bb-cc-dd-ee-01"));
        assertEquals("gw-nairobi-01#AA:BB:CC:DD:EE:01", key.value());
        assertEquals(key, DeviceKey.parse(key.value()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gw-nairobi-01", "gw-nairobi-01#", "#AA:BB:CC:DD:EE:01", "gw#nairobi#AA:BB:CC:DD:EE:01",
            "gw-nairobi-01#aa:bb:cc:dd:ee:01", "gw-nairobi-01#AABBCCDDEE01", "gw nairobi#AA:BB:CC:DD:EE:01",
            "gw-nairobi-01#00:00:00:00:00:00"})
    void malformedStoredKeyIsAnInvalidDeviceKey(String value) {
        var e = assertThrows(ApiException.class, () -> DeviceKey.parse(value));
        assertEquals(Optional.of("deviceKey"), e.field());
    }

    @Test
    void nullIsAnInvalidDeviceKeyToo() {
        assertEquals(Optional.of("deviceKey"), assertThrows(ApiException.class, () -> DeviceKey.parse(null)).field());
    }

    @Test
    void gatewayIdCannotHoldTheSeparator() {
        var e = assertThrows(ApiException.class, () -> new DeviceKey("gw#1", Mac.parse("aa:bb:cc:dd:ee:01")));
        assertEquals(Optional.of("gatewayId"), e.field());
    }
}
