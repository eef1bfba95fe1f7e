package com.wifibilling.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventTest {
    private static final Instant AT = Instant.parse("2026-11-24T21:00:00.000999Z");

    @Test
    void dayIsTheNairobiDateAndTimeIsKeptToTheMillisecond() {
        var event = AuditEvent.of(AT, "admin.login", "admin-1", null, null, null);
        assertEquals(LocalDate.parse("2026-11-25"), event.day()); // 00:00 EAT
        assertEquals(Instant.parse("2026-11-24T21:00:00Z"), event.at());
        assertNotEquals(event.id(), AuditEvent.of(AT, "admin.login", null, null, null, null).id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Admin.login", "admin..login", ".admin", "admin login"})
    void typesAreDottedLowercaseNames(String type) {
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent(AT, "e", type, null, null, null, null));
    }
}
