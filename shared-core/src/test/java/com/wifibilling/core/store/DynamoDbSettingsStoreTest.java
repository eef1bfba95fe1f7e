package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.settings.Setting;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbSettingsStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00.125Z");

    private final DynamoDbSettingsStore settings;

    DynamoDbSettingsStoreTest(TestTables tables) {
        this.settings = new DynamoDbSettingsStore(tables.client(), tables.name("SettingsTable"));
    }

    @Test
    void settingReadsBackWithEveryField() {
        String json = "{\"name\":\"Mama Mboga WiFi\",\"color\":\"#0a7\"}";
        Setting written = settings.put("branding", json, 0, "admin-1", T0).orElseThrow();
        assertEquals(new Setting("branding", json, T0, "admin-1", 1), written);
        assertEquals(Optional.of(written), settings.find("branding"));
    }

    @Test
    void anEmptyValueIsKept() {
        settings.put("branding.tagline", "", 0, "admin-1", T0);
        assertEquals("", settings.find("branding.tagline").orElseThrow().value());
    }

    @Test
    void aMissingSettingIsEmpty() {
        assertEquals(Optional.empty(), settings.find("never.set"));
    }

    @Test
    void creatingASettingThatExistsWritesNothing() {
        settings.put("sms.receipts", "true", 0, "admin-1", T0);
        assertEquals(Optional.empty(), settings.put("sms.receipts", "false", 0, "admin-2", T0.plusSeconds(1)));
        assertEquals("true", settings.find("sms.receipts").orElseThrow().value());
    }

    @Test
    void changeFromTheStoredVersionWinsAndFromAStaleOneWritesNothing() {
        settings.put("sms.sender", "WIFI", 0, "admin-1", T0);
        Setting second = settings.put("sms.sender", "HOTSPOT", 1, "admin-2", T0.plusSeconds(5)).orElseThrow();
        assertEquals(2, second.version());
        assertEquals(Optional.empty(), settings.put("sms.sender", "STALE", 1, "admin-3", T0.plusSeconds(6)));
        assertEquals(Optional.of(second), settings.find("sms.sender"));
    }

    @Test
    void updatingASettingThatDoesNotExistWritesNothing() {
        assertEquals(Optional.empty(), settings.put("ghost", "x", 3, "admin-1", T0));
        assertEquals(Optional.empty(), settings.find("ghost"));
    }

    @Test
    void allListsEverySetting(TestTables fresh) {
        var store = new DynamoDbSettingsStore(fresh.client(), fresh.name("SettingsTable"));
        store.put("a", "1", 0, "admin", T0);
        store.put("b", "2", 0, "admin", T0);
        assertEquals(Set.of("a=1", "b=2"), store.all().stream().map(s -> s.key() + "=" + s.value()).collect(Collectors.toSet()));
    }

    @Test
    void sixteenAdminsChangingOneVersionLeaveExactlyOneWinnerEveryRound() throws Exception {
        for (int round = 0; round < 20; round++) {
            String key = "race." + round;
            settings.put(key, "start", 0, "admin", T0);
            List<Boolean> answers = BarrierRace.race(16, i -> () -> settings.put(key, "v" + i, 1, "admin-" + i, T0).isPresent());
            assertEquals(1, answers.stream().filter(won -> won).count(), "round " + round);
            assertEquals("v" + answers.indexOf(true), settings.find(key).orElseThrow().value());
        }
    }

    @Test
    void adminsThatRetryOnConflictLoseNoChange() throws Exception {
        settings.put("busy", "", 0, "admin", T0);
        BarrierRace.race(16, i -> () -> {
            for (int n = 0; n < 3; n++) {
                while (true) { // the caller's read-modify-write loop
                    Setting read = settings.find("busy").orElseThrow();
                    String next = read.value().isEmpty() ? i + "." + n : read.value() + "," + i + "." + n;
                    if (settings.put("busy", next, read.version(), "admin-" + i, T0).isPresent()) break;
                }
            }
            return null;
        });
        Setting stored = settings.find("busy").orElseThrow();
        assertEquals(1 + 16 * 3, stored.version());
        Set<String> expected = IntStream.range(0, 16).boxed().flatMap(i -> IntStream.range(0, 3).mapToObj(n -> i + "." + n)).collect(Collectors.toSet());
        assertEquals(expected, new HashSet<>(Arrays.asList(stored.value().split(","))));
    }

    @Test
    void badKeysAndOversizedValuesAreInvalidFields() {
        assertEquals(Optional.of("key"), assertThrows(ApiException.class, () -> settings.put("Bad Key", "x", 0, "a", T0)).field());
        assertEquals(Optional.of("value"), assertThrows(ApiException.class,
                () -> settings.put("big", "x".repeat(Setting.MAX_VALUE_LENGTH + 1), 0, "a", T0)).field());
    }
}
