package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Phone;
import com.wifibilling.core.daraja.DarajaServer;
import com.wifibilling.core.gateway.GatewayParams;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.store.BarrierRace;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /api/payment/initiate} as {@link PaymentInitiation} does it (contracts/daraja.md §3, §9), on dynalite
 * with Daraja played by MockWebServer: validation writes nothing, the pending transaction precedes the push, the
 * push body is the contract's, inline queries settle fast answers, a rejected push fails the transaction with the
 * contract's error, and the in-flight and Idempotency-Key guards hold under concurrency.
 */
@ExtendWith(DynaliteExtension.class)
class PaymentInitiationTest {
    /** Inline polling off: most tests look at the push alone. */
    private static final InlinePolling NO_POLLING = new InlinePolling(0, Duration.ofSeconds(2), Duration.ofSeconds(8));
    private final TestTables tables;
    private InitiationWorld world;

    PaymentInitiationTest(TestTables tables) {
        this.tables = tables;
    }

    private InitiationWorld world(InlinePolling polling) {
        world = new InitiationWorld(tables, polling);
        return world;
    }

    @AfterEach
    void stop() {
        if (world != null) world.close();
    }

    private List<Transaction> purchasesOf(String phone) {
        return world.world.transactions.byPhone(Phone.parse(phone), 50, null).items();
    }

    @Test
    void acceptedPushLeavesAPendingPurchaseWithTheContractsPushBodyAndAHashedClientToken() {
        var w = world(NO_POLLING);
        String checkout = w.acceptPush();
        String phone = InitiationWorld.uniquePhone();
        PaymentAnswer answer = w.initiation.initiate(w.request(phone, InitiationWorld.uniqueMac()), Optional.empty(), w.deadline());

        assertEquals(List.of(TransactionStatus.PENDING, checkout), List.of(answer.status(), answer.checkoutRequestId()));
        assertEquals(ResultCodes.PROMPT_SENT, answer.message());
        assertEquals(43, answer.clientToken().length());
        Transaction stored = w.world.transactions.find(answer.transactionId()).orElseThrow();
        assertTrue(ClientTokens.matches(answer.clientToken(), stored.clientTokenHash()));
        assertNotEquals(answer.clientToken(), stored.clientTokenHash(), "only the hash is stored");
        assertEquals(List.of(80L, 86_400L, "sw", w.gatewayId), List.of(stored.amount().shillings(), stored.grantSeconds(), stored.lang(),
                stored.deviceKey().gatewayId()));
        assertEquals(new Checkout(stored.checkout().accountReference(), "10.5.50.23", "http://10.5.50.1/login", "http://example.com/",
                "f9", "ef0dd80b119c65a5c3ab62a65b7dfdce"), stored.checkout());

        w.daraja.take(); // OAuth
        JsonNode push = DarajaServer.body(w.daraja.take());
        assertEquals(stored.checkout().accountReference(), push.get("AccountReference").asText());
        assertTrue(push.get("AccountReference").asText().matches("[A-Z0-9]{10}"));
        assertEquals("WiFi 1 day", push.get("TransactionDesc").asText());
        assertEquals("80", push.get("Amount").asText());
        assertEquals(Phone.parse(phone).msisdn(), push.get("PhoneNumber").asText());
        assertTrue(push.get("CallBackURL").asText().startsWith("https://api.example.co.ke/api/payment/callback/"));
        assertTrue(w.world.flushedMetrics().contains("PaymentInitiated"));
    }

