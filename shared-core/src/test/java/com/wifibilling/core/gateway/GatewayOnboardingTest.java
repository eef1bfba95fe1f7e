package com.wifibilling.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.SecretStore;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.TestTables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Gateway create and rotate on the real Gateways table (dynalite); the secret store is a map, its adapter is tested locally end to end. */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayOnboardingTest {
    private static final String PREFIX = "wb-test/gateways/";

    /** Secrets Manager as a map; {@code failing} plays an outage. */
    private static final class MapSecrets implements SecretStore {
        final Map<String, String> values = new ConcurrentHashMap<>();
        volatile boolean failing;

        @Override
        public String read(String id) {
            return Optional.ofNullable(values.get(id)).orElseThrow(() -> new ConfigException("no " + id));
        }

        @Override
        public void put(String name, String value) {
            if (failing) throw new ApiException(503, "SECRET_STORE_UNAVAILABLE", "down");
            values.put(name, value);
        }
    }

    private final DynamoDbGatewayStore store;
    private final MapSecrets secrets = new MapSecrets();
    private final GatewayOnboarding onboarding;

    GatewayOnboardingTest(TestTables tables) {
        store = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        onboarding = new GatewayOnboarding(store, secrets, PREFIX, Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC));
    }

    private static GatewaySpec spec(String id, String type) {
        return new GatewaySpec(id, "Site " + id, type, null, null, "203.0.113.9", null, null, null, null, List.of("10.5.50.1"), null, null,
                null, null);
    }

    @Test
    void createStoresTheKeyHashAndTheSecretReferenceAndAnswersBothSecretsOnce() {
        var issued = onboarding.create(spec("kibera-1", "mikrotik"));
        Gateway stored = store.find("kibera-1").orElseThrow();
        assertEquals(GatewayKeys.hash(issued.apiSecret()), stored.apiKeyHash());
        assertEquals("kibera-1." + issued.apiSecret(), issued.apiKey());
        assertEquals("secretsmanager:" + PREFIX + "kibera-1", stored.radiusSecretRef());
        assertEquals(issued.radiusSecret(), secrets.values.get(PREFIX + "kibera-1"));
        assertTrue(issued.radiusSecret().matches("[A-Za-z0-9]{32}") && issued.apiSecret().matches("[A-Za-z0-9]{40}"));
        assertEquals(stored, new GatewayKeys(store).authenticate(Optional.of(issued.apiKey())), "the key works at once");
        assertTrue(!issued.toString().contains(issued.radiusSecret()) && !issued.toString().contains(issued.apiSecret()));
    }

    @Test
    void aTakenIdIsAConflictAndTheFirstGatewaysSecretsStay() {
        var first = onboarding.create(spec("dup-1", "mikrotik"));
        var conflict = assertThrows(ApiException.class, () -> onboarding.create(spec("dup-1", "pfsense")));
        assertEquals(List.of(409, "GATEWAY_EXISTS"), List.of(conflict.status(), conflict.code()));
        assertEquals(first.radiusSecret(), secrets.values.get(PREFIX + "dup-1"));
        assertEquals(GatewayType.MIKROTIK, store.find("dup-1").orElseThrow().type());
    }

    @Test
    void withoutAnIdOneIsMadeAndAUnifiGetsNoRadiusSecret() {
        var controller = new UnifiController("https://10.0.0.2:8443", "default", true, "secretsmanager:" + PREFIX + "mall/unifi", null);
        var issued = onboarding.create(new GatewaySpec(null, "Mall", "unifi", null, null, null, null, null, null, null, null, null, null,
                null, controller));
        assertTrue(issued.gateway().gatewayId().matches("gw-[a-z0-9]{8}"), issued.gateway().gatewayId());
        assertNull(issued.radiusSecret());
        assertNull(store.find(issued.gateway().gatewayId()).orElseThrow().radiusSecretRef());
        var refused = assertThrows(ApiException.class, () -> onboarding.rotate(issued.gateway().gatewayId(), false, true));
        assertEquals("radiusSecret", refused.field().orElseThrow());
    }

    @Test
    void rotateRenewsWhatIsAskedAndTheOldKeyStopsWorking() {
        var created = onboarding.create(spec("rot-1", "mikrotik"));
        var keys = new GatewayKeys(store);
        var apiOnly = onboarding.rotate("rot-1", true, false);
        assertNull(apiOnly.radiusSecret());
        assertEquals(created.radiusSecret(), secrets.values.get(PREFIX + "rot-1"), "the RADIUS secret stays");
        assertEquals(401, assertThrows(ApiException.class, () -> keys.authenticate(Optional.of(created.apiKey()))).status());
        assertEquals("rot-1", keys.authenticate(Optional.of(apiOnly.apiKey())).gatewayId());

        var radiusOnly = onboarding.rotate("rot-1", false, true);
        assertNull(radiusOnly.apiKey());
        assertEquals(radiusOnly.radiusSecret(), secrets.values.get(PREFIX + "rot-1"));
        assertNotEquals(created.radiusSecret(), radiusOnly.radiusSecret());
        assertEquals("rot-1", keys.authenticate(Optional.of(apiOnly.apiKey())).gatewayId(), "the API key stays");
        assertEquals(2, store.find("rot-1").orElseThrow().version());
    }

    @Test
    void anEnvSecretMovesIntoTheStoreOnRotation() {
        store.create(Gateway.builder("hand-1", "By hand", GatewayType.MIKROTIK, Instant.parse("2026-11-01T00:00:00Z"))
                .radiusClientAddress("10.0.0.1").radiusSecretRef("env:HAND_SECRET").loginUrlHosts(List.of("10.5.50.1")).build());
        var rotated = onboarding.rotate("hand-1", false, true);
        assertEquals("secretsmanager:" + PREFIX + "hand-1", store.find("hand-1").orElseThrow().radiusSecretRef());
        assertEquals(rotated.radiusSecret(), secrets.values.get(PREFIX + "hand-1"));
    }

    @Test
    void unknownGatewaysAndEmptyRotationsAreRefused() {
        assertEquals(404, assertThrows(ApiException.class, () -> onboarding.rotate("nope", true, true)).status());
        onboarding.create(spec("empty-rot", "generic-radius"));
        assertEquals(400, assertThrows(ApiException.class, () -> onboarding.rotate("empty-rot", false, false)).status());
    }

    @Test
    void aSecretStoreOutageSaysToRotateAndARotationFinishesTheGateway() {
        secrets.failing = true;
        var down = assertThrows(ApiException.class, () -> onboarding.create(spec("outage-1", "mikrotik")));
        assertEquals(List.of(503, "SECRET_STORE_UNAVAILABLE"), List.of(down.status(), down.code()));
        assertTrue(down.getMessage().contains("rotate"));
        assertThrows(ApiException.class, () -> onboarding.rotate("outage-1", true, true), "still down: nothing changes");
        assertEquals(0, store.find("outage-1").orElseThrow().version());
        secrets.failing = false;
        var finished = onboarding.rotate("outage-1", true, true);
        assertEquals(finished.radiusSecret(), secrets.values.get(PREFIX + "outage-1"));
    }
}
