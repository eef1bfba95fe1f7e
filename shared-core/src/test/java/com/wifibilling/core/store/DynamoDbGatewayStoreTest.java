package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.gateway.ControlMode;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayStatus;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.gateway.PollLogin;
import com.wifibilling.core.gateway.UnifiController;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbGatewayStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");

    private final TestTables tables;
    private final DynamoDbGatewayStore gateways;

    DynamoDbGatewayStoreTest(TestTables tables) {
        this.tables = tables;
        this.gateways = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
    }

    private static Gateway mikrotik(String gatewayId) {
        return Gateway.builder(gatewayId, "Nairobi CBD", GatewayType.MIKROTIK, T0).radiusClientAddress("10.5.50.1")
                .radiusSecretRef("arn:aws:secretsmanager:af-south-1:1:secret:gw").loginUrlHosts(List.of("10.5.50.1")).build();
    }

    @Test
    void gatewayReadsBackWithEveryField() {
        var unifi = new UnifiController("https://192.168.1.2:8443", "hotspot", true, "arn:secret:unifi", "AB:".repeat(31) + "AB");
        var gateway = Gateway.builder("gw-full", "Westlands", GatewayType.UNIFI, T0).status(GatewayStatus.DISABLED)
                .controlMode(ControlMode.POLL).pollLogin(PollLogin.LOCAL_USER).radiusClientAddress("10.0.0.1")
                .radiusSecretRef("arn:secret:radius").coaAddress("10.0.0.2").coaPort(1700).coaSupported(false)
                .eventTimestamp(false).loginUrlHosts(List.of("10.0.0.1", "Portal.Example:8080"))
                .defaultLoginUrl("http://10.0.0.1/login").idleTimeoutSeconds(600).acctInterimSeconds(120).unifi(unifi)
                .apiKeyHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .lastSeenAt(T0.plusMillis(1500)).outboxSeq(41).version(3).build();
        assertTrue(gateways.create(gateway));
        Gateway read = gateways.find("gw-full").orElseThrow();
        assertEquals(gateway, read);
        assertEquals(List.of("10.0.0.1", "portal.example:8080"), read.loginUrlHosts());
        assertEquals("ab".repeat(32), read.unifi().certSha256());
    }

    @Test
    void gatewayWithDefaultsReadsBackWithTheContractDefaults() {
        gateways.create(Gateway.builder("gw-defaults", "Defaults", GatewayType.GENERIC_RADIUS, T0).build());
        Gateway read = gateways.find("gw-defaults").orElseThrow();
        assertEquals(GatewayStatus.ACTIVE, read.status());
        assertEquals(ControlMode.PUSH, read.controlMode());
        assertEquals(PollLogin.RADIUS, read.pollLogin());
        assertEquals(3799, read.coaPort());
        assertTrue(read.coaSupported());
        assertTrue(read.eventTimestamp());
        assertEquals(300, read.acctInterimSeconds());
        assertNull(read.idleTimeoutSeconds());
        assertNull(read.defaultLoginUrl());
        assertEquals(List.of(), read.loginUrlHosts());
    }

    @Test
    void typesAndModesAreStoredInTheContractSpelling() {
        gateways.create(Gateway.builder("gw-spelling", "Spelling", GatewayType.GENERIC_RADIUS, T0)
                .controlMode(ControlMode.POLL).pollLogin(PollLogin.LOCAL_USER).build());
        Map<String, AttributeValue> item = tables.client().getItem(r -> r.tableName(tables.name("GatewaysTable"))
                .key(Map.of("gatewayId", AttributeValue.fromS("gw-spelling")))).item();
        assertEquals("generic-radius", item.get("type").s());
        assertEquals("poll", item.get("controlMode").s());
        assertEquals("local-user", item.get("pollLogin").s());
        assertEquals("active", item.get("status").s());
        assertEquals(StoredTime.iso(T0), item.get("createdAt").s());
    }

    @Test
    void secondCreateWithTheSameIdChangesNothing() {
        assertTrue(gateways.create(mikrotik("gw-twice")));
        assertFalse(gateways.create(Gateway.builder("gw-twice", "Other", GatewayType.PFSENSE, T0).build()));
        assertEquals("Nairobi CBD", gateways.find("gw-twice").orElseThrow().name());
    }

    @Test
    void sixteenRacersCreatingOneGatewayLeaveExactlyOneWinnerEveryRound() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = "gw-race-" + round;
            List<Boolean> answers = BarrierRace.race(16, i -> () -> gateways.create(
                    Gateway.builder(id, "Racer " + i, GatewayType.MIKROTIK, T0).build()));
            assertEquals(1, answers.stream().filter(won -> won).count(), "round " + round);
            assertEquals("Racer " + answers.indexOf(true), gateways.find(id).orElseThrow().name());
        }
    }

    @Test
    void allListsEveryGateway(TestTables fresh) {
        var store = new DynamoDbGatewayStore(fresh.client(), fresh.name("GatewaysTable"));
        for (int i = 0; i < 5; i++) store.create(mikrotik("gw-" + i));
        assertEquals(Set.of("gw-0", "gw-1", "gw-2", "gw-3", "gw-4"),
                store.all().stream().map(Gateway::gatewayId).collect(Collectors.toSet()));
    }

    @Test
    void updateWritesTheNextVersionAndRemovesClearedFields() {
        Gateway read = mikrotik("gw-edit").toBuilder().defaultLoginUrl("http://10.5.50.1/login").idleTimeoutSeconds(300).build();
        gateways.create(read);
        Gateway next = read.toBuilder().name("Renamed").defaultLoginUrl(null).idleTimeoutSeconds(null)
                .loginUrlHosts(List.of("10.5.50.1", "10.5.50.2")).status(GatewayStatus.DISABLED).build();
        Gateway written = gateways.update(read, next).orElseThrow();
        assertEquals(next.toBuilder().version(1).build(), written);
        assertEquals(Optional.of(written), gateways.find("gw-edit"));
        Map<String, AttributeValue> item = tables.client().getItem(r -> r.tableName(tables.name("GatewaysTable"))
                .key(Map.of("gatewayId", AttributeValue.fromS("gw-edit")))).item();
        assertFalse(item.containsKey("defaultLoginUrl"));
        assertFalse(item.containsKey("idleTimeoutSeconds"));
    }

    @Test
    void updateFromAStaleReadWritesNothing() {
        Gateway read = mikrotik("gw-stale");
        gateways.create(read);
        gateways.update(read, read.toBuilder().name("First edit").build()).orElseThrow();
        assertEquals(Optional.empty(), gateways.update(read, read.toBuilder().name("Lost edit").build()));
        Gateway stored = gateways.find("gw-stale").orElseThrow();
        assertEquals("First edit", stored.name());
        assertEquals(1, stored.version());
    }

    @Test
    void updateNeverRollsBackTheOutboxCounterOrTheHeartbeat() {
        Gateway read = mikrotik("gw-keep");
        gateways.create(read);
        gateways.nextOutboxSeq("gw-keep");
        gateways.nextOutboxSeq("gw-keep");
        gateways.touch("gw-keep", T0.plusSeconds(60));
        Gateway written = gateways.update(read, read.toBuilder().outboxSeq(0).lastSeenAt(null)
                .createdAt(T0.plusSeconds(999)).name("Edited").build()).orElseThrow();
        assertEquals(2, written.outboxSeq());
        assertEquals(T0.plusSeconds(60), written.lastSeenAt());
        assertEquals(T0, written.createdAt());
        assertEquals(OptionalLong.of(3), gateways.nextOutboxSeq("gw-keep"));
    }

    @Test
    void sixteenRacersUpdatingFromOneReadLeaveExactlyOneWinnerEveryRound() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = "gw-edit-race-" + round;
            Gateway read = mikrotik(id);
            gateways.create(read);
            List<Boolean> answers = BarrierRace.race(16,
                    i -> () -> gateways.update(read, read.toBuilder().name("Editor " + i).build()).isPresent());
            assertEquals(1, answers.stream().filter(won -> won).count(), "round " + round);
            Gateway stored = gateways.find(id).orElseThrow();
            assertEquals("Editor " + answers.indexOf(true), stored.name());
            assertEquals(1, stored.version());
        }
    }

    @Test
    void editorsThatRetryOnConflictLoseNoEdit() throws Exception {
        gateways.create(mikrotik("gw-busy"));
        int editors = 16;
        int editsEach = 3;
        BarrierRace.race(editors, i -> () -> {
            for (int n = 0; n < editsEach; n++) {
                String host = "10.9." + i + "." + n;
                while (true) { // the caller's read-modify-write loop
                    Gateway read = gateways.find("gw-busy").orElseThrow();
                    List<String> hosts = new ArrayList<>(read.loginUrlHosts());
                    hosts.add(host);
                    if (gateways.update(read, read.toBuilder().loginUrlHosts(hosts).build()).isPresent()) break;
                }
            }
            return null;
        });
        Gateway stored = gateways.find("gw-busy").orElseThrow();
        assertEquals(editors * editsEach, stored.version());
        assertEquals(1 + editors * editsEach, stored.loginUrlHosts().size()); // the original host plus every edit's
    }

    @Test
    void touchMovesLastSeenForwardWithoutChangingTheVersion() {
        gateways.create(mikrotik("gw-touch"));
        assertTrue(gateways.touch("gw-touch", T0.plusSeconds(300)));
        assertFalse(gateways.touch("gw-touch", T0.plusSeconds(200)));
        Gateway stored = gateways.find("gw-touch").orElseThrow();
        assertEquals(T0.plusSeconds(300), stored.lastSeenAt());
        assertEquals(0, stored.version());
    }

    @Test
    void touchOrCountingForAnUnknownGatewayCreatesNothing() {
        assertFalse(gateways.touch("gw-ghost", T0));
        assertEquals(OptionalLong.empty(), gateways.nextOutboxSeq("gw-ghost"));
        assertEquals(Optional.empty(), gateways.find("gw-ghost"));
    }

    @Test
    void outboxSequenceStartsAtOneAndCountsUp() {
        gateways.create(mikrotik("gw-seq"));
        assertEquals(OptionalLong.of(1), gateways.nextOutboxSeq("gw-seq"));
        assertEquals(OptionalLong.of(2), gateways.nextOutboxSeq("gw-seq"));
        assertEquals(2, gateways.find("gw-seq").orElseThrow().outboxSeq());
    }

    @Test
    void sixteenThreadsCountingFiftyTimesEachGetEightHundredConsecutiveSeqs() throws Exception {
        gateways.create(mikrotik("gw-counter"));
        List<List<Long>> seqs = BarrierRace.race(16, i -> () -> LongStream.range(0, 50)
                .map(n -> gateways.nextOutboxSeq("gw-counter").orElseThrow()).boxed().toList());
        List<Long> all = seqs.stream().flatMap(List::stream).sorted().toList();
        assertEquals(LongStream.rangeClosed(1, 800).boxed().toList(), all); // distinct and without gaps
        assertEquals(800, gateways.find("gw-counter").orElseThrow().outboxSeq());
    }
}
