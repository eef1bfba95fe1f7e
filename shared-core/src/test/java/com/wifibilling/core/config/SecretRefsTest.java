package com.wifibilling.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRefsTest {
    /** A map standing in for Secrets Manager that counts reads, to see the cache at work. */
    static final class MapSecretStore implements SecretStore {
        final Map<String, String> values = new HashMap<>();
        final List<String> reads = new ArrayList<>();

        @Override
        public String read(String id) {
            reads.add(id);
            String value = values.get(id);
            if (value == null) throw new ConfigException("Secret " + id + " does not exist");
            return value;
        }

        @Override
        public void put(String name, String value) {
            values.put(name, value);
        }
    }

    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-11-25T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MapSecretStore store = new MapSecretStore();
    private final StepClock clock = new StepClock();
    private final SecretRefs refs = new SecretRefs(Env.of(Map.of("GW_SECRET", "from-env")), store, clock, Duration.ofSeconds(60));

    @Test
    void anEnvReferenceReadsTheVariableAndNeverTheStore() {
        assertEquals("from-env", refs.resolve("env:GW_SECRET"));
        assertTrue(store.reads.isEmpty());
        var missing = assertThrows(ConfigException.class, () -> refs.resolve("env:NOT_SET"));
        assertTrue(missing.getMessage().contains("NOT_SET"));
    }

    @Test
    void storeReferencesAreReadOnceAMinuteSoARotationArrivesWithinIt() {
        store.put("stack/gateways/gw-1", "first");
        assertEquals("first", refs.resolve("secretsmanager:stack/gateways/gw-1"));
        store.put("stack/gateways/gw-1", "second");
        clock.now = clock.now.plusSeconds(59);
        assertEquals("first", refs.resolve("secretsmanager:stack/gateways/gw-1"), "kept within the TTL");
        assertEquals(1, store.reads.size());
        clock.now = clock.now.plusSeconds(1);
        assertEquals("second", refs.resolve("secretsmanager:stack/gateways/gw-1"), "read again once it has passed");
        assertEquals(2, store.reads.size());
    }

    @Test
    void anArnIsReadAsItIs() {
        String arn = "arn:aws:secretsmanager:af-south-1:123456789012:secret:stack/gateways/gw-2-AbCdEf";
        store.put(arn, "by-arn");
        assertEquals("by-arn", refs.resolve(arn));
        assertEquals(List.of(arn), store.reads);
    }

    @Test
    void malformedReferencesFailNamingTheReferenceOnly() {
        for (String bad : new String[] {null, "", "  ", "vault:gw", "secretsmanager:", "Q7mXplainSecretValue"}) {
            var failure = assertThrows(ConfigException.class, () -> refs.resolve(bad), String.valueOf(bad));
            assertFalse(failure.getMessage().contains("Q7mX"), "never echoes what may be a secret pasted as a reference: " + failure.getMessage());
        }
        assertThrows(ConfigException.class, () -> refs.resolve("secretsmanager:absent"));
        assertEquals(SecretRefs.STORE_PREFIX + "a/b", SecretRefs.storeRef("a/b"));
    }

    @Test
    void aLazyStoreIsBuiltOnFirstUseOnly() {
        int[] built = {0};
        var lazy = new LazySecretStore(() -> {
            built[0]++;
            return store;
        });
        var envOnly = new SecretRefs(Env.of(Map.of("X", "y")), lazy, clock, Duration.ZERO);
        assertEquals("y", envOnly.resolve("env:X"));
        assertEquals(0, built[0], "an env reference never builds the client");
        lazy.put("n", "v");
        assertEquals("v", lazy.read("n"));
        assertEquals(1, built[0]);
    }
}
