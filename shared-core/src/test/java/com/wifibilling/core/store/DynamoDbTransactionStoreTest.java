package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.payment.PaymentClaim;
import com.wifibilling.core.payment.Checkout;
import com.wifibilling.core.payment.PaymentResult;
import com.wifibilling.core.payment.PaymentSource;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.payment.TransactionStatus;
import com.wifibilling.core.session.DeviceKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbTransactionStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final DeviceKey DEVICE = new DeviceKey("gw-nairobi-01", Mac.parse("aa:bb:cc:dd:ee:01"));
    private static final AtomicLong PHONES = new AtomicLong(710_000_000);
    private final DynamoDbTransactionStore store;
    private final DynamoDbClient client;
    private final String tableName;

    DynamoDbTransactionStoreTest(TestTables tables) {
        client = tables.client();
        tableName = tables.name("TransactionsTable");
        store = new DynamoDbTransactionStore(client, tableName);
    }

    // ---- create, find, recordPush

    @Test
    void pendingTransactionReadsBackWithEveryField() {
        var tx = pending(newId(), newPhone(), NOW);
        assertTrue(store.create(tx));
        assertEquals(Optional.of(tx), store.find(tx.transactionId()));
    }

    @Test
    void checkoutsReadBackWithAndWithoutALoginAddress() {
        var mikrotik = Transaction.pending(newId(), newPhone(), "basic", Money.kes(50), 3600, DEVICE, "hash-of-token", "en", NOW,
                new Checkout("AB12CD34EF", "10.5.50.23", "http://10.5.50.1/login", "http://example.com/", "f9", "ef0dd80b119c65a5c3ab62a65b7dfdce"));
        // A UniFi purchase has no login address (the controller lets the device in): its checkout must still come back.
        var unifi = Transaction.pending(newId(), newPhone(), "basic", Money.kes(50), 3600, DEVICE, "hash-of-token", "en", NOW,
                new Checkout("ZX98YW76VU", "192.168.1.23", null, null, null, null));
        for (Transaction tx : List.of(mikrotik, unifi)) {
            assertTrue(store.create(tx));
            assertEquals(Optional.of(tx), store.find(tx.transactionId()));
        }
    }

    @Test
    void completedTransactionReadsBackWithEveryField() {
        Phone phone = newPhone();
        var tx = pending(newId(), phone, NOW);
        store.create(tx);
        assertTrue(store.recordPush(tx.transactionId(), "ws_CO_" + tx.transactionId(), "92643-1"));
        Instant paidAt = NOW.plusMillis(61_234);
        store.claim(tx.transactionId(), new PaymentResult("0", "The service request is processed successfully.", "TKP4QX9Z1B", PaymentSource.CALLBACK, paidAt));

        var expected = new Transaction(tx.transactionId(), "ws_CO_" + tx.transactionId(), "92643-1", phone, "basic",
                Money.kes(50), 3600, DEVICE, TransactionStatus.COMPLETED, "0", "The service request is processed successfully.",
                "TKP4QX9Z1B", PaymentSource.CALLBACK, "hash-of-token", "sw", NOW, paidAt, tx.transactionId(), paidAt, false);
        assertEquals(Optional.of(expected), store.find(tx.transactionId()));
        assertTrue(store.confirm(tx.transactionId()));
        assertTrue(store.find(tx.transactionId()).orElseThrow().grantConfirmed());
    }

    @Test
    void storedItemCarriesTheIndexAttributesInTheirDocumentedForms() {
        var tx = pending(newId(), newPhone(), Instant.parse("2026-11-24T21:30:00Z")); // 00:30 on the 25th in Nairobi
        store.create(tx);
        Map<String, AttributeValue> item = rawItem(tx.transactionId());
        assertEquals("2026-11-25", item.get("day").s());
        assertEquals("2026-11-24T21:30:00.000Z", item.get("createdAt").s());
        assertEquals("p" + tx.shard(), item.get("pendingShard").s());
        assertEquals("pending", item.get("status").s());
        assertEquals("50", item.get("amount").n());
        assertEquals("gw-nairobi-01#AA:BB:CC:DD:EE:01", item.get("deviceKey").s());
        assertFalse(item.containsKey("grantShard"));
    }

    @Test
    void secondCreateWithTheSameIdChangesNothing() {
        var tx = pending(newId(), newPhone(), NOW);
        assertTrue(store.create(tx));
        var other = pending(tx.transactionId(), newPhone(), NOW.plusSeconds(5));
        assertFalse(store.create(other));
        assertEquals(Optional.of(tx), store.find(tx.transactionId()));
    }

    @Test
    void pushIdsAreRecordedOnlyOnceAndOnlyWhilePending() {
        var tx = created(pending(newId(), newPhone(), NOW));
        String id = tx.transactionId();
        assertTrue(store.recordPush(id, "ws_CO_1" + id, "m-1"));
        assertTrue(store.recordPush(id, "ws_CO_1" + id, "m-1"), "the same ids again are a harmless repeat");
        assertFalse(store.recordPush(id, "ws_CO_2" + id, "m-2"), "other ids would orphan the first push");
        assertEquals("ws_CO_1" + id, store.find(id).orElseThrow().checkoutRequestId());

        var closed = created(pending(newId(), newPhone(), NOW));
        store.close(closed.transactionId(), TransactionStatus.FAILED, failure(PaymentSource.INLINE_POLL));
        assertFalse(store.recordPush(closed.transactionId(), "ws_CO_3" + id, "m-3"));
        assertNull(store.find(closed.transactionId()).orElseThrow().checkoutRequestId());
        assertFalse(store.recordPush("no-such-" + id, "ws_CO_4" + id, "m-4"));
        assertEquals(Optional.empty(), store.find("no-such-" + id));
    }

    @Test
    void checkoutRequestIdFindsTheTransactionInItsCurrentState() {
        var tx = created(pending(newId(), newPhone(), NOW));
        store.recordPush(tx.transactionId(), "ws_CO_find" + tx.transactionId(), "m");
        store.claim(tx.transactionId(), success("RCPT000001", PaymentSource.SWEEPER));
        var found = store.findByCheckoutRequestId("ws_CO_find" + tx.transactionId()).orElseThrow();
        assertEquals(tx.transactionId(), found.transactionId());
        assertEquals(TransactionStatus.COMPLETED, found.status());
        assertEquals(Optional.empty(), store.findByCheckoutRequestId("ws_CO_unknown"));
    }

    // ---- claim, close, confirm

    @Test
    void claimCompletesThePendingPaymentAndRecordsItsGrant() {
        var tx = created(pending(newId(), newPhone(), NOW));
        PaymentClaim claim = store.claim(tx.transactionId(), success("RCPT000002", PaymentSource.CALLBACK));
        assertEquals(PaymentClaim.Outcome.CLAIMED, claim.outcome());
        Transaction claimed = claim.current().orElseThrow();
        assertEquals(TransactionStatus.COMPLETED, claimed.status());
        assertEquals(tx.transactionId(), claimed.grantId());
        assertTrue(claimed.grantUnconfirmed());
        Map<String, AttributeValue> item = rawItem(tx.transactionId());
        assertFalse(item.containsKey("pendingShard"));
        assertEquals("g" + tx.shard(), item.get("grantShard").s());
    }

    @Test
    void claimAfterAnotherClaimSaysUnconfirmedThenConfirmed() {
        var tx = created(pending(newId(), newPhone(), NOW));
        store.claim(tx.transactionId(), success("RCPT000003", PaymentSource.CALLBACK));
        var second = store.claim(tx.transactionId(), success(null, PaymentSource.MANUAL_QUERY));
        assertEquals(PaymentClaim.Outcome.ALREADY_CLAIMED_UNCONFIRMED, second.outcome());
        assertTrue(second.grantToFinish());
        assertEquals("RCPT000003", second.current().orElseThrow().receipt(), "the loser changed nothing");
        assertEquals(PaymentSource.CALLBACK, second.current().orElseThrow().source());

        assertTrue(store.confirm(tx.transactionId()));
        var third = store.claim(tx.transactionId(), success(null, PaymentSource.SWEEPER));
        assertEquals(PaymentClaim.Outcome.ALREADY_CONFIRMED, third.outcome());
        assertFalse(third.grantToFinish());
    }

    @Test
    void claimOfAClosedPaymentSaysNotPendingWithItsStatus() {
        var tx = created(pending(newId(), newPhone(), NOW));
        assertTrue(store.close(tx.transactionId(), TransactionStatus.CANCELLED, new PaymentResult("1032", "Request cancelled by user", null, PaymentSource.CALLBACK, NOW)));
        var claim = store.claim(tx.transactionId(), success("RCPT000004", PaymentSource.SWEEPER));
        assertEquals(PaymentClaim.Outcome.NOT_PENDING, claim.outcome());
        assertEquals(TransactionStatus.CANCELLED, claim.current().orElseThrow().status());
        assertNull(store.find(tx.transactionId()).orElseThrow().receipt());
    }

    @Test
    void lateClaimCompletesAClosedPaymentOnceFromTheStatusItWasRead() {
        var tx = created(pending(newId(), newPhone(), NOW));
        assertTrue(store.close(tx.transactionId(), TransactionStatus.EXPIRED, new PaymentResult(null, "No result from M-Pesa", null, PaymentSource.SWEEPER, NOW)));
        assertEquals(PaymentClaim.Outcome.NOT_PENDING,
                store.claimLate(tx.transactionId(), TransactionStatus.CANCELLED, success("RCPT000014", PaymentSource.CALLBACK)).outcome(),
                "the condition is the status read, not any closed one");

        var claim = store.claimLate(tx.transactionId(), TransactionStatus.EXPIRED, success("RCPT000015", PaymentSource.CALLBACK));
        var again = store.claimLate(tx.transactionId(), TransactionStatus.EXPIRED, success("RCPT000015", PaymentSource.CALLBACK));

        assertEquals(List.of(PaymentClaim.Outcome.CLAIMED, PaymentClaim.Outcome.ALREADY_CLAIMED_UNCONFIRMED), List.of(claim.outcome(), again.outcome()));
        var completed = claim.current().orElseThrow();
        assertEquals(List.of(TransactionStatus.COMPLETED, "RCPT000015", "0"), List.of(completed.status(), completed.receipt(), completed.resultCode()));
        assertTrue(completed.grantUnconfirmed());
        var item = rawItem(tx.transactionId());
        assertEquals(List.of(true, "expired"), List.of(item.get("late").bool(), item.get("previousStatus").s()));
        assertEquals(List.of(true, TransactionStatus.EXPIRED), List.of(completed.late(), completed.previousStatus()), "read back for the admin");
        var found = store.find(tx.transactionId()).orElseThrow();
        assertEquals(List.of(true, TransactionStatus.EXPIRED), List.of(found.late(), found.previousStatus()));
        assertThrows(IllegalArgumentException.class,
                () -> store.claimLate(tx.transactionId(), TransactionStatus.PENDING, success("RCPT000016", PaymentSource.CALLBACK)));
    }

    @Test
    void receiptIsRecordedOnceOnACompletedPaymentThatHasNone() {
        var pendingTx = created(pending(newId(), newPhone(), NOW));
        assertFalse(store.recordReceipt(pendingTx.transactionId(), "RCPT000017"), "not while pending");
        var tx = created(pending(newId(), newPhone(), NOW));
        store.claim(tx.transactionId(), success(null, PaymentSource.INLINE_POLL));

        assertTrue(store.recordReceipt(tx.transactionId(), "RCPT000018"));
        assertFalse(store.recordReceipt(tx.transactionId(), "RCPT000019"));

        assertEquals("RCPT000018", store.find(tx.transactionId()).orElseThrow().receipt());
        assertNull(store.find(pendingTx.transactionId()).orElseThrow().receipt());
    }

    @Test
    void claimOfAnUnknownTransactionFindsNothingAndCreatesNothing() {
        String id = newId();
        var claim = store.claim(id, success("RCPT000005", PaymentSource.CALLBACK));
        assertEquals(PaymentClaim.Outcome.NOT_FOUND, claim.outcome());
        assertEquals(Optional.empty(), store.find(id));
        assertFalse(store.confirm(id));
        assertEquals(Optional.empty(), store.find(id));
    }

    @Test
    void closeRecordsTheResultOnceAndOnlyWhilePending() {
        var tx = created(pending(newId(), newPhone(), NOW));
        var expiredAt = NOW.plusSeconds(600);
        assertTrue(store.close(tx.transactionId(), TransactionStatus.EXPIRED, new PaymentResult(null, "No result from M-Pesa", null, PaymentSource.SWEEPER, expiredAt)));
        assertFalse(store.close(tx.transactionId(), TransactionStatus.CANCELLED, new PaymentResult("1032", "late", null, PaymentSource.CALLBACK, NOW)));
        var closed = store.find(tx.transactionId()).orElseThrow();
        assertEquals(TransactionStatus.EXPIRED, closed.status());
        assertNull(closed.resultCode());
        assertEquals("No result from M-Pesa", closed.resultDesc());
        assertEquals(expiredAt, closed.completedAt());
        assertFalse(rawItem(tx.transactionId()).containsKey("pendingShard"));

        var completed = created(pending(newId(), newPhone(), NOW));
        store.claim(completed.transactionId(), success("RCPT000006", PaymentSource.CALLBACK));
        assertFalse(store.close(completed.transactionId(), TransactionStatus.FAILED, failure(PaymentSource.CALLBACK)));
        assertEquals(TransactionStatus.COMPLETED, store.find(completed.transactionId()).orElseThrow().status());
    }

    @Test
    void closeRefusesToSetAStatusThatGrants() {
        var tx = created(pending(newId(), newPhone(), NOW));
        assertThrows(IllegalArgumentException.class,
                () -> store.close(tx.transactionId(), TransactionStatus.COMPLETED, failure(PaymentSource.SWEEPER)));
        assertEquals(TransactionStatus.PENDING, store.find(tx.transactionId()).orElseThrow().status());
    }

    @Test
    void confirmSucceedsOnceAndNeverForAnUnclaimedPayment() {
        var unclaimed = created(pending(newId(), newPhone(), NOW));
        assertFalse(store.confirm(unclaimed.transactionId()));
        var tx = created(pending(newId(), newPhone(), NOW));
        store.claim(tx.transactionId(), success("RCPT000007", PaymentSource.CALLBACK));
        assertTrue(store.confirm(tx.transactionId()));
        assertFalse(store.confirm(tx.transactionId()));
    }

    // ---- races

    @Test
    void sixteenRacingClaimsHaveExactlyOneWinnerInEachOfTwentyRounds() throws Exception {
        PaymentSource[] sources = PaymentSource.values();
        for (int round = 0; round < 20; round++) {
            var tx = created(pending(newId(), newPhone(), NOW));
            List<PaymentClaim> claims = BarrierRace.race(16, i -> () ->
                    store.claim(tx.transactionId(), success(i == 0 ? "RCPT000008" : null, sources[i % sources.length])));
            long winners = claims.stream().filter(c -> c.outcome() == PaymentClaim.Outcome.CLAIMED).count();
            long unconfirmed = claims.stream().filter(c -> c.outcome() == PaymentClaim.Outcome.ALREADY_CLAIMED_UNCONFIRMED).count();
            assertEquals(1, winners, "round " + round);
            assertEquals(15, unconfirmed, "round " + round);
            PaymentClaim winner = claims.stream().filter(c -> c.outcome() == PaymentClaim.Outcome.CLAIMED).findFirst().orElseThrow();
            assertEquals(winner.current(), store.find(tx.transactionId()), "the stored result is the winner's");
        }
    }

    @Test
    void sixteenRacingConfirmsHaveExactlyOneConfirmerInEachOfTwentyRounds() throws Exception {
        for (int round = 0; round < 20; round++) {
            var tx = created(pending(newId(), newPhone(), NOW));
            store.claim(tx.transactionId(), success("RCPT000009", PaymentSource.CALLBACK));
            List<Boolean> confirms = BarrierRace.race(16, i -> () -> store.confirm(tx.transactionId()));
            assertEquals(1, Collections.frequency(confirms, true), "round " + round);
        }
    }

    @Test
    void claimRacingCloseLeavesOneFinalStatusInEachOfTwentyRounds() throws Exception {
        for (int round = 0; round < 20; round++) {
            var tx = created(pending(newId(), newPhone(), NOW));
            List<Boolean> wins = BarrierRace.race(16, i -> () -> i % 2 == 0
                    ? store.claim(tx.transactionId(), success(null, PaymentSource.MANUAL_QUERY)).outcome() == PaymentClaim.Outcome.CLAIMED
                    : store.close(tx.transactionId(), TransactionStatus.EXPIRED, failure(PaymentSource.SWEEPER)));
            assertEquals(1, Collections.frequency(wins, true), "round " + round);
            var stored = store.find(tx.transactionId()).orElseThrow();
            assertEquals(stored.status() == TransactionStatus.COMPLETED, stored.grantId() != null, "round " + round);
        }
    }

    // ---- sparse indexes

    @Test
    void pendingIndexListsOnlyPendingPaymentsCreatedBeforeTheCutoffOldestFirst() {
        Instant era = Instant.parse("2001-03-01T00:00:00Z"); // no other test writes this far back
        List<Transaction> made = new ArrayList<>();
        for (int i = 0; i < 12; i++) made.add(created(pending(newId(), newPhone(), era.plusSeconds(i * 60L))));
        Transaction closed = made.get(0), claimed = made.get(1), tooNew = made.get(11);
        store.close(closed.transactionId(), TransactionStatus.FAILED, failure(PaymentSource.INLINE_POLL));
        store.claim(claimed.transactionId(), success(null, PaymentSource.SWEEPER));
        Instant cutoff = tooNew.createdAt();

        List<String> listed = new ArrayList<>();
        for (int shard = 0; shard < Transaction.SHARDS; shard++) {
            List<Transaction> page = store.pendingOlderThan(shard, cutoff, 100);
            int s = shard;
            assertTrue(page.stream().allMatch(t -> t.shard() == s && t.status() == TransactionStatus.PENDING));
            assertEquals(page.stream().map(Transaction::createdAt).sorted().toList(), page.stream().map(Transaction::createdAt).toList());
            page.forEach(t -> listed.add(t.transactionId()));
        }
        List<String> expected = made.subList(2, 11).stream().map(Transaction::transactionId).sorted().toList();
        assertEquals(expected, listed.stream().sorted().toList());
    }

    @Test
    void pendingIndexHonoursTheLimit() {
        Instant era = Instant.parse("2002-03-01T00:00:00Z");
        int shard = -1;
        int made = 0;
        for (int i = 0; made < 3; i++) { // three in one shard
            var tx = pending(newId(), newPhone(), era.plusSeconds(i));
            if (shard == -1) shard = tx.shard();
            if (tx.shard() != shard) continue;
            created(tx);
            made++;
        }
        assertEquals(2, store.pendingOlderThan(shard, era.plusSeconds(3600), 2).size());
        int s = shard;
        assertThrows(IllegalArgumentException.class, () -> store.pendingOlderThan(s, era, 0));
        assertThrows(IllegalArgumentException.class, () -> store.pendingOlderThan(Transaction.SHARDS, era, 10));
    }

    @Test
    void claimMovesTheTransactionIntoTheGrantIndexAndConfirmMovesItOut() {
        Instant era = Instant.parse("2003-03-01T00:00:00Z");
        var tx = created(pending(newId(), newPhone(), era));
        assertFalse(grantIndexHolds(tx, era.plusSeconds(3600)));
        store.claim(tx.transactionId(), new PaymentResult("0", "ok", null, PaymentSource.MANUAL_QUERY, era.plusSeconds(30)));
        assertTrue(grantIndexHolds(tx, era.plusSeconds(31)));
        assertFalse(grantIndexHolds(tx, era.plusSeconds(30)), "claimed at the cutoff is not older than it");
        assertFalse(store.pendingOlderThan(tx.shard(), era.plusSeconds(3600), 100).stream().anyMatch(t -> t.transactionId().equals(tx.transactionId())));
        store.confirm(tx.transactionId());
        assertFalse(grantIndexHolds(tx, era.plusSeconds(3600)));
    }

    private boolean grantIndexHolds(Transaction tx, Instant cutoff) {
        return store.unconfirmedGrantsOlderThan(tx.shard(), cutoff, 100).stream()
                .anyMatch(t -> t.transactionId().equals(tx.transactionId()) && t.grantUnconfirmed());
    }

    // ---- lists

    @Test
    void phoneListPagesThroughNewestFirstAndEndsWithNoCursor() {
        Phone phone = newPhone();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(created(pending(newId(), phone, NOW.plusSeconds(i))).transactionId());
        created(pending(newId(), newPhone(), NOW)); // another phone's purchase stays out

        List<String> seen = new ArrayList<>();
        Page<Transaction> page = store.byPhone(phone, 2, null);
        int pages = 1;
        seen.addAll(page.items().stream().map(Transaction::transactionId).toList());
        while (page.hasMore()) {
            page = store.byPhone(phone, 2, page.nextCursor());
            seen.addAll(page.items().stream().map(Transaction::transactionId).toList());
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(ids.reversed(), seen);
    }

    @Test
    void dayListHoldsThePurchasesOfThatNairobiDay() {
        Instant lateEvening = Instant.parse("2004-06-30T21:30:00Z"); // 00:30 on 1 July in Nairobi
        var nextDay = created(pending(newId(), newPhone(), lateEvening));
        var sameDay = created(pending(newId(), newPhone(), Instant.parse("2004-06-30T20:59:59Z"))); // 23:59:59 on 30 June
        assertEquals(List.of(nextDay.transactionId()),
                store.byDay(LocalDate.parse("2004-07-01"), 10, null).items().stream().map(Transaction::transactionId).toList());
        assertEquals(List.of(sameDay.transactionId()),
                store.byDay(LocalDate.parse("2004-06-30"), 10, null).items().stream().map(Transaction::transactionId).toList());
    }

    @Test
    void garbageCursorIsAnInvalidFieldNotAServerError() {
        Phone phone = newPhone();
        assertInvalidCursor(() -> store.byPhone(phone, 10, "not-a-cursor!"));
        assertInvalidCursor(() -> store.byPhone(phone, 10, encode("{\"phone\":{\"S\":\"x\"}}")));
        assertInvalidCursor(() -> store.byPhone(phone, 10, encode(
                "{\"phone\":{\"N\":\"1\"},\"createdAt\":{\"S\":\"2026-11-25T09:00:00.000Z\"},\"transactionId\":{\"S\":\"a\"}}")));
        assertInvalidCursor(() -> store.byPhone(phone, 10, encode(
                "{\"phone\":{\"S\":\"\"},\"createdAt\":{\"S\":\"2026-11-25T09:00:00.000Z\"},\"transactionId\":{\"S\":\"a\"}}")));
    }

    @Test
    void cursorOfAnotherPhoneIsRejected() {
        Phone mine = newPhone(), theirs = newPhone();
        for (int i = 0; i < 3; i++) created(pending(newId(), theirs, NOW.plusSeconds(i)));
        String theirCursor = store.byPhone(theirs, 1, null).nextCursor();
        assertInvalidCursor(() -> store.byPhone(mine, 1, theirCursor));
    }

    @Test
    void limitOutsideOneToAHundredIsAnInvalidField() {
        for (int limit : new int[] {0, -1, 101}) {
            var e = assertThrows(ApiException.class, () -> store.byDay(LocalDate.parse("2026-11-25"), limit, null));
            assertEquals(400, e.status());
            assertEquals(Optional.of("limit"), e.field());
        }
    }

    // ---- fixtures

    private static void assertInvalidCursor(org.junit.jupiter.api.function.Executable list) {
        var e = assertThrows(ApiException.class, list);
        assertEquals(400, e.status());
        assertEquals("INVALID_FIELD", e.code());
        assertEquals(Optional.of("cursor"), e.field());
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private Transaction created(Transaction tx) {
        assertTrue(store.create(tx));
        return tx;
    }

    private Map<String, AttributeValue> rawItem(String transactionId) {
        return client.getItem(r -> r.tableName(tableName).key(Map.of("transactionId", AttributeValue.fromS(transactionId))).consistentRead(true)).item();
    }

    private static Transaction pending(String id, Phone phone, Instant createdAt) {
        return Transaction.pending(id, phone, "basic", Money.kes(50), 3600, DEVICE, "hash-of-token", "sw", createdAt);
    }

    /** Returns a success as a callback (with receipt) or a query (without) reports it. */
    private static PaymentResult success(String receipt, PaymentSource source) {
        return new PaymentResult("0", "The service request is processed successfully.", receipt, source, NOW.plus(Duration.ofSeconds(20)));
    }

    private static PaymentResult failure(PaymentSource source) {
        return new PaymentResult("1", "The balance is insufficient for the transaction.", null, source, NOW.plus(Duration.ofSeconds(20)));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static Phone newPhone() {
        return new Phone("254" + PHONES.incrementAndGet());
    }
}
