package com.wifibilling.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Page;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.TestTables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin's audit log and anomalies on dynalite: newest first day by day, filtered by kind, pages losing nothing. */
@ExtendWith(DynaliteExtension.class)
class EventLogTest {
    private final DynamoDbEventStore store;
    private final EventLog log;

    EventLogTest(TestTables tables) {
        store = new DynamoDbEventStore(tables.client(), tables.name("EventsTable"));
        log = new EventLog(store, Clock.fixed(Instant.parse("2027-03-10T09:00:00Z"), ZoneOffset.UTC));
    }

    private AuditEvent recorded(String at, String type) {
        var event = AuditEvent.of(Instant.parse(at), type, "system", "subject-1", "REASON", Map.of("k", "v"));
        assertTrue(store.record(event));
        return event;
    }

    private List<String> all(String type, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEvent> page = log.search(Optional.ofNullable(type), Optional.of("2027-03-04"), Optional.of("2027-03-10"),
                    Optional.of(Integer.toString(limit)), Optional.ofNullable(cursor));
            page.items().forEach(e -> ids.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    @Test
    void eventsListNewestFirstAcrossDaysAndFilterByKind() {
        var a = recorded("2027-03-04T06:00:00Z", "callback.suspicious");
        var b = recorded("2027-03-06T06:00:00Z", "admin.login");
        var c = recorded("2027-03-06T07:00:00Z", "stats.drift");
        var d = recorded("2027-03-10T06:00:00Z", "callback.suspicious");
        var e = recorded("2027-02-01T06:00:00Z", "stats.drift"); // outside the range
        List<String> newestFirst = List.of(d.id(), c.id(), b.id(), a.id());
        for (int limit : new int[] {1, 2, 3, 100}) {
            List<String> ids = all(null, limit);
            assertEquals(newestFirst, ids, "limit " + limit);
            assertEquals(ids.size(), new HashSet<>(ids).size());
        }
        assertEquals(List.of(b.id()), all("audit", 1));
        assertEquals(List.of(d.id(), c.id(), a.id()), all("anomaly", 2));
        assertTrue(!all(null, 10).contains(e.id()));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"type,robot", "from,2027-13-01", "to,soon", "limit,0", "cursor,bm9wZQ"})
    void invalidFiltersAreA400NamingTheField(String field, String value) {
        var rejected = assertThrows(ApiException.class, () -> log.search(
                Optional.ofNullable(field.equals("type") ? value : null), Optional.ofNullable(field.equals("from") ? value : null),
                Optional.ofNullable(field.equals("to") ? value : null), Optional.ofNullable(field.equals("limit") ? value : null),
                Optional.ofNullable(field.equals("cursor") ? value : null)));
        assertEquals(Optional.of(field), rejected.field());
    }
}
