package com.wifibilling.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Business days are East Africa Time dates (DESIGN §3). */
class BusinessDayTest {

    @Test
    void lateEveningUtcIsAlreadyTheNextDayInNairobi() {
        Instant evening = Instant.parse("2026-11-25T21:30:00Z"); // 00:30 on 26 November in Nairobi
        assertEquals(LocalDate.parse("2026-11-26"), BusinessDay.of(evening));
        assertEquals("2026-11-26", BusinessDay.key(evening));
    }

    @Test
    void theDayTurnsAtMidnightEastAfricaTime() {
        assertEquals("2026-11-25", BusinessDay.key(Instant.parse("2026-11-25T20:59:59.999Z")));
        assertEquals("2026-11-26", BusinessDay.key(Instant.parse("2026-11-25T21:00:00Z")));
    }
}
