package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.gateway.GatewayParams;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.CommandReason;
import com.wifibilling.core.session.CommandType;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.MoveAway;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.store.BarrierRace;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /api/payment/claim} as {@link ReceiptClaims} answers it (DESIGN §6, contracts/gateways.md §2.1): the
 * holding device gets its login, another device only with {@code move: true}, moves are exactly-once grants that
 * disconnect the old side, at most three a day, and guessing locks out.
 */
@ExtendWith(DynaliteExtension.class)
class ReceiptClaimsTest {
    private static final AtomicInteger RECEIPTS = new AtomicInteger();
    private final InitiationWorld w;

    ReceiptClaimsTest(TestTables tables) {
        w = new InitiationWorld(tables, new InlinePolling(0, Duration.ofSeconds(2), Duration.ofSeconds(8)));
    }

    @AfterEach
    void stop() {
        w.close();
    }

    /** A completed purchase of one day on {@code mac}, whose success callback brought {@code receipt}. */
    private record Paid(String transactionId, String phone, String mac, String receipt) {}

    private Paid paid() {
        String phone = InitiationWorld.uniquePhone();
        String mac = InitiationWorld.uniqueMac();
        w.acceptPush();
        String id = w.initiation.initiate(w.request(phone, mac), Optional.empty(), w.deadline()).transactionId();
        String receipt = String.format("CLM%07d", RECEIPTS.incrementAndGet());
        w.world.guards.claim(GuardKeys.receipt(receipt), id); // as the callback processor does before its claim
        w.world.finalizer.finalize(w.world.transactions.find(id).orElseThrow(),
                new PaymentResult("0", "ok", receipt, PaymentSource.CALLBACK, w.world.clock.instant()), ResultCodes.Origin.CALLBACK);
        return new Paid(id, phone, mac, receipt);
    }

    private ReceiptClaimRequest request(Paid paid, String mac, Boolean move) {
        return new ReceiptClaimRequest(paid.receipt(), paid.phone(), new GatewayParams(w.gatewayId, mac, null, null, null,
                "0a", "00112233445566778899aabbccddeeff"), move, null);
    }

    private Session sessionOn(String mac) {
        return w.world.sessions.find(new DeviceKey(w.gatewayId, Mac.parse(mac))).orElseThrow();
    }

    @Test
    void theHoldingDeviceGetsItsSessionAndAFreshLoginForItsNewChallenge() {
        Paid paid = paid();
        ClaimAnswer answer = w.claims.claim(new ReceiptClaimRequest(paid.receipt().toLowerCase(), "+254" + paid.phone().substring(1),
                w.params(paid.mac()), null, null));
        Session session = sessionOn(paid.mac());
        assertFalse(answer.moved());
        assertEquals(List.of(paid.transactionId(), session.sessionId(), session.accessCode()),
                List.of(answer.transactionId(), answer.session().sessionId(), answer.session().accessCode()));
        assertEquals(session.sessionId(), answer.login().fields().get("username"));
        ClaimAnswer otherChallenge = w.claims.claim(request(paid, paid.mac(), null));
        assertNotEquals(answer.login().fields().get("password"), otherChallenge.login().fields().get("password"),
                "the CHAP answer is computed for the challenge the device has now");
    }

    @Test
    void anotherDeviceNeedsMoveAndTheMoveIsAGrantThatDisconnectsTheOldSide() {
        Paid paid = paid();
        String newMac = InitiationWorld.uniqueMac();
        ApiException notAsked = assertThrows(ApiException.class, () -> w.claims.claim(request(paid, newMac, false)));
        assertEquals(List.of(409, "VOUCHER_ALREADY_USED"), List.of(notAsked.status(), notAsked.code()));
        Session before = sessionOn(paid.mac());

        w.world.clock.advance(Duration.ofHours(1));
        ClaimAnswer moved = w.claims.claim(request(paid, newMac, true));

        assertTrue(moved.moved());
        Session old = sessionOn(paid.mac());
        Session fresh = sessionOn(newMac);
        assertEquals(List.of(SessionStatus.MOVED, true, w.world.clock.instant()), List.of(old.status(), old.movedTo().confirmed(),
                old.expiresAt()));
        assertEquals(SessionStatus.ACTIVE, fresh.status());
        assertEquals(before.expiresAt(), fresh.expiresAt(), "the remaining 23 h moved, nothing more");
        assertEquals(List.of(before.accessCode(), before.packageId(), before.downloadMbps()),
                List.of(fresh.accessCode(), fresh.packageId(), fresh.downloadMbps()));
        assertEquals(fresh.sessionId(), moved.session().sessionId());
        assertTrue(w.world.publisher.commands.stream().anyMatch(c -> c.type() == CommandType.DISCONNECT
                && c.reason() == CommandReason.MOVE && c.sessionId().equals(before.sessionId())), "the old device is disconnected");

        // The old device now gets the same 409 offer: the time is elsewhere.
        ApiException oldSide = assertThrows(ApiException.class, () -> w.claims.claim(request(paid, paid.mac(), null)));
        assertEquals("VOUCHER_ALREADY_USED", oldSide.code());
    }

