package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaServer;
import com.wifibilling.core.store.BarrierRace;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sweeper of contracts/daraja.md §9 on dynalite, with the real Daraja client against a mock Daraja: queries
 * after the query window, expiry at the end of the expiry window, backing off when busy, and repairing grants.
 * Purchases are made 30 s before {@link PaymentWorld#NOW}; tests move the clock to age them.
 */
@ExtendWith(DynaliteExtension.class)
class PaymentSweeperTest {
    private static final OkHttpClient HTTP = new OkHttpClient();
    /** Fast pacing: the tests check what is queried, not how slowly. */
    private static final SweeperSettings SETTINGS = new SweeperSettings(Duration.ofSeconds(120), Duration.ofSeconds(600), 1000);

    private final PaymentWorld world;
    private final DarajaServer daraja = new DarajaServer();
    private final DarajaClient client;

    PaymentSweeperTest(TestTables tables) {
        world = new PaymentWorld(tables);
        client = new DarajaClient(HTTP, daraja.payBill(DarajaServer.newConsumerKey()), world.clock);
    }

    @AfterEach
    void stop() {
        daraja.close();
    }

    @Test
    void oldPendingPaymentQueriedAsPaidIsCompletedAndGrantedOnce() {
        Transaction tx = world.pushed();
        world.clock.advance(Duration.ofSeconds(200));
        daraja.answerToken();
        daraja.answer(200, DarajaServer.queryAnswer("\"0\""));

        var report = sweeper(client).sweep();
        var again = sweeper(client).sweep();

        Transaction after = world.reread(tx);
        assertEquals(List.of(TransactionStatus.COMPLETED, PaymentSource.SWEEPER, true),
                List.of(after.status(), after.source(), after.grantConfirmed()));
        assertNull(after.receipt(), "the query never carries a receipt");
        assertEquals(1, world.publisher.commands.size(), "granted once");
        assertEquals(List.of(1, 1), List.of(report.queried(), report.finalized()));
        assertEquals(List.of(0, 0), List.of(again.seen(), again.queried()), "completed leaves the pending-index");
        assertEquals(tx.checkoutRequestId(), DarajaServer.body(queryRequest()).get("CheckoutRequestID").asText());
        assertTrue(world.flushedMetrics().contains("\"SweeperFinalized\":1"));
    }

    @Test
    void queryCancelCodeClosesAsCancelled() {
        Transaction tx = world.pushed();
        world.clock.advance(Duration.ofSeconds(200));
        daraja.answerToken();
        daraja.answer(200, DarajaServer.queryAnswer("\"1032\""));

        sweeper(client).sweep();

        Transaction after = world.reread(tx);
        assertEquals(List.of(TransactionStatus.CANCELLED, "1032", PaymentSource.SWEEPER),
                List.of(after.status(), after.resultCode(), after.source()));
        assertTrue(world.publisher.commands.isEmpty());
    }

    @Test
    void stillPendingWithinTheExpiryWindowIsLeftPendingButPastItIsExpired() {
        Transaction young = world.pushed();
        world.clock.advance(Duration.ofSeconds(200));
        daraja.answerToken();
        daraja.answer(200, DarajaServer.queryAnswer("\"4999\""));

        var first = sweeper(client).sweep();
        assertEquals(TransactionStatus.PENDING, world.reread(young).status());
        assertEquals(0, first.finalized());

        world.clock.advance(Duration.ofSeconds(500)); // 730 s old
        daraja.answer(200, DarajaServer.queryAnswer("\"4999\""));
        var second = sweeper(client).sweep();

        Transaction after = world.reread(young);
        assertEquals(List.of(TransactionStatus.EXPIRED, PaymentFinalizer.NO_RESULT, PaymentSource.SWEEPER),
                List.of(after.status(), after.resultDesc(), after.source()));
        assertNull(after.resultCode());
        assertEquals(List.of(1, 1), List.of(second.queried(), second.expired()));
        assertEquals(1L, world.gatewayStats(young).paymentsExpired());
    }

    @Test
    void oldPaymentWithoutCheckoutRequestIdIsExpiredWithoutAQuery() {
        Transaction unpushed = world.unpushed();
        world.clock.advance(Duration.ofSeconds(200));
        var withinWindow = sweeper(client).sweep();
        assertEquals(TransactionStatus.PENDING, world.reread(unpushed).status(), "cannot be asked; waits for the window");

        world.clock.advance(Duration.ofSeconds(500));
        var pastWindow = sweeper(client).sweep();

        assertEquals(TransactionStatus.EXPIRED, world.reread(unpushed).status());
        assertEquals(List.of(0, 0, 1), List.of(withinWindow.queried(), pastWindow.queried(), pastWindow.expired()));
        assertEquals(0, daraja.requests(), "Daraja was never called");
    }

    @Test
    void youngPendingPaymentIsNeitherQueriedNorChanged() {
        Transaction young = world.pushed();
        world.clock.advance(Duration.ofSeconds(60)); // 90 s old: inside the 120 s query window

        var report = sweeper(client).sweep();

        assertEquals(world.reread(young), young);
        assertEquals(0, report.seen());
        assertEquals(0, daraja.requests());
    }

    @Test
    void busyAnswerChangesNothingAndStopsFurtherQueriesThisRun() {
        Transaction first = world.pushed();
        Transaction second = world.pushed();
        world.clock.advance(Duration.ofSeconds(700)); // both past the expiry window
        daraja.answerToken();
        daraja.answerEnvelope(500, "500.003.02", "Error Occurred: Spike Arrest Violation");

        var report = sweeper(client).sweep();

        assertEquals(List.of(TransactionStatus.PENDING, TransactionStatus.PENDING),
                List.of(world.reread(first).status(), world.reread(second).status()));
        assertTrue(report.busy());
        assertEquals(List.of(1, 0), List.of(report.queried(), report.finalized()));
        assertEquals(2, daraja.requests(), "one token, one query: the second payment was not asked");
    }

    @Test
    void otherQueryErrorLeavesAPaymentInsideTheWindowUnchanged() {
        Transaction tx = world.pushed();
        world.clock.advance(Duration.ofSeconds(200));
        daraja.answerToken();
        daraja.answerEnvelope(400, "400.002.02", "Bad Request - Invalid CheckoutRequestID");

        var report = sweeper(client).sweep();

        assertEquals(world.reread(tx), tx);
        assertEquals(List.of(1, 0), List.of(report.queryFailures(), report.finalized()));
        assertFalse(report.busy());
    }

    @Test
    void failedQueryPastTheExpiryWindowStillExpiresThePayment() {
        Transaction tx = world.pushed();
        world.clock.advance(Duration.ofSeconds(700));
        daraja.answerToken();
        daraja.answerEnvelope(400, "400.002.02", "Bad Request - Invalid CheckoutRequestID");

        var report = sweeper(client).sweep();

        assertEquals(TransactionStatus.EXPIRED, world.reread(tx).status(), "the window ended without a final answer");
        assertEquals(List.of(1, 1), List.of(report.queryFailures(), report.expired()));
    }

    @Test
    void queriesArePacedAtTheSettingsRate() {
        for (int i = 0; i < 3; i++) world.pushed();
        world.clock.advance(Duration.ofSeconds(200));
        daraja.answerToken();
        for (int i = 0; i < 3; i++) daraja.answer(200, DarajaServer.queryAnswer("\"4999\""));
        var fivePerSecond = new PaymentSweeper(world.transactions, client, world.finalizer, world.metrics, world.clock,
                new SweeperSettings(Duration.ofSeconds(120), Duration.ofSeconds(600), 5));

        long started = System.nanoTime();
        var report = fivePerSecond.sweep();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(3, report.queried());
        assertTrue(took.compareTo(Duration.ofMillis(400)) >= 0, "three queries at 5/s start 200 ms apart, took " + took);
    }

    @Test
    void settingsRefuseAnExpiryWindowShorterThanTheQueryWindow() {
        assertThrows(IllegalArgumentException.class, () -> new SweeperSettings(Duration.ofSeconds(600), Duration.ofSeconds(120), 5));
        assertThrows(IllegalArgumentException.class, () -> new SweeperSettings(Duration.ofSeconds(120), Duration.ofSeconds(600), 0));
    }

    @Test
    void grantClaimedButNeverConfirmedIsFinishedAfterThirtySeconds() {
        Transaction tx = world.pushed();
        // The completing caller crashed right after its claim: claimed, nothing applied, never confirmed.
        assertEquals(PaymentClaim.Outcome.CLAIMED, world.transactions.claim(tx.transactionId(),
                new PaymentResult("0", "ok", null, PaymentSource.CALLBACK, PaymentWorld.NOW)).outcome());
        world.clock.advance(Duration.ofSeconds(10));
        assertEquals(0, sweeper(client).sweep().grantsRepaired(), "10 s: its caller may still be at work");

        world.clock.advance(Duration.ofSeconds(30));
        var report = sweeper(client).sweep();

        assertEquals(1, report.grantsRepaired());
        assertTrue(world.reread(tx).grantConfirmed());
        assertEquals(1, world.publisher.commands.size());
        assertEquals(world.clock.instant().plusSeconds(3600), world.sessions.find(tx.deviceKey()).orElseThrow().expiresAt());
        assertTrue(world.flushedMetrics().contains("\"GrantRepaired\":1"));
    }

    @Test
    void sweeperExpiringWhileASuccessCallbackArrivesGrantsOnceAndEndsCompleted() throws Exception {
        world.clock.advance(Duration.ofSeconds(700)); // every purchase below is past the expiry window
        for (int round = 0; round < 20; round++) {
            Transaction tx = world.pushed();
            String receipt = String.format("RCP%07d", round);
            // A mock Daraja of its own per round: whether the sweeper still queries depends on who wins.
            try (var roundDaraja = new DarajaServer()) {
                var roundClient = new DarajaClient(HTTP, roundDaraja.payBill(DarajaServer.newConsumerKey()), world.clock);
                roundDaraja.answerToken();
                roundDaraja.answer(200, DarajaServer.queryAnswer("\"4999\""));
                roundClient.stkQuery("ws_CO_warm-up"); // the token is fetched before the race: the query is one round trip
                roundDaraja.answer(200, DarajaServer.queryAnswer("\"4999\""));
                long callbackDelayMillis = (round % 5) * 10L; // staggered, so both orders happen over the rounds
                var processor = new CallbackProcessor(world.transactions, world.guards, roundClient, world.finalizer,
                        world.suspicious, world.metrics, world.clock, CallbackProcessor.Verify.ON_MISMATCH);
                var sweeper = sweeper(roundClient);

                BarrierRace.race(2, racer -> () -> racer == 0 ? sweeper.sweep()
                        : callbackAfter(callbackDelayMillis, processor, success(tx, receipt)));
            }

            Transaction after = world.reread(tx);
            assertEquals(List.of(TransactionStatus.COMPLETED, true), List.of(after.status(), after.grantConfirmed()), "round " + round);
            // Time added once; a loser meeting the grant in flight may publish its command again (harmless, DESIGN §4).
            assertEquals(world.clock.instant().plusSeconds(3600), world.sessions.find(tx.deviceKey()).orElseThrow().expiresAt(),
                    "time added once in round " + round);
            assertEquals(List.of(1L, 0L, 20L), List.of(world.gatewayStats(tx).paymentsCompleted(),
                    world.gatewayStats(tx).paymentsExpired(), world.gatewayStats(tx).revenueKES()), "counted once in round " + round);
        }
    }

    private static CallbackProcessor.Outcome callbackAfter(long delayMillis, CallbackProcessor processor, String body)
            throws InterruptedException {
        Thread.sleep(delayMillis);
        return processor.process(new ReceivedCallback(body, PaymentWorld.NOW, "196.201.214.200", "req"), 1);
    }

    private PaymentSweeper sweeper(DarajaClient daraja) {
        return new PaymentSweeper(world.transactions, daraja, world.finalizer, world.metrics, world.clock, SETTINGS);
    }

    /** Returns the query request, after the token request. */
    private mockwebserver3.RecordedRequest queryRequest() {
        daraja.take();
        return daraja.take();
    }

    private static String success(Transaction tx, String receipt) {
        return """
                {"Body":{"stkCallback":{"MerchantRequestID":"%s","CheckoutRequestID":"%s","ResultCode":0,
                "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[
                {"Name":"Amount","Value":20},{"Name":"MpesaReceiptNumber","Value":"%s"},
                {"Name":"TransactionDate","Value":20261125115958},{"Name":"PhoneNumber","Value":%s}]}}}}"""
                .formatted(tx.merchantRequestId(), tx.checkoutRequestId(), receipt, tx.phone().msisdn());
    }
}
