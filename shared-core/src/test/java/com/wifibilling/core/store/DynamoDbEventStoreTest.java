package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Page;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbEventStoreTest {
    private final TestTables tables;
    private final DynamoDbEventStore events;

    DynamoDbEventStoreTest(TestTables tables) {
        this.tables = tables;
        this.events = new DynamoDbEventStore(tables.client(), tables.name("EventsTable"));
    }

    @Test
    void eventReadsBackWithEveryField() {
        var event = new AuditEvent(Instant.parse("2026-05-01T09:15:00.123Z"), "e-1", "callback.suspicious", "admin-1",
                "tx-42", "AMOUNT_MISMATCH", Map.of("expected", "50", "body", "{\"MpesaReceiptNumber\":\"QK1\"}"));
        var bare = new AuditEvent(Instant.parse("2026-05-01T09:16:00Z"), "e-2", "stats.drift", null, null, null, Map.of());
        assertTrue(events.record(event));
        assertTrue(events.record(bare));
        assertEquals(List.of(bare, event), events.onDay(LocalDate.parse("2026-05-01"), 10, null).items());
    }

    @Test
    void eventsAreFiledUnderTheirEastAfricaDayWithTheirTtl() {
        Instant lateUtcEvening = Instant.parse("2026-05-02T22:30:00Z"); // 01:30 on 3 May in Nairobi
        var event = new AuditEvent(lateUtcEvening, "e-late", "admin.login", "admin-1", null, null, null);
        events.record(event);
        Map<String, AttributeValue> item = tables.client().getItem(r -> r.tableName(tables.name("EventsTable")).key(Map.of(
                "day", AttributeValue.fromS("2026-05-03"), "atId", AttributeValue.fromS("2026-05-02T22:30:00.000Z#e-late")))).item();
        assertEquals(Long.toString(lateUtcEvening.plus(Duration.ofDays(400)).getEpochSecond()), item.get("ttl").n());
        assertEquals(List.of(event), events.onDay(LocalDate.parse("2026-05-03"), 10, null).items());
        assertEquals(List.of(), events.onDay(LocalDate.parse("2026-05-02"), 10, null).items());
    }

    @Test
    void recordingTheSameEventTwiceWritesItOnce() {
        var event = new AuditEvent(Instant.parse("2026-05-04T10:00:00Z"), "e-twice", "admin.login", "a", null, null, Map.of("n", "1"));
        assertTrue(events.record(event));
        assertFalse(events.record(new AuditEvent(event.at(), "e-twice", "admin.logout", "b", null, null, Map.of())));
        assertEquals(List.of(event), events.onDay(LocalDate.parse("2026-05-04"), 10, null).items());
    }

    @Test
    void twoEventsInTheSameMillisecondAreBothKept() {
        Instant at = Instant.parse("2026-05-05T10:00:00.001Z");
        assertTrue(events.record(new AuditEvent(at, "e-a", "admin.login", null, null, null, null)));
        assertTrue(events.record(new AuditEvent(at, "e-b", "admin.login", null, null, null, null)));
        assertEquals(2, events.onDay(LocalDate.parse("2026-05-05"), 10, null).items().size());
    }

    @Test
    void sixteenRacersRecordingOneEventWriteItExactlyOnceEveryRound() throws Exception {
        for (int round = 0; round < 20; round++) {
            Instant at = Instant.parse("2026-05-06T10:00:00Z").plusSeconds(round);
            String id = "race-" + round;
            List<Boolean> answers = BarrierRace.race(16,
                    i -> () -> events.record(new AuditEvent(at, id, "callback.suspicious", "racer-" + i, null, null, null)));
            assertEquals(1, answers.stream().filter(won -> won).count(), "round " + round);
        }
        assertEquals(20, events.onDay(LocalDate.parse("2026-05-06"), 100, null).items().size());
    }

    @Test
    void aDayPagesNewestFirst() {
        LocalDate day = LocalDate.parse("2026-05-07");
        Instant start = Instant.parse("2026-05-07T05:00:00Z");
        for (int i = 0; i < 7; i++) events.record(new AuditEvent(start.plusSeconds(i), "p" + i, "admin.login", null, null, null, null));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<AuditEvent> page = events.onDay(day, 3, cursor);
            page.items().forEach(e -> seen.add(e.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(List.of("p6", "p5", "p4", "p3", "p2", "p1", "p0"), seen);
        assertTrue(pages >= 3);
    }

    @Test
    void garbageOrOtherDaysCursorsAndBadLimitsAreInvalidFields() {
        LocalDate day = LocalDate.parse("2026-05-08");
        assertInvalid("cursor", () -> events.onDay(day, 10, "%%%"));
        String otherDay = Cursors.encode(Map.of("day", AttributeValue.fromS("2026-05-09"), "atId", AttributeValue.fromS("x")));
        assertInvalid("cursor", () -> events.onDay(day, 10, otherDay));
        String numeric = Cursors.encode(Map.of("day", AttributeValue.fromS("2026-05-08"), "atId", AttributeValue.fromN("1")));
        assertInvalid("cursor", () -> events.onDay(day, 10, numeric));
        assertInvalid("limit", () -> events.onDay(day, 0, null));
        assertInvalid("limit", () -> events.onDay(day, 101, null));
    }

    private static void assertInvalid(String field, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(400, e.status());
        assertEquals(Optional.of(field), e.field());
    }
}
