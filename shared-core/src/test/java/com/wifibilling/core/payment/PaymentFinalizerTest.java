package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.daraja.QueryOutcome;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.stats.DayStats;
import com.wifibilling.core.user.PortalUsers;
import com.wifibilling.core.user.User;
import com.wifibilling.core.user.UserKind;
import com.wifibilling.core.store.BarrierRace;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.TestTables;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The one finalize path of contracts/daraja.md §9 on dynalite: first final answer wins, counted once. */
@ExtendWith(DynaliteExtension.class)
class PaymentFinalizerTest {
    private final PaymentWorld world;

    PaymentFinalizerTest(TestTables tables) {
        world = new PaymentWorld(tables);
    }

    @Test
    void successGrantsThePackageBoughtEvenThoughItWasDeactivatedSince() {
        Transaction tx = world.pushed();

        var done = world.finalizer.finalize(tx, result("0", "NLJ7RT61SV", PaymentSource.CALLBACK), ResultCodes.Origin.CALLBACK);

        assertTrue(done.decidedHere());
        Transaction after = world.reread(tx);
        assertEquals(List.of(TransactionStatus.COMPLETED, "NLJ7RT61SV", PaymentSource.CALLBACK, true),
                List.of(after.status(), after.receipt(), after.source(), after.grantConfirmed()));
        Session session = done.session().orElseThrow();
        assertEquals(PaymentWorld.NOW.plusSeconds(3600), session.expiresAt());
        assertEquals("1 hour", session.packageName());
        assertEquals(1, world.publisher.commands.size());
        assertEquals(List.of(1L, 20L), List.of(world.gatewayStats(tx).paymentsCompleted(), world.gatewayStats(tx).revenueKES()));
        String emf = world.flushedMetrics();
        assertTrue(emf.contains("\"PaymentCompleted\":1"), emf);
        assertTrue(emf.contains("\"Revenue\":20"), emf);
    }

    @Test
    void queryCompletedOutcomeCompletesWithoutAReceipt() {
        Transaction tx = world.pushed();

        world.finalizer.finalize(tx, new QueryOutcome.Completed("mr", tx.checkoutRequestId(), "ok"), PaymentSource.MANUAL_QUERY);

        Transaction after = world.reread(tx);
        assertEquals(TransactionStatus.COMPLETED, after.status());
        assertNull(after.receipt());
        assertEquals(PaymentSource.MANUAL_QUERY, after.source());
    }

    @Test
    void aCallbackWhoseClaimLosesToAQueryStillLeavesItsReceiptAndGrantsOnce() {
        Transaction tx = world.pushed();
        // Both read the transaction pending; the inline query's claim lands first.
        world.finalizer.finalize(tx, new QueryOutcome.Completed("mr", tx.checkoutRequestId(), "ok"), PaymentSource.INLINE_POLL);

        var late = world.finalizer.finalize(tx, result("0", "NLJ7RT61SW", PaymentSource.CALLBACK), ResultCodes.Origin.CALLBACK);

        assertFalse(late.decidedHere());
        Transaction after = world.reread(tx);
        assertEquals(List.of(TransactionStatus.COMPLETED, PaymentSource.INLINE_POLL, "NLJ7RT61SW"),
                List.of(after.status(), after.source(), after.receipt()));
        assertEquals(1, world.publisher.commands.size(), "granted once");
        assertEquals(1L, world.gatewayStats(tx).paymentsCompleted());
    }

    @Test
    void cancelCodeClosesAsCancelledKeepsCodeAndCountsOnce() {
        Transaction tx = world.pushed();

        var first = world.finalizer.finalize(tx, result("1032", null, PaymentSource.CALLBACK), ResultCodes.Origin.CALLBACK);
        var second = world.finalizer.finalize(tx, result("1032", null, PaymentSource.CALLBACK), ResultCodes.Origin.CALLBACK);

        assertTrue(first.decidedHere());
        assertFalse(second.decidedHere());
        Transaction after = world.reread(tx);
        assertEquals(List.of(TransactionStatus.CANCELLED, "1032"), List.of(after.status(), after.resultCode()));
        DayStats counted = world.gatewayStats(tx);
        assertEquals(List.of(1L, 0L), List.of(counted.paymentsCancelled(), counted.paymentsCompleted()));
        assertTrue(world.publisher.commands.isEmpty(), "no grant");
        assertTrue(world.flushedMetrics().contains("\"PaymentCancelled\":1"));
    }

    @Test
    void unlistedCodeFailsFromACallbackButStaysPendingFromAQuery() {
        Transaction fromQuery = world.pushed();
        Transaction fromCallback = world.pushed();

        world.finalizer.finalize(fromQuery, new QueryOutcome.Final("7777", "odd"), PaymentSource.SWEEPER);
        world.finalizer.finalize(fromCallback, result("7777", null, PaymentSource.CALLBACK), ResultCodes.Origin.CALLBACK);

        assertEquals(TransactionStatus.PENDING, world.reread(fromQuery).status());
        assertEquals(TransactionStatus.FAILED, world.reread(fromCallback).status());
        assertEquals(1L, world.gatewayStats(fromCallback).paymentsFailed());
        assertTrue(world.flushedMetrics().contains("\"resultCode\":\"7777\""));
    }

