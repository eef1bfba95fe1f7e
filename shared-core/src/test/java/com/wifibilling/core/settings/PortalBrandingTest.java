package com.wifibilling.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wifibilling.core.TestClock;
import com.wifibilling.core.settings.OperatorSettings.Branding;
import com.wifibilling.core.settings.OperatorSettings.Change;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbSettingsStore;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The portal's branding cache: empty until a save, refreshed at once by a save in this JVM, else after its age. */
@ExtendWith(DynaliteExtension.class)
class PortalBrandingTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final DynamoDbSettingsStore store;
    private final DynamoDbEventStore events;

    PortalBrandingTest(TestTables fresh) {
        store = new DynamoDbSettingsStore(fresh.client(), fresh.name("SettingsTable"));
        events = new DynamoDbEventStore(fresh.client(), fresh.name("EventsTable"));
    }

    @Test
    void emptyUntilSavedThenFreshAfterASaveAndAtMostMaxAgeOldOtherwise() {
        // Its own table prefix is not possible here (the key is fixed), so this test reads what the table holds first.
        var settings = new OperatorSettings(store, events, clock);
        long version = settings.current().version();
        var branding = new PortalBranding(store, clock, Duration.ofSeconds(60));
        Optional<Branding> before = branding.current();
        assertEquals(version == 0, before.isEmpty(), "nothing to show until the operator saves");

        var saved = settings.save(new Change(version, new Branding("Shop WiFi", null, null, null), null), "admin-1");
        assertEquals("Shop WiFi", branding.current().orElseThrow().portalName(), "a save in this JVM shows at once");

        // Another container's save (written straight to the table, no signal here) shows once the copy is 60 s old.
        store.put(OperatorSettings.KEY, "{\"branding\":{\"portalName\":\"Elsewhere\"}}", saved.version(), "admin-2", clock.instant());
        assertEquals("Shop WiFi", branding.current().orElseThrow().portalName());
        clock.advance(Duration.ofSeconds(60));
        assertEquals("Elsewhere", branding.current().orElseThrow().portalName());
    }
}
