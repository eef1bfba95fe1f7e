package com.wifibilling.core.unifi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.Mac;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnifiGuestTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:01:00Z");

    private static Session session(Instant expiresAt, int downloadMbps, int uploadMbps) {
        return new Session(new DeviceKey("gw-unifi", Mac.parse("AA:BB:CC:DD:EE:01")), "9f1c2d3e-aaaa", "AC1", "Secret0123456789abcd",
                null, "basic", "Basic", downloadMbps, uploadMbps, NOW.minusSeconds(60), expiresAt, SessionStatus.ACTIVE, null, null,
                1, Map.of("g-1", 3600L), null, null, null, null);
    }

    @Test
    void minutesRoundUpSoTheControllerNeverCutsBeforeExpiryAndRatesAreKbps() {
        UnifiGuest guest = UnifiGuest.of(session(NOW.plusSeconds(3540), 5, 2), NOW);
        assertEquals(59, guest.minutes());
        assertEquals(2000, guest.upKbps());
        assertEquals(5000, guest.downKbps());
        assertEquals("aa:bb:cc:dd:ee:01", guest.wireMac());
        assertEquals(60, UnifiGuest.of(session(NOW.plusSeconds(3541), 5, 5), NOW).minutes());
    }

    @Test
    void aSessionAtOrPastItsExpiryStillAsksForOneMinuteNeverZero() {
        assertEquals(1, UnifiGuest.of(session(NOW, 5, 5), NOW).minutes());
    }

    @Test
    void zeroMinutesOrRatesAreRefused() {
        Mac mac = Mac.parse("AA:BB:CC:DD:EE:01");
        assertThrows(IllegalArgumentException.class, () -> new UnifiGuest(mac, 0, 1, 1, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new UnifiGuest(mac, 1, 0, 1, Optional.empty()));
    }
}
