package com.wifibilling.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.settings.OperatorSettings.Branding;
import com.wifibilling.core.settings.OperatorSettings.Change;
import com.wifibilling.core.settings.OperatorSettings.Notifications;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbSettingsStore;
import com.wifibilling.core.store.TestTables;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator's settings on dynalite: defaults, partial saves, optimistic versions, checks before any write. */
@ExtendWith(DynaliteExtension.class)
class OperatorSettingsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final DynamoDbEventStore events;
    private final OperatorSettings settings;

    OperatorSettingsTest(TestTables tables) {
        events = new DynamoDbEventStore(tables.client(), tables.name("EventsTable"));
        settings = new OperatorSettings(new PrefixedSettings(new DynamoDbSettingsStore(tables.client(), tables.name("SettingsTable")),
                "t" + System.nanoTime() + "."), events, clock);
    }

    /** The real store under keys of this test's own, so each test starts from the defaults on the shared table. */
    private record PrefixedSettings(SettingsStore store, String prefix) implements SettingsStore {
        @Override
        public Optional<Setting> find(String key) {
            return store.find(prefix + key).map(s -> unprefixed(key, s));
        }

        @Override
        public List<Setting> all() {
            return store.all();
        }

        @Override
        public Optional<Setting> put(String key, String value, long expectedVersion, String updatedBy, Instant updatedAt) {
            return store.put(prefix + key, value, expectedVersion, updatedBy, updatedAt).map(s -> unprefixed(key, s));
        }

        private static Setting unprefixed(String key, Setting s) {
            return new Setting(key, s.value(), s.updatedAt(), s.updatedBy(), s.version());
        }
    }

    @Test
    void untilTheFirstSaveTheDefaultsShowAsVersionZero() {
        var current = settings.current();
        assertEquals(List.of(OperatorSettings.DEFAULT_BRANDING, OperatorSettings.DEFAULT_NOTIFICATIONS, 0L),
                List.of(current.branding(), current.notifications(), current.version()));
        assertNull(current.updatedBy());
    }

    @Test
    void aSaveChangesOnlyWhatItNamesBumpsTheVersionAndIsAudited() {
        var saved = settings.save(new Change(0L, new Branding(" Mama Mboga WiFi ", "#112233", null, "0712345678"),
                new Notifications(false, null)), "admin-1");
        assertEquals(new Branding("Mama Mboga WiFi", "#112233", OperatorSettings.DEFAULT_BRANDING.accentColor(), "254712345678"), saved.branding());
        assertEquals(new Notifications(false, true), saved.notifications());
        assertEquals(List.of(1L, "admin-1", NOW), List.of(saved.version(), saved.updatedBy(), saved.updatedAt()));
        assertEquals(saved, settings.current());

        clock.advance(java.time.Duration.ofSeconds(1));
        var cleared = settings.save(new Change(1L, new Branding(null, null, "#ABCDEF", ""), null), "admin-2");
        assertEquals(new Branding("Mama Mboga WiFi", "#112233", "#abcdef", null), cleared.branding());
        assertEquals(new Notifications(false, true), cleared.notifications(), "an absent group keeps its values");
        List<String> audited = events.onDay(BusinessDay.of(NOW), 100, null).items().stream()
                .filter(e -> e.type().equals("admin.settings.updated") && e.at().equals(NOW.plusSeconds(1))).map(AuditEvent::actor).toList();
        assertEquals(List.of("admin-2"), audited, "the second save is in the audit log under who made it");
    }

    @Test
    void aStaleVersionIsAConflictAndWritesNothing() {
        settings.save(new Change(0L, new Branding("First", null, null, null), null), "admin-1");
        ApiException stale = assertThrows(ApiException.class,
                () -> settings.save(new Change(0L, new Branding("Second", null, null, null), null), "admin-2"));
        assertEquals(List.of(409, "STALE_SETTINGS"), List.of(stale.status(), stale.code()));
        assertEquals("First", settings.current().branding().portalName());
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsWritten() {
        record Case(Change change, String code, String field) {}
        for (Case c : List.of(
                new Case(new Change(null, null, null), "INVALID_FIELD", "version"),
                new Case(new Change(0L, new Branding("", null, null, null), null), "INVALID_FIELD", "branding.portalName"),
                new Case(new Change(0L, new Branding("x".repeat(41), null, null, null), null), "INVALID_FIELD", "branding.portalName"),
                new Case(new Change(0L, new Branding("Bad\nname", null, null, null), null), "INVALID_FIELD", "branding.portalName"),
                new Case(new Change(0L, new Branding(null, "green", null, null), null), "INVALID_FIELD", "branding.primaryColor"),
                new Case(new Change(0L, new Branding(null, null, "#12345", null), null), "INVALID_FIELD", "branding.accentColor"),
                new Case(new Change(0L, new Branding(null, null, null, "12345"), null), "INVALID_PHONE", "branding.supportPhone"))) {
            ApiException refused = assertThrows(ApiException.class, () -> settings.save(c.change(), "admin-1"), c.toString());
            assertEquals(List.of(400, c.code(), c.field()), List.of(refused.status(), refused.code(), refused.field().orElse("")), c.toString());
        }
        assertEquals(0L, settings.current().version(), "nothing written");
    }
}