    @Test
    void everyBadFieldIsAPreciseFourHundredAndWritesNothing() {
        var w = world(NO_POLLING);
        String phone = InitiationWorld.uniquePhone();
        String mac = InitiationWorld.uniqueMac();
        record Case(InitiateRequest request, Optional<String> key, String code) {}
        var good = w.params(mac);
        List<Case> cases = List.of(
                new Case(new InitiateRequest("0201234567", "day-pay", good, null), Optional.empty(), "INVALID_PHONE"),
                new Case(new InitiateRequest(null, "day-pay", good, null), Optional.empty(), "INVALID_PHONE"),
                new Case(new InitiateRequest(phone, null, good, null), Optional.empty(), "INVALID_FIELD"),
                new Case(new InitiateRequest(phone, "no-such", good, null), Optional.empty(), "UNKNOWN_PACKAGE"),
                new Case(new InitiateRequest(phone, "hour-pay", good, null), Optional.empty(), "UNKNOWN_PACKAGE"), // inactive
                new Case(new InitiateRequest(phone, "day-pay", null, null), Optional.empty(), "INVALID_GATEWAY_CONTEXT"),
                new Case(new InitiateRequest(phone, "day-pay", new GatewayParams("nope", mac, null, null, null, null, null), null),
                        Optional.empty(), "INVALID_GATEWAY_CONTEXT"),
                new Case(new InitiateRequest(phone, "day-pay", new GatewayParams(w.gatewayId, "zz", null, null, null, null, null), null),
                        Optional.empty(), "INVALID_MAC"),
                new Case(new InitiateRequest(phone, "day-pay", new GatewayParams(w.gatewayId, mac, null, "http://evil.example/login",
                        null, null, null), null), Optional.empty(), "INVALID_GATEWAY_CONTEXT"),
                new Case(new InitiateRequest(phone, "day-pay", new GatewayParams(w.gatewayId, mac, null, null, null, "f9", null), null),
                        Optional.empty(), "INVALID_GATEWAY_CONTEXT"),
                new Case(new InitiateRequest(phone, "day-pay", good, "fr"), Optional.empty(), "INVALID_FIELD"),
                new Case(new InitiateRequest(phone, "day-pay", good, null), Optional.of("short"), "INVALID_FIELD"));
        for (Case c : cases) {
            ApiException e = assertThrows(ApiException.class, () -> w.initiation.initiate(c.request(), c.key(), w.deadline()), c.toString());
            assertEquals(List.of(400, c.code()), List.of(e.status(), e.code()), c.toString());
        }
        assertEquals(List.of(), purchasesOf(phone));
        assertEquals(0, w.daraja.requests(), "nothing reached Daraja");
        // The guards were never taken: a good request goes through at once.
        w.acceptPush();
        assertEquals(TransactionStatus.PENDING, w.initiation.initiate(w.request(phone, mac), Optional.empty(), w.deadline()).status());
    }

    @Test
    void inlineQueriesCompleteAFastPaymentAndGrantIt() {
        var w = world(InlinePolling.DEFAULTS);
        w.acceptPush();
        w.daraja.answer(200, DarajaServer.queryAnswer("\"4999\""));
        w.daraja.answer(200, DarajaServer.queryAnswer("\"0\""));
        PaymentAnswer answer = w.initiation.initiate(w.request(InitiationWorld.uniquePhone(), InitiationWorld.uniqueMac()),
                Optional.empty(), w.deadline());

        assertEquals(TransactionStatus.COMPLETED, answer.status());
        Transaction stored = w.world.transactions.find(answer.transactionId()).orElseThrow();
        assertEquals(List.of(PaymentSource.INLINE_POLL, true), List.of(stored.source(), stored.grantConfirmed()));
        assertEquals(86_400L, w.world.sessions.find(stored.deviceKey()).orElseThrow().appliedGrants().get(stored.transactionId()));
        assertEquals(Duration.ofSeconds(4), Duration.between(PaymentWorld.NOW, w.world.clock.instant()), "two pauses of 2 s");
        assertNull(answer.session(), "initiate never returns credentials: the status poll does, with the client token");
    }

