package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.Accounting;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.LastCommand;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbSessionStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00.250Z");
    private static final AtomicInteger DEVICES = new AtomicInteger();
    private final DynamoDbSessionStore store;
    private final DynamoDbClient client;
    private final String tableName;

    DynamoDbSessionStoreTest(TestTables tables) {
        client = tables.client();
        tableName = tables.name("SessionsTable");
        store = new DynamoDbSessionStore(client, tableName);
    }

    // ---- round trips and stored forms

    @Test
    void onlineSessionReadsBackWithEveryField() {
        DeviceKey device = newDevice("gw-nairobi-01");
        var accounting = new Accounting("9f1c2d3e-1", "81500003", "10.5.50.23", "10.5.50.1", "hs-nairobi",
                NOW.plusSeconds(5), NOW.plusSeconds(305), 1_234_567, 98_765_432_100L, 2, 5);
        var command = new LastCommand("0f6c-1", "update", "payment", "ack", null, NOW.plusSeconds(3));
        var session = new Session(device, "9f1c2d3e-1", "HS7K2M9Q4B", "e5627b63Ab0dd80b119c", new Phone("254712345678"),
                "basic", "Basic hour", 5, 2, NOW, NOW.plusSeconds(3600), SessionStatus.ACTIVE, null, null, 1,
                Map.of("tx-1", 3600L), GatewayState.ONLINE, NOW.plusSeconds(400), accounting, command, "tx-1");
        assertTrue(store.write(Optional.empty(), session, "tx-1"));
        assertEquals(Optional.of(session), store.find(device));
        assertEquals("tx-1", rawItem(device).get("startedByGrant").s());
    }

    @Test
    void endedVoucherSessionWithoutPhoneOrAccountingReadsBack() {
        DeviceKey device = newDevice("gw-mombasa-02");
        var first = session(device, "VCH1", 600, NOW);
        store.write(Optional.empty(), first, "VCH1");
        var ended = first.ended(NOW.plusSeconds(60), "terminate");
        assertTrue(store.update(first, ended));
        var commanded = ended.withLastCommand(
                new LastCommand("0f6c-2", "disconnect", "terminate", "nak", "Session-Context-Not-Found", NOW.plusSeconds(61)));
        assertTrue(store.update(ended, commanded));

        Session read = store.find(device).orElseThrow();
        assertEquals(commanded, read);
        assertNull(read.phone());
        assertNull(read.accounting());
        assertEquals(SessionStatus.ENDED, read.status());
        assertEquals(Instant.parse("2026-11-25T09:01:00Z"), read.expiresAt(), "terminate leaves no time: expiresAt = now, in whole seconds");
        assertEquals(NOW.plusSeconds(60), read.endedAt());
    }

    @Test
    void storedItemUsesEpochSecondsAndTheDocumentedSpellings() {
        DeviceKey device = newDevice("gw-nairobi-01");
        var session = new Session(device, "s-forms", "ACFORMS", "Secret0123456789abcd", null, "basic", "Basic", 5, 5, NOW,
                NOW.plusSeconds(3600), SessionStatus.ACTIVE, null, null, 1, Map.of("tx-forms", 3600L),
                GatewayState.AWAITING_LOGIN, null, null, new LastCommand("c-1", "authorize", "payment", null, null, NOW));
        store.write(Optional.empty(), session, "tx-forms");
        Map<String, AttributeValue> item = rawItem(device);
        long expires = NOW.plusSeconds(3600).getEpochSecond();
        assertEquals(Long.toString(expires), item.get("expiresAt").n());
        assertEquals(Long.toString(expires + Duration.ofDays(30).toSeconds()), item.get("ttl").n());
        assertEquals("awaiting-login", item.get("gatewayState").s());
        assertEquals("active", item.get("status").s());
        assertEquals("2026-11-25T09:00:00.250Z", item.get("startedAt").s());
        assertEquals(device.gatewayId(), item.get("gatewayId").s());
        assertEquals(device.mac().value(), item.get("mac").s());
        assertEquals("3600", item.get("appliedGrants").m().get("tx-forms").n());
        assertEquals("authorize", item.get("lastCommand").m().get("type").s());
        assertFalse(item.get("lastCommand").m().containsKey("result"), "an unknown result is left out, not stored as NULL");
        assertFalse(item.containsKey("onlineShard"), "only an online session is in the expiry-index");
        assertFalse(item.containsKey("bytesOut"));
        assertFalse(item.containsKey("phone"), "a voucher user without a phone stays out of the phone-index");
        assertEquals(Optional.of(session), store.find(device));
    }

    // ---- write: the grant's apply step

    @Test
    void firstSessionIsCreatedOnlyWhenTheDeviceHasNone() {
        DeviceKey device = newDevice("gw-nairobi-01");
        var first = session(device, "tx-a", 600, NOW);
        assertTrue(store.write(Optional.empty(), first, "tx-a"));
        assertFalse(store.write(Optional.empty(), session(device, "tx-b", 900, NOW), "tx-b"));
        assertEquals(Optional.of(first), store.find(device));
    }

    @Test
    void writeOverAStaleVersionChangesNothing() {
        DeviceKey device = newDevice("gw-nairobi-01");
        var v1 = session(device, "tx-a", 600, NOW);
        store.write(Optional.empty(), v1, "tx-a");
        var v2 = v1.withGrant("tx-b", 300);
        assertTrue(store.write(Optional.of(v1), v2, "tx-b"));
        assertFalse(store.write(Optional.of(v1), v1.withGrant("tx-c", 900), "tx-c"), "v1 is no longer what is stored");
        assertEquals(Optional.of(v2), store.find(device));
    }

    @Test
    void grantAlreadyAppliedIsNotAppliedAgainEvenOverTheCurrentVersion() {
        DeviceKey device = newDevice("gw-nairobi-01");
        var v1 = session(device, "tx-a", 600, NOW);
        store.write(Optional.empty(), v1, "tx-a");
        var sameGrantAgain = new Session(device, v1.sessionId(), v1.accessCode(), v1.radiusSecret(), v1.phone(), v1.packageId(),
                v1.packageName(), 5, 5, v1.startedAt(), v1.expiresAt().plusSeconds(600), SessionStatus.ACTIVE, null, null, 2,
                v1.appliedGrants(), null, null, null, null);
        assertFalse(store.write(Optional.of(v1), sameGrantAgain, "tx-a"));
        assertEquals(Optional.of(v1), store.find(device));
    }

    @Test
    void writeRefusesAVersionThatIsNotTheNextOneOrAMissingGrant() {
        DeviceKey device = newDevice("gw-nairobi-01");
        var v1 = session(device, "tx-a", 600, NOW);
        assertThrows(IllegalArgumentException.class, () -> store.write(Optional.empty(), v1.withGrant("tx-b", 5), "tx-b"));
        store.write(Optional.empty(), v1, "tx-a");
        assertThrows(IllegalArgumentException.class, () -> store.write(Optional.of(v1), v1.withGrant("tx-b", 5), "tx-c"));
        assertThrows(IllegalArgumentException.class, () -> store.write(Optional.of(v1), v1.withGrant("tx-b", 5).withGatewayState(null), "tx-b"));
        assertEquals(Optional.of(v1), store.find(device));
    }

    @Test
    void sixteenDifferentGrantsRacingForOneDeviceEndAsOneSessionWithEveryDuration() throws Exception {
        for (int round = 0; round < 5; round++) {
            DeviceKey device = newDevice("gw-race");
            List<Integer> attempts = BarrierRace.race(16, i -> () -> applyUntilWritten(device, "tx-" + i, 60L * (i + 1)));
            Session session = store.find(device).orElseThrow();
            long sum = IntStream.range(0, 16).mapToLong(i -> 60L * (i + 1)).sum();
            assertEquals(16, session.appliedGrants().size(), "round " + round);
            assertEquals(NOW.plusSeconds(sum).getEpochSecond(), session.expiresAt().getEpochSecond(), "round " + round);
            assertEquals(16, session.version(), "one version per grant, the first creating it; round " + round);
            assertTrue(attempts.stream().mapToInt(Integer::intValue).sum() > 16, "the writers really collided; round " + round);
        }
    }

    @Test
    void sixteenGrantsRacingToExtendAnExistingSessionAreAllApplied() throws Exception {
        DeviceKey device = newDevice("gw-race");
        store.write(Optional.empty(), session(device, "tx-first", 600, NOW), "tx-first");
        BarrierRace.race(16, i -> () -> applyUntilWritten(device, "tx-" + i, 100));
        Session session = store.find(device).orElseThrow();
        assertEquals(17, session.version());
        assertEquals(17, session.appliedGrants().size());
        assertEquals(NOW.plusSeconds(600 + 16 * 100).getEpochSecond(), session.expiresAt().getEpochSecond());
    }

    @Test
    void oneGrantRacedBySixteenCallersIsAppliedExactlyOnceInEachOfTwentyRounds() throws Exception {
        for (int round = 0; round < 20; round++) {
            DeviceKey device = newDevice("gw-race");
            Session existing = session(device, "tx-old", 600, NOW);
            store.write(Optional.empty(), existing, "tx-old");
            BarrierRace.race(16, i -> () -> applyUntilWritten(device, "tx-same", 3600));
            Session session = store.find(device).orElseThrow();
            assertEquals(Map.of("tx-old", 600L, "tx-same", 3600L), session.appliedGrants(), "round " + round);
            assertEquals(existing.expiresAt().plusSeconds(3600), session.expiresAt(), "round " + round);
            assertEquals(2, session.version(), "round " + round);
        }
    }

    @Test
    void racingFirstSessionsHaveExactlyOneCreatorInEachOfTwentyRounds() throws Exception {
        for (int round = 0; round < 20; round++) {
            DeviceKey device = newDevice("gw-race");
            List<Boolean> created = BarrierRace.race(16, i -> () -> store.write(Optional.empty(), session(device, "tx-" + i, 600, NOW), "tx-" + i));
            assertEquals(1, Collections.frequency(created, true), "round " + round);
            String winner = "tx-" + created.indexOf(true);
            assertEquals(Map.of(winner, 600L), store.find(device).orElseThrow().appliedGrants(), "round " + round);
        }
    }

    /** The grant's apply step (DESIGN §4, step 2) as GrantService will run it; returns the attempts it took. */
    private int applyUntilWritten(DeviceKey device, String grantId, long seconds) {
        for (int attempt = 1; attempt <= 1000; attempt++) {
            Optional<Session> read = store.find(device);
            if (read.isPresent() && read.get().appliedGrants().containsKey(grantId)) return attempt; // someone applied it
            Session next = read.map(s -> s.withGrant(grantId, seconds)).orElseGet(() -> session(device, grantId, seconds, NOW));
            if (store.write(read, next, grantId)) return attempt;
        }
        return fail("grant " + grantId + " was never written");
    }

    // ---- update: optimistic version for everything else

    @Test
    void updateWinsOverTheVersionReadAndLosesOverAStaleOne() {
        DeviceKey device = newDevice("gw-nairobi-01");
        var v1 = session(device, "tx-a", 600, NOW);
        store.write(Optional.empty(), v1, "tx-a");
        var online = v1.withGatewayState(GatewayState.ONLINE);
        assertTrue(store.update(v1, online));
        assertFalse(store.update(v1, v1.withLoggedOutAt(NOW)), "v1 is stale");
        assertEquals(Optional.of(online), store.find(device));
    }

    @Test
    void updateCannotAddAGrant() {
        DeviceKey device = newDevice("gw-nairobi-01");
        var v1 = session(device, "tx-a", 600, NOW);
        store.write(Optional.empty(), v1, "tx-a");
        assertThrows(IllegalArgumentException.class, () -> store.update(v1, v1.withGrant("tx-b", 600)));
        assertEquals(Optional.of(v1), store.find(device));
    }

    @Test
    void sixteenRacingAccountingUpdatesWithRetriesLoseNone() throws Exception {
        DeviceKey device = newDevice("gw-race");
        store.write(Optional.empty(), session(device, "tx-a", 600, NOW), "tx-a");
        BarrierRace.race(16, i -> () -> {
            for (int attempt = 0; attempt < 1000; attempt++) {
                Session read = store.find(device).orElseThrow();
                long bytes = read.accounting() == null ? 0 : read.accounting().bytesOut();
                var reported = new Accounting("u", "a", null, null, null, null, NOW, 0, bytes + 1);
                if (store.update(read, read.withAccounting(reported, GatewayState.ONLINE))) return attempt;
            }
            return fail("update never won");
        });
        Session session = store.find(device).orElseThrow();
        assertEquals(17, session.version());
        assertEquals(16, session.accounting().bytesOut());
    }

    // ---- indexes

    @Test
    void gatewayListPagesThroughLatestExpiryFirst() {
        String gateway = "gw-list-" + DEVICES.incrementAndGet();
        List<DeviceKey> devices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            DeviceKey device = newDevice(gateway);
            store.write(Optional.empty(), session(device, "tx-" + i, 600L * (i + 1), NOW), "tx-" + i);
            devices.add(device);
        }
        store.write(Optional.empty(), session(newDevice("gw-other"), "tx-x", 60, NOW), "tx-x");

        List<DeviceKey> seen = new ArrayList<>();
        Page<Session> page = store.byGateway(gateway, 2, null);
        int pages = 1;
        page.items().forEach(s -> seen.add(s.deviceKey()));
        while (page.hasMore()) {
            page = store.byGateway(gateway, 2, page.nextCursor());
            page.items().forEach(s -> seen.add(s.deviceKey()));
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(devices.reversed(), seen);
    }

    @Test
    void countUnexpiredCountsOnlyTheGatewaysSessionsWithTimeLeft() {
        String gateway = "gw-count-" + DEVICES.incrementAndGet();
        for (int i = 0; i < 3; i++) store.write(Optional.empty(), session(newDevice(gateway), "tx-c" + i, 600L * (i + 1), NOW), "tx-c" + i);
        DeviceKey ending = newDevice(gateway);
        Session first = session(ending, "tx-e", 3600, NOW);
        store.write(Optional.empty(), first, "tx-e");
        store.write(Optional.empty(), session(newDevice("gw-count-other"), "tx-o", 3600, NOW), "tx-o");
        assertEquals(4, store.countUnexpired(gateway, NOW.plusSeconds(1)));
        assertEquals(3, store.countUnexpired(gateway, NOW.plusSeconds(700)), "the 10-minute one ran out");
        assertTrue(store.update(first, first.ended(NOW.plusSeconds(5), "terminate")));
        assertEquals(2, store.countUnexpired(gateway, NOW.plusSeconds(700)), "an ended session is not counted");
        assertEquals(0, store.countUnexpired("gw-nobody", NOW));
    }

    @Test
    void phoneListHoldsOnlySessionsWithThatPhoneMostRecentFirst() {
        Phone phone = new Phone("254799" + String.format("%06d", DEVICES.incrementAndGet()));
        DeviceKey older = newDevice("gw-nairobi-01"), newer = newDevice("gw-nairobi-01"), voucher = newDevice("gw-nairobi-01");
        store.write(Optional.empty(), withPhone(session(older, "tx-1", 60, NOW), phone), "tx-1");
        store.write(Optional.empty(), withPhone(session(newer, "tx-2", 60, NOW.plusSeconds(10)), phone), "tx-2");
        store.write(Optional.empty(), session(voucher, "VCH2", 60, NOW), "VCH2");
        assertEquals(List.of(newer, older), store.byPhone(phone, 10, null).items().stream().map(Session::deviceKey).toList());
        assertNull(store.find(voucher).orElseThrow().phone());
    }

    @Test
    void expiryIndexHoldsOnlyOnlineSessionsExpiringBeforeTheCutoffSoonestFirst() {
        Instant era = Instant.parse("2001-01-01T00:00:00Z"); // far from every other test's expiries
        Map<DeviceKey, Session> online = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            DeviceKey device = newDevice("gw-expiry");
            var s = session(device, "tx-" + i, 60L * (i + 1), era);
            store.write(Optional.empty(), s, "tx-" + i);
            var on = s.withGatewayState(GatewayState.ONLINE);
            store.update(s, on);
            online.put(device, on);
        }
        DeviceKey offline = newDevice("gw-expiry");
        store.write(Optional.empty(), session(offline, "tx-off", 30, era), "tx-off"); // never reported online
        // One goes offline again: it must leave the index.
        Session leaving = online.values().iterator().next();
        store.update(leaving, leaving.withGatewayState(GatewayState.OFFLINE));
        Instant cutoff = era.plusSeconds(60 * 6);

        List<DeviceKey> listed = new ArrayList<>();
        for (int shard = 0; shard < Session.SHARDS; shard++) {
            List<Session> page = store.onlineExpiringBefore(shard, cutoff, 100);
            assertEquals(page.stream().map(Session::expiresAt).sorted().toList(), page.stream().map(Session::expiresAt).toList());
            int s = shard;
            assertTrue(page.stream().allMatch(x -> x.shard() == s && x.gatewayState() == GatewayState.ONLINE));
            page.forEach(x -> listed.add(x.deviceKey()));
        }
        var expected = online.values().stream().filter(s -> s.expiresAt().isBefore(cutoff) && !s.deviceKey().equals(leaving.deviceKey()))
                .map(Session::deviceKey).collect(Collectors.toSet());
        assertEquals(expected, Set.copyOf(listed));
        assertEquals(listed.size(), expected.size());
        assertFalse(listed.contains(offline));
    }

    @Test
    void forgedOrGarbageCursorIsAnInvalidField() {
        String gateway = "gw-cursor-" + DEVICES.incrementAndGet();
        for (int i = 0; i < 3; i++) store.write(Optional.empty(), session(newDevice(gateway), "tx-" + i, 60L + i, NOW), "tx-" + i);
        String good = store.byGateway(gateway, 1, null).nextCursor();
        assertEquals(1, store.byGateway(gateway, 1, good).items().size());
        assertInvalidCursor(() -> store.byGateway("gw-someone-else", 1, good));
        assertInvalidCursor(() -> store.byGateway(gateway, 1, "%%%"));
        assertInvalidCursor(() -> store.byGateway(gateway, 1, Base64.getUrlEncoder().encodeToString(
                ("{\"gatewayId\":{\"S\":\"" + gateway + "\"},\"expiresAt\":{\"S\":\"soon\"},\"deviceKey\":{\"S\":\"x\"}}").getBytes(StandardCharsets.UTF_8))));
        var e = assertThrows(ApiException.class, () -> store.byGateway(gateway, 101, null));
        assertEquals(Optional.of("limit"), e.field());
    }

    // ---- fixtures

    private static void assertInvalidCursor(org.junit.jupiter.api.function.Executable list) {
        var e = assertThrows(ApiException.class, list);
        assertEquals(400, e.status());
        assertEquals(Optional.of("cursor"), e.field());
    }

    private Map<String, AttributeValue> rawItem(DeviceKey device) {
        return client.getItem(r -> r.tableName(tableName).key(Map.of("deviceKey", AttributeValue.fromS(device.value()))).consistentRead(true)).item();
    }

    private static DeviceKey newDevice(String gatewayId) {
        int n = DEVICES.incrementAndGet();
        byte[] mac = {0x02, 0x11, 0x22, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        return new DeviceKey(gatewayId, new Mac(HexFormat.ofDelimiter(":").withUpperCase().formatHex(mac)));
    }

    /** Returns a first session (version 1) created by one grant. */
    private static Session session(DeviceKey device, String grantId, long seconds, Instant startedAt) {
        return new Session(device, "s-" + device.mac().value().replace(":", ""), "AC" + grantId.replaceAll("[^A-Za-z0-9]", "").toUpperCase(),
                "Secret0123456789abcd", null, "basic", "Basic", 5, 5, startedAt, startedAt.plusSeconds(seconds),
                SessionStatus.ACTIVE, null, null, 1, Map.of(grantId, seconds), null, null, null, null);
    }

    private static Session withPhone(Session s, Phone phone) {
        return new Session(s.deviceKey(), s.sessionId(), s.accessCode(), s.radiusSecret(), phone, s.packageId(), s.packageName(),
                s.downloadMbps(), s.uploadMbps(), s.startedAt(), s.expiresAt(), s.status(), s.endedAt(), s.endReason(),
                s.version(), s.appliedGrants(), s.gatewayState(), s.loggedOutAt(), s.accounting(), s.lastCommand());
    }
}
