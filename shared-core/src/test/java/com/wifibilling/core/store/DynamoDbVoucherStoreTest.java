package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Page;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.voucher.Redemption;
import com.wifibilling.core.voucher.Voucher;
import com.wifibilling.core.voucher.VoucherKind;
import com.wifibilling.core.voucher.VoucherStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbVoucherStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant VALID_UNTIL = Instant.parse("2026-12-31T21:00:00Z");
    private static final DeviceKey DEVICE_A = device(1), DEVICE_B = device(2);
    private static final AtomicInteger CODES = new AtomicInteger(1000);
    private final DynamoDbVoucherStore store;
    private final DynamoDbClient client;
    private final String tableName;

    DynamoDbVoucherStoreTest(TestTables tables) {
        client = tables.client();
        tableName = tables.name("VouchersTable");
        store = new DynamoDbVoucherStore(client, tableName);
    }

    // ---- create, find

    @Test
    void unusedVoucherReadsBackWithEveryField() {
        var voucher = Voucher.unused(newCode(), "batch-1", "basic", 3600, VALID_UNTIL, NOW, "admin-7", Instant.parse("2027-06-30T00:00:00Z"));
        assertTrue(store.create(voucher));
        assertEquals(Optional.of(voucher), store.find(voucher.code()));
    }

    @Test
    void usedPurchaseCodeReadsBackWithEveryField() {
        var code = new Voucher(newCode(), VoucherKind.PURCHASE, VoucherStatus.USED, null, "daily", 86_400, DEVICE_A,
                "9f1c2d3e-7", NOW.plusMillis(1), null, NOW, "tx-123", null);
        assertTrue(store.create(code));
        assertEquals(Optional.of(code), store.find(code.code()));
    }

    @Test
    void storedItemCarriesStatusKeyAndEpochSecondTtl() {
        var voucher = Voucher.unused(newCode(), "batch-1", "basic", 3600, VALID_UNTIL, NOW, "admin-7", Instant.parse("2027-06-30T00:00:00Z"));
        store.create(voucher);
        Map<String, AttributeValue> item = rawItem(voucher.code());
        assertEquals("voucher#unused", item.get("statusKey").s());
        assertEquals("unused", item.get("status").s());
        assertEquals(Long.toString(Instant.parse("2027-06-30T00:00:00Z").getEpochSecond()), item.get("ttl").n());
        assertEquals("2026-12-31T21:00:00.000Z", item.get("validUntil").s());
        assertFalse(item.containsKey("deviceKey"));
    }

    @Test
    void collidingCodeIsNotOverwritten() {
        var first = unused(newCode(), "batch-1");
        assertTrue(store.create(first));
        assertFalse(store.create(Voucher.unused(first.code(), "batch-2", "daily", 60, null, NOW, "admin-9", null)));
        assertEquals(Optional.of(first), store.find(first.code()));
    }

    @Test
    void batchCreateWritesTheFreeCodesAndReturnsTheCollisions() {
        var used = unused(newCode(), "batch-old");
        store.create(used);
        store.redeem(used.code(), DEVICE_A, null, NOW);
        String batch = "batch-" + CODES.incrementAndGet();
        var fresh1 = unused(newCode(), batch);
        var fresh2 = unused(newCode(), batch);
        List<String> collided = store.createAll(List.of(fresh1, unused(used.code(), batch), fresh2));
        assertEquals(List.of(used.code()), collided);
        assertEquals(Optional.of(fresh1), store.find(fresh1.code()));
        assertEquals(Optional.of(fresh2), store.find(fresh2.code()));
        assertEquals(VoucherStatus.USED, store.find(used.code()).orElseThrow().status(), "a sold code is never overwritten by a batch");
    }

    // ---- redeem

    @Test
    void redeemBindsTheVoucherToTheDevice() {
        var voucher = created(unused(newCode(), "batch-1"));
        Redemption redemption = store.redeem(voucher.code(), DEVICE_A, "9f1c2d3e-1", NOW);
        assertEquals(Redemption.Outcome.REDEEMED, redemption.outcome());
        var used = store.find(voucher.code()).orElseThrow();
        assertEquals(redemption.current(), Optional.of(used));
        assertEquals(VoucherStatus.USED, used.status());
        assertEquals(DEVICE_A, used.deviceKey());
        assertEquals("9f1c2d3e-1", used.sessionId());
        assertEquals(NOW, used.usedAt());
        assertEquals("voucher#used", rawItem(voucher.code()).get("statusKey").s());
    }

    @Test
    void redeemWithoutASessionIdLeavesItOut() {
        var voucher = created(unused(newCode(), "batch-1"));
        assertEquals(Redemption.Outcome.REDEEMED, store.redeem(voucher.code(), DEVICE_A, null, NOW).outcome());
        assertNull(store.find(voucher.code()).orElseThrow().sessionId());
        assertFalse(rawItem(voucher.code()).containsKey("sessionId"));
    }

    @Test
    void secondRedemptionTellsTheSameDeviceFromAnotherAndChangesNothing() {
        var voucher = created(unused(newCode(), "batch-1"));
        store.redeem(voucher.code(), DEVICE_A, "s-1", NOW);
        Voucher afterFirst = store.find(voucher.code()).orElseThrow();
        var again = store.redeem(voucher.code(), DEVICE_A, "s-2", NOW.plusSeconds(5));
        assertEquals(Redemption.Outcome.ALREADY_USED_BY_SAME_DEVICE, again.outcome());
        assertEquals(Optional.of(afterFirst), again.current());
        assertEquals(Redemption.Outcome.ALREADY_USED, store.redeem(voucher.code(), DEVICE_B, "s-3", NOW.plusSeconds(9)).outcome());
        assertEquals(Optional.of(afterFirst), store.find(voucher.code()));
    }

    @Test
    void redeemAfterVoidSaysVoidAndWritesNothing() {
        var voucher = created(unused(newCode(), "batch-1"));
        assertTrue(store.voidUnused(voucher.code()));
        Map<String, AttributeValue> before = rawItem(voucher.code());
        assertEquals("voucher#void", before.get("statusKey").s());
        assertEquals(Redemption.Outcome.VOID, store.redeem(voucher.code(), DEVICE_A, null, NOW).outcome());
        assertEquals(before, rawItem(voucher.code()));
    }

    @Test
    void redeemAtOrAfterValidUntilSaysExpiredAndWritesNothing() {
        var voucher = created(Voucher.unused(newCode(), "batch-1", "basic", 3600, VALID_UNTIL, NOW, "admin-7", null));
        Map<String, AttributeValue> before = rawItem(voucher.code());
        var late = store.redeem(voucher.code(), DEVICE_A, "s-1", VALID_UNTIL.plusSeconds(1));
        assertEquals(Redemption.Outcome.EXPIRED, late.outcome());
        assertEquals(Redemption.Outcome.EXPIRED, store.redeem(voucher.code(), DEVICE_A, "s-1", VALID_UNTIL).outcome());
        assertEquals(before, rawItem(voucher.code()));
        assertEquals(Redemption.Outcome.REDEEMED, store.redeem(voucher.code(), DEVICE_A, "s-1", VALID_UNTIL.minusMillis(1)).outcome());
    }

    @Test
    void redeemOfAnUnknownCodeFindsNothingAndCreatesNothing() {
        String code = newCode();
        assertEquals(Redemption.Outcome.NOT_FOUND, store.redeem(code, DEVICE_A, null, NOW).outcome());
        assertFalse(store.voidUnused(code));
        assertEquals(Optional.empty(), store.find(code));
    }

    @Test
    void purchaseCodeOfAnotherDeviceIsAlreadyUsed() {
        var code = created(new Voucher(newCode(), VoucherKind.PURCHASE, VoucherStatus.USED, null, "basic", 3600, DEVICE_A,
                "s-1", NOW, null, NOW, "tx-1", null));
        assertEquals(Redemption.Outcome.ALREADY_USED, store.redeem(code.code(), DEVICE_B, null, NOW).outcome());
        assertEquals(Redemption.Outcome.ALREADY_USED_BY_SAME_DEVICE, store.redeem(code.code(), DEVICE_A, null, NOW).outcome());
        assertFalse(store.voidUnused(code.code()));
        assertEquals(Optional.of(code), store.find(code.code()));
    }

    @Test
    void onlyAnUnusedVoucherCanBeVoided() {
        var voucher = created(unused(newCode(), "batch-1"));
        assertTrue(store.voidUnused(voucher.code()));
        assertFalse(store.voidUnused(voucher.code()));
        var used = created(unused(newCode(), "batch-1"));
        store.redeem(used.code(), DEVICE_A, null, NOW);
        assertFalse(store.voidUnused(used.code()));
        assertEquals(VoucherStatus.USED, store.find(used.code()).orElseThrow().status());
    }

    @Test
    void sixteenDevicesRacingForOneVoucherHaveExactlyOneWinnerInEachOfTwentyRounds() throws Exception {
        for (int round = 0; round < 20; round++) {
            var voucher = created(unused(newCode(), "batch-race"));
            List<Redemption.Outcome> outcomes = BarrierRace.race(16, i ->
                    () -> store.redeem(voucher.code(), device(100 + i), "s-" + i, NOW).outcome());
            assertEquals(1, Collections.frequency(outcomes, Redemption.Outcome.REDEEMED), "round " + round);
            assertEquals(15, Collections.frequency(outcomes, Redemption.Outcome.ALREADY_USED), "round " + round);
            int winner = outcomes.indexOf(Redemption.Outcome.REDEEMED);
            assertEquals(device(100 + winner), store.find(voucher.code()).orElseThrow().deviceKey(), "round " + round);
        }
    }

    @Test
    void voidRacingRedeemLeavesOneOutcomeInEachOfTwentyRounds() throws Exception {
        for (int round = 0; round < 20; round++) {
            var voucher = created(unused(newCode(), "batch-race"));
            List<Boolean> won = BarrierRace.race(16, i -> () -> i % 2 == 0
                    ? store.voidUnused(voucher.code())
                    : store.redeem(voucher.code(), device(200 + i), null, NOW).outcome() == Redemption.Outcome.REDEEMED);
            assertEquals(1, Collections.frequency(won, true), "round " + round);
            var stored = store.find(voucher.code()).orElseThrow();
            assertEquals(won.indexOf(true) % 2 == 0 ? VoucherStatus.VOID : VoucherStatus.USED, stored.status(), "round " + round);
        }
    }

    // ---- lists

    @Test
    void batchListPagesThroughInCodeOrder() {
        String batch = "batch-list-" + CODES.incrementAndGet();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) codes.add(created(unused(newCode(), batch)).code());
        created(unused(newCode(), "batch-other"));

        List<String> seen = new ArrayList<>();
        Page<Voucher> page = store.byBatch(batch, 2, null);
        int pages = 1;
        page.items().forEach(v -> seen.add(v.code()));
        while (page.hasMore()) {
            page = store.byBatch(batch, 2, page.nextCursor());
            page.items().forEach(v -> seen.add(v.code()));
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(codes.stream().sorted().toList(), seen);
    }

    @Test
    void statusListHoldsOneKindInOneStatusNewestFirst() {
        Instant era = Instant.parse("2001-05-01T00:00:00Z"); // newer than nothing else this class writes
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < 3; i++) unused.add(created(Voucher.unused(newCode(), "batch-s", "basic", 60, null, era.plusSeconds(-i), "a", null)).code());
        String redeemed = created(Voucher.unused(newCode(), "batch-s", "basic", 60, null, era.plusSeconds(1), "a", null)).code();
        store.redeem(redeemed, DEVICE_A, null, NOW);

        List<String> newestUnused = allByStatus(VoucherKind.VOUCHER, VoucherStatus.UNUSED).stream()
                .filter(v -> v.createdAt().isAfter(era.minusSeconds(60)) && v.createdAt().isBefore(era.plusSeconds(60)))
                .map(Voucher::code).toList();
        assertEquals(unused, newestUnused);
        assertTrue(allByStatus(VoucherKind.VOUCHER, VoucherStatus.USED).stream().anyMatch(v -> v.code().equals(redeemed)));
        assertTrue(allByStatus(VoucherKind.VOUCHER, VoucherStatus.UNUSED).stream().noneMatch(v -> v.code().equals(redeemed)));
        assertTrue(allByStatus(VoucherKind.PURCHASE, VoucherStatus.USED).stream().noneMatch(v -> v.code().equals(redeemed)));
    }

    @Test
    void statusListPagesThroughWithCursorsNewestFirst() {
        List<String> voided = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var voucher = created(Voucher.unused(newCode(), "batch-v", "basic", 60, null, NOW.plusSeconds(i), "a", null));
            store.voidUnused(voucher.code());
            voided.add(voucher.code());
        }
        List<String> seen = new ArrayList<>();
        Page<Voucher> page = store.byStatus(VoucherKind.VOUCHER, VoucherStatus.VOID, 2, null);
        int pages = 1;
        page.items().forEach(v -> seen.add(v.code()));
        while (page.hasMore()) {
            page = store.byStatus(VoucherKind.VOUCHER, VoucherStatus.VOID, 2, page.nextCursor());
            page.items().forEach(v -> seen.add(v.code()));
            pages++;
        }
        assertTrue(pages >= 3);
        assertEquals(voided.reversed(), seen.stream().filter(voided::contains).toList());
        assertEquals(seen.stream().distinct().count(), seen.size(), "no code twice");
    }

    /** Returns every code of the kind in the status, paging as a client would. */
    private List<Voucher> allByStatus(VoucherKind kind, VoucherStatus status) {
        List<Voucher> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Voucher> page = store.byStatus(kind, status, 100, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    @Test
    void cursorOfAnotherBatchOrGarbageIsAnInvalidField() {
        String batch = "batch-c-" + CODES.incrementAndGet();
        for (int i = 0; i < 3; i++) created(unused(newCode(), batch));
        String cursor = store.byBatch(batch, 1, null).nextCursor();
        assertInvalidCursor(() -> store.byBatch("batch-other", 1, cursor));
        assertInvalidCursor(() -> store.byStatus(VoucherKind.VOUCHER, VoucherStatus.UNUSED, 1, cursor));
        assertInvalidCursor(() -> store.byBatch(batch, 1, "eyJub3QiOiJhIGN1cnNvciJ9"));
        var e = assertThrows(ApiException.class, () -> store.byBatch(batch, 0, null));
        assertEquals(Optional.of("limit"), e.field());
    }

    // ---- fixtures

    private static void assertInvalidCursor(org.junit.jupiter.api.function.Executable list) {
        var e = assertThrows(ApiException.class, list);
        assertEquals(400, e.status());
        assertEquals(Optional.of("cursor"), e.field());
    }

    private Voucher created(Voucher voucher) {
        assertTrue(store.create(voucher));
        return voucher;
    }

    private Map<String, AttributeValue> rawItem(String code) {
        return client.getItem(r -> r.tableName(tableName).key(Map.of("code", AttributeValue.fromS(code))).consistentRead(true)).item();
    }

    private static Voucher unused(String code, String batchId) {
        return Voucher.unused(code, batchId, "basic", 3600, VALID_UNTIL, NOW, "admin-7", null);
    }

    private static String newCode() {
        return "HS" + CODES.incrementAndGet() + "Q4B";
    }

    private static DeviceKey device(int n) {
        return new DeviceKey("gw-nairobi-01", Mac.parse(String.format("02:00:00:00:%02x:%02x", n >> 8, n & 0xff)));
    }
}