    @Test
    void inlineQueryCloseCancelledAndAStillPendingAnswerAsksTwiceOnly() {
        var w = world(InlinePolling.DEFAULTS);
        w.acceptPush();
        w.daraja.answer(200, DarajaServer.queryAnswer("\"1032\""));
        PaymentAnswer cancelled = w.initiation.initiate(w.request(InitiationWorld.uniquePhone(), InitiationWorld.uniqueMac()),
                Optional.empty(), w.deadline());
        assertEquals(List.of(TransactionStatus.CANCELLED, "1032", "Umesitisha malipo."),
                List.of(cancelled.status(), cancelled.resultCode(), cancelled.message().sw()));

        w.acceptPush();
        w.daraja.answer(200, DarajaServer.queryAnswer("\"4999\""));
        w.daraja.answerEnvelope(500, "500.001.1001", "The transaction is being processed");
        int before = w.daraja.requests();
        PaymentAnswer pending = w.initiation.initiate(w.request(InitiationWorld.uniquePhone(), InitiationWorld.uniqueMac()),
                Optional.empty(), w.deadline());
        assertEquals(TransactionStatus.PENDING, pending.status());
        assertEquals(3, w.daraja.requests() - before, "one push, two queries");
    }

    @Test
    void inlineQueriesAreSkippedWithoutEightSecondsOfBudget() {
        var w = world(InlinePolling.DEFAULTS);
        w.acceptPush();
        PaymentAnswer answer = w.initiation.initiate(w.request(InitiationWorld.uniquePhone(), InitiationWorld.uniqueMac()),
                Optional.empty(), w.world.clock.instant().plusSeconds(9));
        assertEquals(TransactionStatus.PENDING, answer.status());
        assertEquals(2, w.daraja.requests(), "token and push, no query");
    }

    @Test
    void aRejectedPushFailsThePurchaseWithTheContractsErrorAndFreesThePhoneForARetry() {
        var w = world(NO_POLLING);
        String phone = InitiationWorld.uniquePhone();
        String mac = InitiationWorld.uniqueMac();
        w.token();
        w.daraja.answerEnvelope(500, "500.003.02", "Error Occurred: Spike Arrest Violation");
        ApiException busy = assertThrows(ApiException.class, () -> w.initiation.initiate(w.request(phone, mac), Optional.empty(), w.deadline()));
        assertEquals(List.of(503, "PAYMENT_PROVIDER_BUSY"), List.of(busy.status(), busy.code()));
        Transaction failed = purchasesOf(phone).getFirst();
        assertEquals(List.of(TransactionStatus.FAILED, "500.003.02", PaymentSource.PUSH),
                List.of(failed.status(), failed.resultCode(), failed.source()));
        assertEquals(ResultCodes.PROVIDER_DOWN, PaymentAnswer.of(failed).message());

        w.daraja.answerEnvelope(500, "500.001.1001", "Unable to lock subscriber, a transaction is already in process for the current subscriber");
        ApiException locked = assertThrows(ApiException.class, () -> w.initiation.initiate(w.request(phone, mac), Optional.empty(), w.deadline()));
        assertEquals(List.of(409, "PAYMENT_IN_PROGRESS"), List.of(locked.status(), locked.code()));

        w.acceptPush();
        assertEquals(TransactionStatus.PENDING, w.initiation.initiate(w.request(phone, mac), Optional.empty(), w.deadline()).status());
        assertEquals(3, purchasesOf(phone).size(), "every attempt is traceable");
    }

    @Test
    void aSecondPurchaseWhileOneIsPendingOnTheSameDeviceIsRefusedButAnotherDeviceMayBuy() {
        var w = world(NO_POLLING);
        String phone = InitiationWorld.uniquePhone();
        String mac = InitiationWorld.uniqueMac();
        w.acceptPush();
        PaymentAnswer first = w.initiation.initiate(w.request(phone, mac), Optional.empty(), w.deadline());
        ApiException again = assertThrows(ApiException.class, () -> w.initiation.initiate(w.request(phone, mac), Optional.empty(), w.deadline()));
        assertEquals(List.of(409, "PAYMENT_IN_PROGRESS"), List.of(again.status(), again.code()));

        w.acceptPush();
        assertEquals(TransactionStatus.PENDING,
                w.initiation.initiate(w.request(phone, InitiationWorld.uniqueMac()), Optional.empty(), w.deadline()).status());

        // Once the first purchase has an answer (cancelled here), the same device may try again at once.
        Transaction pending = w.world.transactions.find(first.transactionId()).orElseThrow();
        w.world.finalizer.finalize(pending, new PaymentResult("1032", "Request cancelled by user", null, PaymentSource.CALLBACK,
                w.world.clock.instant()), ResultCodes.Origin.CALLBACK);
        w.acceptPush();
        assertEquals(TransactionStatus.PENDING, w.initiation.initiate(w.request(phone, mac), Optional.empty(), w.deadline()).status());
    }

