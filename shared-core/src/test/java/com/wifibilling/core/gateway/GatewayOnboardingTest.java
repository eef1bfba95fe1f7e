package com.wifibilling.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.SecretStore;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbEventStore;
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
    private static final String ADMIN = "admin-1";

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
    private final DynamoDbEventStore events;

    GatewayOnboardingTest(TestTables tables) {
        store = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        events = new DynamoDbEventStore(tables.client(), tables.name("EventsTable"));
        onboarding = new GatewayOnboarding(store, secrets, PREFIX, events, Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC));
    }

    private static GatewaySpec spec(String id, String type) {
        return new GatewaySpec(id, "Site " + id, type, null, null, "203.0.113.9", null, null, null, null, List.of("10.5.50.1"), null, null,
                null, null);
    }

    @Test
    void createStoresTheKeyHashAndTheSecretReferenceAndAnswersBothSecretsOnce() {
        var issued = onboarding.create(spec("kibera-1", "mikrotik"), ADMIN);
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
        var first = onboarding.create(spec("dup-1", "mikrotik"), ADMIN);
        var conflict = assertThrows(ApiException.class, () -> onboarding.create(spec("dup-1", "pfsense"), ADMIN));
        assertEquals(List.of(409, "GATEWAY_EXISTS"), List.of(conflict.status(), conflict.code()));
        assertEquals(first.radiusSecret(), secrets.values.get(PREFIX + "dup-1"));
        assertEquals(GatewayType.MIKROTIK, store.find("dup-1").orElseThrow().type());
    }

    @Test
    void withoutAnIdOneIsMadeAndAUnifiGetsNoRadiusSecret() {
        var controller = new UnifiController("https://10.0.0.2:8443", "default", true, "secretsmanager:" + PREFIX + "mall/unifi", null);
        var issued = onboarding.create(new GatewaySpec(null, "Mall", "unifi", null, null, null, null, null, null, null, null, null, null,
                null, controller), ADMIN);
        assertTrue(issued.gateway().gatewayId().matches("gw-[a-z0-9]{8}"), issued.gateway().gatewayId());
        assertNull(issued.radiusSecret());
        assertNull(store.find(issued.gateway().gatewayId()).orElseThrow().radiusSecretRef());
        var refused = assertThrows(ApiException.class, () -> onboarding.rotate(issued.gateway().gatewayId(), false, true, ADMIN));
        assertEquals("radiusSecret", refused.field().orElseThrow());
    }

    @Test
    void rotateRenewsWhatIsAskedAndTheOldKeyStopsWorking() {
        var created = onboarding.create(spec("rot-1", "mikrotik"), ADMIN);
        var keys = new GatewayKeys(store);
        var apiOnly = onboarding.rotate("rot-1", true, false, ADMIN);
        assertNull(apiOnly.radiusSecret());
        assertEquals(created.radiusSecret(), secrets.values.get(PREFIX + "rot-1"), "the RADIUS secret stays");
        assertEquals(401, assertThrows(ApiException.class, () -> keys.authenticate(Optional.of(created.apiKey()))).status());
        assertEquals("rot-1", keys.authenticate(Optional.of(apiOnly.apiKey())).gatewayId());

        var radiusOnly = onboarding.rotate("rot-1", false, true, ADMIN);
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
        var rotated = onboarding.rotate("hand-1", false, true, ADMIN);
        assertEquals("secretsmanager:" + PREFIX + "hand-1", store.find("hand-1").orElseThrow().radiusSecretRef());
        assertEquals(rotated.radiusSecret(), secrets.values.get(PREFIX + "hand-1"));
    }

    @Test
    void unknownGatewaysAndEmptyRotationsAreRefused() {
        assertEquals(404, assertThrows(ApiException.class, () -> onboarding.rotate("nope", true, true, ADMIN)).status());
        onboarding.create(spec("empty-rot", "generic-radius"), ADMIN);
        assertEquals(400, assertThrows(ApiException.class, () -> onboarding.rotate("empty-rot", false, false, ADMIN)).status());
    }

    @Test
    void aSecretStoreOutageSaysToRotateAndARotationFinishesTheGateway() {
        secrets.failing = true;
        var down = assertThrows(ApiException.class, () -> onboarding.create(spec("outage-1", "mikrotik"), ADMIN));
        assertEquals(List.of(503, "SECRET_STORE_UNAVAILABLE"), List.of(down.status(), down.code()));
        assertTrue(down.getMessage().contains("rotate"));
        assertThrows(ApiException.class, () -> onboarding.rotate("outage-1", true, true, ADMIN), "still down: nothing changes");
        assertEquals(0, store.find("outage-1").orElseThrow().version());
        secrets.failing = false;
        var finished = onboarding.rotate("outage-1", true, true, ADMIN);
        assertEquals(finished.radiusSecret(), secrets.values.get(PREFIX + "outage-1"));
    }

    @Test
    void anEditChangesTheConfigurationKeepsTheSecretsAndIsAudited() {
        var created = onboarding.create(spec("edit-1", "mikrotik"), ADMIN).gateway();
        var edited = onboarding.update("edit-1", new GatewayEdit(created.version(), "Kibera stage", "disabled", List.of("10.5.60.1", "hotspot.lan"),
                null, "203.0.113.10", null, 1700, null, 600, 120), ADMIN);
        assertEquals(List.of("Kibera stage", GatewayStatus.DISABLED, List.of("10.5.60.1", "hotspot.lan"), 1700, 600, 120),
                List.of(edited.name(), edited.status(), edited.loginUrlHosts(), edited.coaPort(), edited.idleTimeoutSeconds(), edited.acctInterimSeconds()));
        assertEquals("203.0.113.10", edited.coaAddress(), "CoA followed the RADIUS address it was defaulted from");
        assertEquals(List.of(created.apiKeyHash(), created.radiusSecretRef(), created.createdAt(), created.version() + 1),
                List.of(edited.apiKeyHash(), edited.radiusSecretRef(), edited.createdAt(), edited.version()));
        assertEquals(edited, store.find("edit-1").orElseThrow());
        var ownCoa = onboarding.update("edit-1", new GatewayEdit(null, null, null, null, null, null, "203.0.113.99", null, null, null, null), ADMIN);
        assertEquals("203.0.113.99", ownCoa.coaAddress());
        var following = onboarding.update("edit-1", new GatewayEdit(null, null, null, null, null, null, "", null, null, null, null), ADMIN);
        assertEquals("203.0.113.10", following.coaAddress(), "an empty coaAddress follows the RADIUS address again");
        var audit = events.onDay(BusinessDay.of(edited.createdAt()), 50, null).items().stream()
                .filter(e -> "edit-1".equals(e.subject())).map(AuditEvent::type).toList();
        assertEquals(List.of("admin.gateway.created", "admin.gateway.updated", "admin.gateway.updated", "admin.gateway.updated"),
                audit.stream().sorted().toList());
    }

    @Test
    void aBadOrStaleEditIsRefusedAndWritesNothing() {
        var created = onboarding.create(spec("edit-2", "pfsense"), ADMIN).gateway();
        record Case(GatewayEdit edit, int status, String field) {}
        var cases = List.of(
                new Case(new GatewayEdit(null, "", null, null, null, null, null, null, null, null, null), 400, "name"),
                new Case(new GatewayEdit(null, null, "paused", null, null, null, null, null, null, null, null), 400, "status"),
                new Case(new GatewayEdit(null, null, null, List.of(), null, null, null, null, null, null, null), 400, "loginUrlHosts"),
                new Case(new GatewayEdit(null, null, null, null, "ftp://x", null, null, null, null, null, null), 400, "defaultLoginUrl"),
                new Case(new GatewayEdit(null, null, null, null, null, "0.0.0.0/0", null, null, null, null, null), 400, "radiusClientAddress"),
                new Case(new GatewayEdit(null, null, null, null, null, null, null, 70000, null, null, null), 400, "coaPort"),
                new Case(new GatewayEdit(null, null, null, null, null, null, null, null, true, null, null), 400, "coaSupported"),
                new Case(new GatewayEdit(null, null, null, null, null, null, null, null, null, null, 5), 400, "acctInterimSeconds"),
                new Case(new GatewayEdit(created.version() + 7, "New", null, null, null, null, null, null, null, null, null), 409, null));
        for (Case c : cases) {
            var refused = assertThrows(ApiException.class, () -> onboarding.update("edit-2", c.edit(), ADMIN), c.toString());
            assertEquals(List.of(c.status(), String.valueOf(c.field())), List.of(refused.status(), refused.field().orElse("null")), c.toString());
        }
        assertEquals(created, store.find("edit-2").orElseThrow(), "nothing written");
        assertEquals(404, assertThrows(ApiException.class, () -> onboarding.update("nope", new GatewayEdit(null, "X", null, null, null, null, null,
                null, null, null, null), ADMIN)).status());
    }
}
