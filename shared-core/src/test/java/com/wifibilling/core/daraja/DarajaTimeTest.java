package com.wifibilling.core.daraja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** contracts/daraja.md §3's timestamp vectors: Nairobi time, 14 digits. */
class DarajaTimeTest {
    @ParameterizedTest
    @CsvSource({
            "2025-03-15T11:30:22Z, 20250315143022",
            "2026-06-28T22:30:00Z, 20260629013000",   // the date rolls over in Nairobi
            "2021-06-28T06:24:08Z, 20210628092408"})  // the official sample's Timestamp
    void timestampIsNairobiWallClockTime(String instant, String timestamp) {
        assertEquals(timestamp, DarajaTime.timestamp(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)));
        assertEquals(Instant.parse(instant), DarajaTime.parse(timestamp));
    }

    @Test
    void theClockIsReadOnce() {
        var reads = new AtomicInteger();
        Clock counting = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { reads.incrementAndGet(); return Instant.parse("2025-03-15T11:30:22Z"); }
        };
        DarajaTime.timestamp(counting);
        assertEquals(1, reads.get());
    }

    @Test
    void callbackTransactionDateIsReadAsNairobiTime() {
        assertEquals(Instant.parse("2019-12-19T07:21:15Z"), DarajaTime.parse("20191219102115"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20191319102115", "20190230102115", "2019121910211", "201912191021150", "2019121910211x", "20191219246000"})
    void somethingThatIsNotARealTimeIsRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> DarajaTime.parse(text));
    }
}
