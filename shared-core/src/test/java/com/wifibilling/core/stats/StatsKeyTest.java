package com.wifibilling.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.http.ApiException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatsKeyTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");

    @Test
    void keysAreSpelledAsTheDataModelSays() {
        assertEquals("2026-11-25", StatsKey.day(DAY).value());
        assertEquals("2026-11-25#pkg#basic", StatsKey.forPackage(DAY, "basic").value());
        assertEquals("2026-11-25#gw#default", StatsKey.forGateway(DAY, "default").value());
        assertEquals(DAY, StatsKey.forGateway(DAY, "default").date());
    }

    @Test
    void everyGatewayIdADeviceKeyAllowsMakesAKey() {
        assertEquals("2026-11-25#gw#GW.Nairobi_01", StatsKey.forGateway(DAY, "GW.Nairobi_01").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-11-32", "2026-13-01", "26-11-25", "2026-11-25#pkg#", "2026-11-25#x#basic", "2026-11-25#pkg#Basic", "2026-11-25#gw#a#b", "2026-11-25#gw#-x", "2026-11-25 "})
    void otherSpellingsAreRejected(String key) {
        assertEquals("INVALID_FIELD", assertThrows(ApiException.class, () -> new StatsKey(key)).code());
    }
}