    @Test
    void threeMovesADayThenMoveLimitReached() {
        Paid paid = paid();
        String a = paid.mac();
        String b = InitiationWorld.uniqueMac();
        for (String to : List.of(b, a, b)) assertTrue(w.claims.claim(request(paid, to, true)).moved());
        ApiException limit = assertThrows(ApiException.class, () -> w.claims.claim(request(paid, a, true)));
        assertEquals(List.of(429, "MOVE_LIMIT_REACHED"), List.of(limit.status(), limit.code()));
        assertEquals(SessionStatus.ACTIVE, sessionOn(b).status(), "the refused move changed nothing");

        w.world.clock.advance(Duration.ofHours(24).plusSeconds(1));
        ApiException expired = assertThrows(ApiException.class, () -> w.claims.claim(request(paid, a, true)));
        assertEquals("NO_ACTIVE_SESSION", expired.code(), "a day later the day's time has run out anyway");
    }

    @Test
    void concurrentMovesToTwoDevicesMoveTheTimeOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            Paid paid = paid();
            List<String> targets = List.of(InitiationWorld.uniqueMac(), InitiationWorld.uniqueMac());
            List<String> outcomes = BarrierRace.race(2, i -> () -> {
                try {
                    return w.claims.claim(request(paid, targets.get(i), true)).moved() ? "moved" : "held";
                } catch (ApiException e) {
                    return e.code();
                }
            });
            // Both asked to move: one wins the race and the other is refused, or they serialise (A→B, then B→C).
            assertTrue(outcomes.contains("moved") && outcomes.stream().allMatch(o -> o.equals("moved") || o.equals("VOUCHER_ALREADY_USED")),
                    outcomes.toString());
            Session original = sessionOn(paid.mac());
            List<Session> active = targets.stream().map(mac -> w.world.sessions.find(new DeviceKey(w.gatewayId, Mac.parse(mac))))
                    .flatMap(Optional::stream).filter(s -> s.status() == SessionStatus.ACTIVE).toList();
            assertEquals(1, active.size(), "the time exists on one device only: " + outcomes);
            assertEquals(original.startedAt().plusSeconds(86_400).getEpochSecond(), active.getFirst().expiresAt().getEpochSecond(),
                    "and no second was added or lost");
        }
    }

    @Test
    void aMoveThatCrashedAfterItsClaimIsFinishedByTheNextClaim() {
        Paid paid = paid();
        String newMac = InitiationWorld.uniqueMac();
        Session holder = sessionOn(paid.mac());
        var move = new MoveAway("move-crashed", new DeviceKey(w.gatewayId, Mac.parse(newMac)), 3000, w.world.clock.instant(), false);
        assertTrue(w.world.sessions.update(holder, holder.movedAway(move))); // claimed, then the caller died

        ClaimAnswer answer = w.claims.claim(request(paid, newMac, null));

        assertFalse(answer.moved(), "this device already holds it: the repair finished the move");
        Session fresh = sessionOn(newMac);
        assertEquals(List.of(SessionStatus.ACTIVE, 3000L), List.of(fresh.status(), fresh.appliedGrants().get("move-crashed")));
        assertTrue(sessionOn(paid.mac()).movedTo().confirmed());
        assertTrue(w.world.publisher.commands.stream().anyMatch(c -> c.type() == CommandType.DISCONNECT));
    }

    @Test
    void noMatchingPurchaseIsOneAnswerAndFiveFailuresLockTheDeviceOut() {
        Paid paid = paid();
        String guesser = InitiationWorld.uniqueMac();
        var wrongPhone = new ReceiptClaimRequest(paid.receipt(), InitiationWorld.uniquePhone(), w.params(guesser), true, null);
        var unknownReceipt = new ReceiptClaimRequest("ZZZ9ZZZ9ZZ", paid.phone(), w.params(guesser), true, null);
        ApiException a = assertThrows(ApiException.class, () -> w.claims.claim(wrongPhone));
        ApiException b = assertThrows(ApiException.class, () -> w.claims.claim(unknownReceipt));
        assertEquals(List.of(404, "NOT_FOUND"), List.of(a.status(), a.code()));
        assertEquals(List.of(a.status(), a.code(), a.getMessage()), List.of(b.status(), b.code(), b.getMessage()));
        for (int i = 0; i < 3; i++) assertThrows(ApiException.class, () -> w.claims.claim(unknownReceipt));

        ApiException locked = assertThrows(ApiException.class, () -> w.claims.claim(request(paid, guesser, true)));
        assertEquals(List.of(429, "RATE_LIMITED"), List.of(locked.status(), locked.code()));
        assertTrue(Long.parseLong(locked.headers().get("Retry-After")) > 0);
        assertEquals(SessionStatus.ACTIVE, sessionOn(paid.mac()).status(), "nothing moved");
        // The owner's own device is not the guesser's: it still gets its login.
        assertFalse(w.claims.claim(request(paid, paid.mac(), null)).moved());
    }

    @Test
    void badFieldsArePreciseFourHundreds() {
        Paid paid = paid();
        ApiException receipt = assertThrows(ApiException.class, () -> w.claims.claim(
                new ReceiptClaimRequest("short", paid.phone(), w.params(paid.mac()), null, null)));
        assertEquals(List.of(400, "INVALID_FIELD", "receipt"), List.of(receipt.status(), receipt.code(), receipt.field().orElseThrow()));
        ApiException phone = assertThrows(ApiException.class, () -> w.claims.claim(
                new ReceiptClaimRequest(paid.receipt(), "12", w.params(paid.mac()), null, null)));
        assertEquals("INVALID_PHONE", phone.code());
        ApiException gateway = assertThrows(ApiException.class, () -> w.claims.claim(
                new ReceiptClaimRequest(paid.receipt(), paid.phone(), null, null, null)));
        assertEquals("INVALID_GATEWAY_CONTEXT", gateway.code());
    }
}