    @Test
    void concurrentPurchasesForOnePhoneAndDevicePushOnce() throws Exception {
        var w = world(NO_POLLING);
        String phone = InitiationWorld.uniquePhone();
        String mac = InitiationWorld.uniqueMac();
        w.acceptPush();
        List<String> outcomes = BarrierRace.race(8, i -> () -> {
            try {
                return w.initiation.initiate(w.request(phone, mac), Optional.empty(), w.deadline()).status().name();
            } catch (ApiException e) {
                return e.code();
            }
        });
        assertEquals(1, outcomes.stream().filter("PENDING"::equals).count(), outcomes.toString());
        assertEquals(7, outcomes.stream().filter("PAYMENT_IN_PROGRESS"::equals).count(), outcomes.toString());
        assertEquals(1, purchasesOf(phone).size());
        assertEquals(2, w.daraja.requests(), "one token, one push");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstPurchaseWithItsClientTokenAndNeverPushesTwice() throws Exception {
        var w = world(NO_POLLING);
        String phone = InitiationWorld.uniquePhone();
        String mac = InitiationWorld.uniqueMac();
        String key = "portal-" + System.nanoTime();
        w.acceptPush();
        List<PaymentAnswer> answers = BarrierRace.race(6, i -> () -> {
            for (int attempt = 0; ; attempt++) {
                try {
                    return w.initiation.initiate(w.request(phone, mac), Optional.of(key), w.deadline());
                } catch (ApiException stillRunning) {
                    // A replay that arrives while the first request is still writing is told to ask again.
                    if (!stillRunning.code().equals("PAYMENT_IN_PROGRESS") || attempt > 50) throw stillRunning;
                    Thread.sleep(20);
                }
            }
        });
        Set<String> ids = answers.stream().map(PaymentAnswer::transactionId).collect(Collectors.toSet());
        Set<String> tokens = answers.stream().map(PaymentAnswer::clientToken).collect(Collectors.toSet());
        assertEquals(1, ids.size(), answers.toString());
        assertEquals(1, tokens.size());
        Transaction stored = w.world.transactions.find(ids.iterator().next()).orElseThrow();
        assertTrue(ClientTokens.matches(tokens.iterator().next(), stored.clientTokenHash()));
        assertEquals(2, w.daraja.requests(), "one token, one push");
        assertEquals(1, purchasesOf(phone).size());

        // The same key for another purchase is refused; a replay later answers the purchase as it stands now.
        ApiException reused = assertThrows(ApiException.class, () -> w.initiation.initiate(
                w.request(phone, InitiationWorld.uniqueMac()), Optional.of(key), w.deadline()));
        assertEquals(List.of(409, "IDEMPOTENCY_KEY_REUSED"), List.of(reused.status(), reused.code()));
        w.world.finalizer.finalize(stored, new PaymentResult("1037", "DS timeout user cannot be reached", null, PaymentSource.CALLBACK,
                w.world.clock.instant()), ResultCodes.Origin.CALLBACK);
        PaymentAnswer later = w.initiation.initiate(w.request(phone, mac), Optional.of(key), w.deadline());
        assertEquals(List.of(stored.transactionId(), TransactionStatus.EXPIRED), List.of(later.transactionId(), later.status()));
        assertFalse(w.daraja.requests() > 2, "a replay never pushes");
    }
}
