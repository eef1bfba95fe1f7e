package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaServer;
import com.wifibilling.core.daraja.QueryOutcome;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.store.BarrierRace;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.TestTables;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * contracts/daraja.md §4.3 on dynalite, with the real Daraja client asking MockWebServer for the STK Queries that
 * decide doubtful callbacks: nothing doubtful grants from the callback, and every callback grants at most once.
 */
@ExtendWith(DynaliteExtension.class)
class CallbackProcessorTest {
    private static final OkHttpClient HTTP = new OkHttpClient();

    private final PaymentWorld world;
    private final TestTables tables;
    private final DarajaServer daraja = new DarajaServer();
    private final DarajaClient client;

    CallbackProcessorTest(TestTables tables) {
        this.tables = tables;
        world = new PaymentWorld(tables);
        client = new DarajaClient(HTTP, daraja.payBill(DarajaServer.newConsumerKey()), world.clock);
    }

    @AfterEach
    void stop() {
        daraja.close();
    }

    @Test
    void validSuccessGrantsOnceAndDuplicatesAreAcknowledged() {
        Transaction tx = world.pushed();
        String body = success(tx, "20.00", tx.phone().msisdn(), "NLJ7RT61SV");

        assertEquals(CallbackProcessor.Outcome.ACKNOWLEDGED, processor().process(received(body), 1));
        assertEquals(CallbackProcessor.Outcome.ACKNOWLEDGED, processor().process(received(body), 1));

        Transaction after = world.reread(tx);
        assertEquals(List.of(TransactionStatus.COMPLETED, "NLJ7RT61SV", PaymentSource.CALLBACK, true),
                List.of(after.status(), after.receipt(), after.source(), after.grantConfirmed()));
        assertEquals(1, world.publisher.commands.size(), "granted once");
        assertEquals(1L, world.gatewayStats(tx).paymentsCompleted());
        assertEquals(0, daraja.requests(), "a callback that checks out needs no query");
        assertTrue(anomalies(tx).isEmpty());
        String emf = world.flushedMetrics();
        assertTrue(emf.matches("(?s).*\"CallbackLatencyMs\":\\[?2000.*"), emf);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "AMOUNT_MISMATCH, 1.00, , NLJ7RT61SV",
        "PHONE_MISMATCH, 20, 254799999999, NLJ7RT61SV",
        "RECEIPT_INVALID, 20, , nlj7rt61sv",
        "RECEIPT_INVALID, 20, , NLJ7RT61SVX"
    })
    void doubtfulSuccessGrantsNothingRecordsAnAnomalyAndLeavesAPendingQueryToTheSweeper(String reason, String amount, String phone,
                                                                                        String receipt) {
        Transaction tx = world.pushed();
        answerQuery("\"4999\"");

        processor().process(received(success(tx, amount, phone == null ? tx.phone().msisdn() : phone, receipt)), 1);

        assertEquals(TransactionStatus.PENDING, world.reread(tx).status());
        assertTrue(world.publisher.commands.isEmpty());
        assertEquals(List.of(reason), reasons(tx));
        assertEquals(2, daraja.requests(), "token and one query");
        assertTrue(world.flushedMetrics().contains("\"reason\":\"" + reason + "\""));
    }

    @Test
    void doubtfulSuccessConfirmedByQueryCompletesWithoutTheDoubtfulReceipt() {
        Transaction tx = world.pushed();
        answerQuery("\"0\"");

        processor().process(received(success(tx, "19", tx.phone().msisdn(), "NLJ7RT61SV")), 1);

        Transaction after = world.reread(tx);
        assertEquals(TransactionStatus.COMPLETED, after.status());
        assertNull(after.receipt(), "the doubtful receipt stays only in the anomaly");
        assertEquals(1, world.publisher.commands.size());
        assertEquals(List.of("AMOUNT_MISMATCH"), reasons(tx));
    }

    @Test
    void receiptAlreadyUsedByAnotherTransactionIsReusedAndTheQueryDecides() {
        Transaction first = world.pushed();
        Transaction second = world.pushed();
        processor().process(received(success(first, "20", first.phone().msisdn(), "QAB1CD2EF3")), 1);
        answerQuery("\"1032\"");

        processor().process(received(success(second, "20", second.phone().msisdn(), "QAB1CD2EF3")), 1);

        assertEquals(TransactionStatus.CANCELLED, world.reread(second).status());
        assertEquals(List.of("RECEIPT_REUSED"), reasons(second));
        assertEquals(1, world.publisher.commands.size(), "only the first transaction was granted");
        assertEquals(first.transactionId(), world.guards.find(GuardKeys.receipt("QAB1CD2EF3")).orElseThrow().owner());
    }

    @Test
    void merchantIdMismatchChangesNothingAndQueriesNothing() {
        Transaction tx = world.pushed();
        String body = success(tx, "20", tx.phone().msisdn(), "NLJ7RT61SV").replace(tx.merchantRequestId(), "forged-merchant-id");

        processor().process(received(body), 1);

        assertEquals(TransactionStatus.PENDING, world.reread(tx).status());
        assertEquals(List.of("MERCHANT_ID_MISMATCH"), reasons(tx));
        assertEquals(0, daraja.requests());
        assertTrue(world.publisher.commands.isEmpty());
    }

    @Test
    void unknownCheckoutIsRetriedThenRecordedWithItsWholeBodyOnTheThirdReceive() {
        String checkout = "ws_CO_unknown" + System.nanoTime();
        String body = """
                {"Body":{"stkCallback":{"MerchantRequestID":"mr-x","CheckoutRequestID":"%s","ResultCode":0,"ResultDesc":"ok",
                "CallbackMetadata":{"Item":[{"Name":"Amount","Value":20},{"Name":"MpesaReceiptNumber","Value":"ZZZ1ZZZ2ZZ"}]}}}}"""
                .formatted(checkout);

        assertEquals(CallbackProcessor.Outcome.RETRY, processor().process(received(body), 1));
        assertEquals(CallbackProcessor.Outcome.RETRY, processor().process(received(body), 2));
        assertTrue(anomaliesFor(checkout).isEmpty(), "nothing recorded while SQS retries");
        assertEquals(CallbackProcessor.Outcome.ACKNOWLEDGED, processor().process(received(body), 3));

        List<AuditEvent> recorded = anomaliesFor(checkout);
        assertEquals(1, recorded.size());
        assertEquals("UNKNOWN_CHECKOUT", recorded.getFirst().reason());
        assertEquals(body, recorded.getFirst().details().get("body"));
    }

    @Test
    void failureCodeClosesPerTheCatalogue() {
        Transaction tx = world.pushed();

        processor().process(received(failure(tx, "2001")), 1);

        Transaction after = world.reread(tx);
        assertEquals(List.of(TransactionStatus.FAILED, "2001"), List.of(after.status(), after.resultCode()));
        assertEquals(1L, world.gatewayStats(tx).paymentsFailed());
    }

    @Test
    void completedIsNeverDowngradedNorGivenAnotherReceipt() {
        Transaction tx = world.pushed();
        processor().process(received(success(tx, "20", tx.phone().msisdn(), "NLJ7RT61SV")), 1);

        processor().process(received(failure(tx, "1032")), 1);
        processor().process(received(success(tx, "20", tx.phone().msisdn(), "ABC1DEF2GH")), 1);

        Transaction after = world.reread(tx);
        assertEquals(List.of(TransactionStatus.COMPLETED, "NLJ7RT61SV"), List.of(after.status(), after.receipt()));
        assertEquals(List.of("CONFLICTING_RESULT", "CONFLICTING_RESULT"), reasons(tx));
        assertEquals(1, world.publisher.commands.size());
    }

    @Test
    void queryCompletedPaymentGetsItsReceiptFromTheLaterCallbackWithoutASecondGrant() {
        Transaction tx = world.pushed();
        world.finalizer.finalize(tx, new QueryOutcome.Completed("m", tx.checkoutRequestId(), "ok"),
                PaymentSource.INLINE_POLL);

        processor().process(received(success(tx, "20", tx.phone().msisdn(), "NLJ7RT61SV")), 1);

        Transaction after = world.reread(tx);
        assertEquals(List.of("NLJ7RT61SV", PaymentSource.INLINE_POLL), List.of(after.receipt(), after.source()));
        assertEquals(1, world.publisher.commands.size());
        assertEquals(1L, world.gatewayStats(tx).paymentsCompleted());
    }

    @Test
    void duplicateThatMeetsAnUnconfirmedGrantFinishesIt() {
        Transaction tx = world.pushed();
        world.transactions.claim(tx.transactionId(), new PaymentResult("0", "ok", "NLJ7RT61SV", PaymentSource.CALLBACK, PaymentWorld.NOW));

        processor().process(received(success(tx, "20", tx.phone().msisdn(), "NLJ7RT61SV")), 2);

        assertTrue(world.reread(tx).grantConfirmed());
        assertEquals(1, world.publisher.commands.size());
        assertEquals(1L, world.gatewayStats(tx).paymentsCompleted());
    }

    @Test
    void verifyAlwaysGrantsAValidSuccessOnlyAfterAQueryZero() {
        Transaction confirmed = world.pushed();
        Transaction unconfirmed = world.pushed();
        answerQuery("\"0\"");
        daraja.answer(200, DarajaServer.queryAnswer("\"4999\""));

        processor(CallbackProcessor.Verify.ALWAYS).process(received(success(confirmed, "20", confirmed.phone().msisdn(), "KKK1KKK2KK")), 1);
        processor(CallbackProcessor.Verify.ALWAYS).process(received(success(unconfirmed, "20", unconfirmed.phone().msisdn(), "KKK3KKK4KK")), 1);

        Transaction granted = world.reread(confirmed);
        assertEquals(List.of(TransactionStatus.COMPLETED, "KKK1KKK2KK"), List.of(granted.status(), granted.receipt()));
        assertEquals(TransactionStatus.PENDING, world.reread(unconfirmed).status());
        assertEquals(1, world.publisher.commands.size());
    }

    @Test
    void lateValidSuccessAfterLocalExpiryIsHonouredOnceAndMovesTheStatsCount() {
        Transaction tx = world.pushed();
        world.finalizer.finalize(tx, new PaymentResult(null, null, null, PaymentSource.SWEEPER, PaymentWorld.NOW), ResultCodes.Origin.QUERY);
        assertEquals(1L, world.gatewayStats(tx).paymentsExpired());
        String body = success(tx, "20", tx.phone().msisdn(), "LTE1LTE2LT");

        processor().process(received(body), 1);
        processor().process(received(body), 1);

        Transaction after = world.reread(tx);
        assertEquals(List.of(TransactionStatus.COMPLETED, "LTE1LTE2LT", true), List.of(after.status(), after.receipt(), after.grantConfirmed()));
        var item = tables.client().getItem(r -> r.tableName(tables.name("TransactionsTable"))
                .key(java.util.Map.of("transactionId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(tx.transactionId()))))
                .item();
        assertEquals(List.of(true, "expired"), List.of(item.get("late").bool(), item.get("previousStatus").s()));
        assertEquals(1, world.publisher.commands.size(), "granted once");
        var counted = world.gatewayStats(tx);
        assertEquals(List.of(0L, 1L, 20L), List.of(counted.paymentsExpired(), counted.paymentsCompleted(), counted.revenueKES()));
    }

    @Test
    void doubtfulSuccessForACancelledPaymentStaysCancelledUnlessAQueryConfirmsIt() {
        Transaction stays = world.pushed();
        Transaction confirmed = world.pushed();
        processor().process(received(failure(stays, "1032")), 1);
        processor().process(received(failure(confirmed, "1032")), 1);
        answerQuery("\"1032\"");
        daraja.answer(200, DarajaServer.queryAnswer("\"0\""));

        processor().process(received(success(stays, "5", stays.phone().msisdn(), "DBT1DBT2DB")), 1);
        processor().process(received(success(confirmed, "5", confirmed.phone().msisdn(), "DBT3DBT4DB")), 1);

        assertEquals(TransactionStatus.CANCELLED, world.reread(stays).status());
        Transaction late = world.reread(confirmed);
        assertEquals(TransactionStatus.COMPLETED, late.status());
        assertNull(late.receipt(), "the doubtful receipt is not trusted");
        assertEquals(List.of("AMOUNT_MISMATCH"), reasons(stays));
        assertEquals(1, world.publisher.commands.size());
    }

    @Test
    void validSuccessThatLosesToTheSweepersExpiryIsHonouredLate() {
        Transaction tx = world.pushed();
        var expiresMeanwhile = new StaleCheckoutReads(world.transactions, () -> world.finalizer.finalize(world.reread(tx),
                new PaymentResult(null, null, null, PaymentSource.SWEEPER, PaymentWorld.NOW), ResultCodes.Origin.QUERY));
        var processor = new CallbackProcessor(expiresMeanwhile, world.guards, client, world.finalizer, world.suspicious, world.metrics,
                world.clock, CallbackProcessor.Verify.ON_MISMATCH);

        processor.process(received(success(tx, "20", tx.phone().msisdn(), "RCE1RCE2RC")), 1);

        Transaction after = world.reread(tx);
        assertEquals(List.of(TransactionStatus.COMPLETED, "RCE1RCE2RC", true), List.of(after.status(), after.receipt(), after.grantConfirmed()));
        assertEquals(1, world.publisher.commands.size());
        assertEquals(List.of(0L, 1L), List.of(world.gatewayStats(tx).paymentsExpired(), world.gatewayStats(tx).paymentsCompleted()));
    }

    @Test
    void concurrentDuplicateCallbacksGrantOnceInEachOfTenRounds() throws Exception {
        for (int round = 0; round < 10; round++) {
            Transaction tx = world.pushed();
            String body = success(tx, "20", tx.phone().msisdn(), String.format("RACE%06d", round));

            BarrierRace.race(4, n -> () -> processor().process(received(body), 1));

            Transaction after = world.reread(tx);
            assertEquals(List.of(TransactionStatus.COMPLETED, true), List.of(after.status(), after.grantConfirmed()));
            var session = world.sessions.find(tx.deviceKey()).orElseThrow();
            // Racers that lost the claim finish the grant too (DESIGN §4): publishing again is harmless, time is added once.
            assertEquals(java.util.Map.of(tx.transactionId(), 3600L), session.appliedGrants());
            assertEquals(PaymentWorld.NOW.plusSeconds(3600), session.expiresAt());
            assertEquals(1L, world.gatewayStats(tx).paymentsCompleted());
            assertTrue(anomalies(tx).isEmpty(), "the same receipt for the same transaction is not a reuse");
        }
    }

    @Test
    void verifySettingReadsTheTwoContractValuesOnly() {
        assertEquals(CallbackProcessor.Verify.ON_MISMATCH, CallbackProcessor.Verify.parse("on-mismatch"));
        assertEquals(CallbackProcessor.Verify.ALWAYS, CallbackProcessor.Verify.parse(" ALWAYS "));
        assertThrows(IllegalArgumentException.class, () -> CallbackProcessor.Verify.parse("never"));
    }

    private CallbackProcessor processor() {
        return processor(CallbackProcessor.Verify.ON_MISMATCH);
    }

    private CallbackProcessor processor(CallbackProcessor.Verify verify) {
        return new CallbackProcessor(world.transactions, world.guards, client, world.finalizer, world.suspicious, world.metrics,
                world.clock, verify);
    }

    private ReceivedCallback received(String body) {
        return new ReceivedCallback(body, PaymentWorld.NOW.minusSeconds(2), "196.201.214.200", "req-1");
    }

    /** Queues an OAuth token and one query answer with {@code resultCode} (a JSON string). */
    private void answerQuery(String resultCode) {
        daraja.answerToken();
        daraja.answer(200, DarajaServer.queryAnswer(resultCode));
    }

    /** contracts/daraja.md §4's success shape, with {@code Balance} without a value. */
    private static String success(Transaction tx, String amount, String phone, String receipt) {
        return """
                {"Body":{"stkCallback":{"MerchantRequestID":"%s","CheckoutRequestID":"%s","ResultCode":0,
                "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[
                {"Name":"Amount","Value":%s},{"Name":"MpesaReceiptNumber","Value":"%s"},{"Name":"Balance"},
                {"Name":"TransactionDate","Value":20261125115958},{"Name":"PhoneNumber","Value":%s}]}}}}"""
                .formatted(tx.merchantRequestId(), tx.checkoutRequestId(), amount, receipt, phone);
    }

    private static String failure(Transaction tx, String code) {
        return """
                {"Body":{"stkCallback":{"MerchantRequestID":"%s","CheckoutRequestID":"%s","ResultCode":%s,"ResultDesc":"no"}}}"""
                .formatted(tx.merchantRequestId(), tx.checkoutRequestId(), code);
    }

    private List<String> reasons(Transaction tx) {
        return anomalies(tx).stream().map(AuditEvent::reason).toList();
    }

    private List<AuditEvent> anomalies(Transaction tx) {
        return allEvents().stream().filter(e -> tx.transactionId().equals(e.subject())).toList();
    }

    private List<AuditEvent> anomaliesFor(String checkout) {
        return allEvents().stream().filter(e -> checkout.equals(e.details().get("checkoutRequestId"))).toList();
    }

    private List<AuditEvent> allEvents() {
        List<AuditEvent> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = world.events.onDay(PaymentWorld.TODAY, 100, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        // onDay is newest first; the tests read reasons in the order they were recorded
        return all.reversed().stream().filter(e -> SuspiciousCallbacks.EVENT_TYPE.equals(e.type())).toList();
    }
}