    @Test
    void timeoutCodesExpireAndASweeperExpiryWithoutCodeSaysNoResult() {
        Transaction timedOut = world.pushed();
        Transaction unanswered = world.pushed();

        world.finalizer.finalize(timedOut, new QueryOutcome.Final("1037", "DS timeout"), PaymentSource.INLINE_POLL);
        world.finalizer.finalize(unanswered, new PaymentResult(null, null, null, PaymentSource.SWEEPER, PaymentWorld.NOW),
                ResultCodes.Origin.QUERY);

        assertEquals(TransactionStatus.EXPIRED, world.reread(timedOut).status());
        Transaction expired = world.reread(unanswered);
        assertEquals(List.of(TransactionStatus.EXPIRED, PaymentFinalizer.NO_RESULT), List.of(expired.status(), expired.resultDesc()));
        assertEquals(1L, world.gatewayStats(unanswered).paymentsExpired());
    }

    @Test
    void pendingQueryOutcomeChangesNothing() {
        Transaction tx = world.pushed();

        var done = world.finalizer.finalize(tx, new QueryOutcome.Pending(Optional.of("4999"), "processing"), PaymentSource.SWEEPER);

        assertFalse(done.decidedHere());
        assertEquals(TransactionStatus.PENDING, world.reread(tx).status());
    }

    @Test
    void failureLosingToACompletionFinishesTheUnconfirmedGrant() {
        Transaction tx = world.pushed();
        // The completion's caller crashed right after its claim: claimed, nothing applied.
        assertEquals(PaymentClaim.Outcome.CLAIMED,
                world.transactions.claim(tx.transactionId(), result("0", null, PaymentSource.CALLBACK)).outcome());

        var late = world.finalizer.finalize(tx, result("1032", null, PaymentSource.SWEEPER), ResultCodes.Origin.CALLBACK);

        assertFalse(late.decidedHere());
        assertTrue(late.session().isPresent(), "the loser finished the grant it met");
        Transaction after = world.reread(tx);
        assertEquals(TransactionStatus.COMPLETED, after.status());
        assertTrue(after.grantConfirmed());
        assertEquals(1, world.publisher.commands.size());
        assertEquals(0L, world.gatewayStats(tx).paymentsCancelled());
    }

    @Test
    void concurrentSuccessAndCancelDecideOnceAndCountOnce() throws Exception {
        for (int i = 0; i < 10; i++) {
            Transaction tx = world.pushed();
            List<PaymentResult> answers = List.of(result("0", null, PaymentSource.CALLBACK), result("0", null, PaymentSource.SWEEPER),
                    result("1032", null, PaymentSource.INLINE_POLL));
            BarrierRace.race(answers.size(), n -> () -> world.finalizer.finalize(tx, answers.get(n), ResultCodes.Origin.CALLBACK));
            Transaction after = world.reread(tx);
            DayStats counted = world.gatewayStats(tx);
            if (after.status() == TransactionStatus.COMPLETED) {
                assertTrue(after.grantConfirmed());
                assertEquals(List.of(1L, 0L), List.of(counted.paymentsCompleted(), counted.paymentsCancelled()));
            } else {
                assertEquals(TransactionStatus.CANCELLED, after.status());
                assertEquals(List.of(0L, 1L), List.of(counted.paymentsCompleted(), counted.paymentsCancelled()));
            }
        }
    }

    private static PaymentResult result(String code, String receipt, PaymentSource source) {
        return new PaymentResult(code, "desc " + code, receipt, source, PaymentWorld.NOW);
    }

    @Test
    void aCompletedPurchaseRecordsItsBuyerOnceAndALaterOneMovesTheirLastSeen() {
        Transaction first = world.pushed();
        world.finalizer.finalize(first, result("0", "BUY1BUY1BU", PaymentSource.CALLBACK), ResultCodes.Origin.CALLBACK);
        String userId = PortalUsers.userId(first.phone());
        User buyer = world.users.find(userId).orElseThrow();
        assertEquals(List.of(UserKind.PORTAL, first.phone(), PaymentWorld.NOW), List.of(buyer.kind(), buyer.phone(), buyer.createdAt()));
        assertFalse(userId.contains(first.phone().msisdn().substring(4)), "the id does not show the number");

        world.clock.advance(java.time.Duration.ofMinutes(5));
        Transaction again = world.pushed(first.phone());
        world.finalizer.finalize(again, result("0", "BUY2BUY2BU", PaymentSource.CALLBACK), ResultCodes.Origin.CALLBACK);
        User seen = world.users.find(userId).orElseThrow();
        assertEquals(List.of(PaymentWorld.NOW, PaymentWorld.NOW.plusSeconds(300)), List.of(seen.createdAt(), seen.lastSeenAt()));

        Transaction cancelled = world.pushed();
        world.finalizer.finalize(cancelled, result("1032", null, PaymentSource.CALLBACK), ResultCodes.Origin.CALLBACK);
        assertTrue(world.users.find(PortalUsers.userId(cancelled.phone())).isEmpty(), "only buyers are users");
    }
}
