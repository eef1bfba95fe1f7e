package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.daraja.DarajaServer;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/payment/status} and {@code POST /api/payment/query} as {@link PaymentLookup} answers them
 * (contracts/daraja.md §9 "Timing", DESIGN §6): credentials only with the purchase's client token, a claimed but
 * unconfirmed grant finished before answering, one Daraja query per transaction per 10 s.
 */
@ExtendWith(DynaliteExtension.class)
class PaymentLookupTest {
    private final InitiationWorld w;

    PaymentLookupTest(TestTables tables) {
        w = new InitiationWorld(tables, new InlinePolling(0, Duration.ofSeconds(2), Duration.ofSeconds(8)));
    }

    @AfterEach
    void stop() {
        w.close();
    }

    private PaymentAnswer initiate() {
        w.acceptPush();
        return w.initiation.initiate(w.request(InitiationWorld.uniquePhone(), InitiationWorld.uniqueMac()), Optional.empty(), w.deadline());
    }

    private void complete(String transactionId, String receipt) {
        Transaction tx = w.world.transactions.find(transactionId).orElseThrow();
        w.world.finalizer.finalize(tx, new PaymentResult("0", "ok", receipt, PaymentSource.CALLBACK, w.world.clock.instant()),
                ResultCodes.Origin.CALLBACK);
    }

    @Test
    void onlyTheClientTokenSeesTheCredentialsAndTheLoginIsBuiltForTheCheckout() {
        PaymentAnswer first = initiate();
        complete(first.transactionId(), "LKP1LKP2LK");

        PaymentAnswer anonymous = w.lookup.status(first.transactionId(), Optional.empty());
        assertEquals(TransactionStatus.COMPLETED, anonymous.status());
        assertNull(anonymous.session());
        assertNull(anonymous.login());
        assertNull(anonymous.clientToken());

        PaymentAnswer owner = w.lookup.status(first.transactionId(), Optional.of(first.clientToken()));
        var session = w.world.sessions.find(w.world.transactions.find(first.transactionId()).orElseThrow().deviceKey()).orElseThrow();
        assertEquals(List.of(session.sessionId(), session.accessCode(), session.expiresAt(), "1 day"),
                List.of(owner.session().sessionId(), owner.session().accessCode(), owner.session().expiresAt(), owner.session().packageName()));
        assertEquals("redirect-get", owner.login().method());
        assertEquals("http://10.5.50.1/login", owner.login().url());
        assertEquals(session.sessionId(), owner.login().fields().get("username"));
        assertEquals(32, owner.login().fields().get("password").length(), "the checkout's CHAP challenge: an MD5 in hex");
        assertFalse(owner.login().fields().get("password").equals(session.radiusSecret()));
        assertEquals("https://portal.example.co.ke/online?gw=" + session.deviceKey().gatewayId() + "&mac="
                + java.net.URLEncoder.encode(session.deviceKey().mac().value(), java.nio.charset.StandardCharsets.UTF_8)
                + "&orig=http%3A%2F%2Fexample.com%2F", owner.login().fields().get("dst"));

        ApiException wrong = assertThrows(ApiException.class, () -> w.lookup.status(first.transactionId(), Optional.of("B".repeat(43))));
        assertEquals(List.of(403, "FORBIDDEN"), List.of(wrong.status(), wrong.code()));
    }

    @Test
    void aPendingPurchaseShowsNoCredentialsEvenWithItsToken() {
        PaymentAnswer first = initiate();
        PaymentAnswer pending = w.lookup.status(first.transactionId(), Optional.of(first.clientToken()));
        assertEquals(List.of(TransactionStatus.PENDING, ResultCodes.PROMPT_SENT), List.of(pending.status(), pending.message()));
        assertNull(pending.session());
    }

    @Test
    void statusFinishesAGrantClaimedButNeverAppliedBeforeAnswering() {
        PaymentAnswer first = initiate();
        // The processor crashed right after its claim: completed, no session yet.
        w.world.transactions.claim(first.transactionId(), new PaymentResult("0", "ok", "LKP3LKP4LK", PaymentSource.CALLBACK,
                w.world.clock.instant()));

        PaymentAnswer answer = w.lookup.status(first.transactionId(), Optional.of(first.clientToken()));

        assertEquals(TransactionStatus.COMPLETED, answer.status());
        assertTrue(answer.session() != null && answer.login() != null, "completed always comes with its session");
        assertTrue(w.world.transactions.find(first.transactionId()).orElseThrow().grantConfirmed());
    }

    @Test
    void aManualQueryFinalizesAndIsLimitedToOnePerTransactionPerTenSeconds() {
        PaymentAnswer first = initiate();
        w.daraja.answer(200, DarajaServer.queryAnswer("\"4999\""));
        assertEquals(TransactionStatus.PENDING, w.lookup.query(first.transactionId(), Optional.empty()).status());

        w.world.clock.advance(Duration.ofSeconds(4));
        ApiException limited = assertThrows(ApiException.class, () -> w.lookup.query(first.transactionId(), Optional.empty()));
        assertEquals(List.of(429, "RATE_LIMITED", "6"), List.of(limited.status(), limited.code(), limited.headers().get("Retry-After")));

        w.world.clock.advance(Duration.ofSeconds(6));
        w.daraja.answer(200, DarajaServer.queryAnswer("\"0\""));
        PaymentAnswer done = w.lookup.query(first.transactionId(), Optional.of(first.clientToken()));
        assertEquals(TransactionStatus.COMPLETED, done.status());
        assertTrue(done.session() != null, "the client token sees the credentials here too");
        assertEquals(PaymentSource.MANUAL_QUERY, w.world.transactions.find(first.transactionId()).orElseThrow().source());
        assertTrue(w.world.flushedMetrics().contains("ManualQueryFallback"));

        int asked = w.daraja.requests();
        assertEquals(TransactionStatus.COMPLETED, w.lookup.query(first.transactionId(), Optional.empty()).status());
        assertEquals(asked, w.daraja.requests(), "a final purchase is answered without asking Daraja");
    }

    @Test
    void aQueryErrorChangesNothingAndAnswersTheProvidersError() {
        PaymentAnswer first = initiate();
        w.daraja.answerEnvelope(500, "500.003.02", "System is busy. Please try again in few minutes.");
        ApiException busy = assertThrows(ApiException.class, () -> w.lookup.query(first.transactionId(), Optional.empty()));
        assertEquals(List.of(503, "PAYMENT_PROVIDER_BUSY"), List.of(busy.status(), busy.code()));
        assertEquals(TransactionStatus.PENDING, w.world.transactions.find(first.transactionId()).orElseThrow().status());
    }

    @Test
    void malformedAndUnknownIdsAreFourHundredAndFourHundredFour() {
        ApiException malformed = assertThrows(ApiException.class, () -> w.lookup.status("not an id!", Optional.empty()));
        assertEquals(List.of(400, "INVALID_FIELD"), List.of(malformed.status(), malformed.code()));
        ApiException unknown = assertThrows(ApiException.class, () -> w.lookup.query("9b1f0c9e-0000-4000-8000-000000000000", Optional.empty()));
        assertEquals(List.of(404, "NOT_FOUND"), List.of(unknown.status(), unknown.code()));
    }

    @Test
    void anAdminQueryOfAPurchaseWeExpiredThatMPesaSaysWasPaidCompletesItLateOnce() {
        PaymentAnswer first = initiate();
        // The sweeper gave up on it ("No result from M-Pesa"), but the money had been taken.
        Transaction pending = w.world.transactions.find(first.transactionId()).orElseThrow();
        w.world.finalizer.finalize(pending, new PaymentResult(null, "No result from M-Pesa", null, PaymentSource.SWEEPER,
                w.world.clock.instant()), ResultCodes.Origin.QUERY);
        assertEquals(TransactionStatus.EXPIRED, w.world.transactions.find(first.transactionId()).orElseThrow().status());

        w.daraja.answer(200, DarajaServer.queryAnswer("\"0\""));
        PaymentLookup.AdminQuery late = w.lookup.adminQuery(first.transactionId());
        assertTrue(late.asked());
        assertEquals(TransactionStatus.COMPLETED, late.transaction().status(), late.message());
        Transaction stored = w.world.transactions.find(first.transactionId()).orElseThrow();
        assertTrue(stored.grantConfirmed(), "the time was granted");
        assertTrue(w.world.sessions.find(stored.deviceKey()).isPresent());

        int asked = w.daraja.requests();
        w.world.clock.advance(Duration.ofSeconds(11));
        PaymentLookup.AdminQuery again = w.lookup.adminQuery(first.transactionId());
        assertFalse(again.asked(), "a completed purchase is not asked about again");
        assertEquals(asked, w.daraja.requests());
        assertTrue(again.message().startsWith("Already completed"), again.message());
    }

    @Test
    void anAdminQueryOfAnUnpaidClosedPurchaseChangesNothingAndSharesTheTenSecondSlot() {
        PaymentAnswer first = initiate();
        w.daraja.answer(200, DarajaServer.queryAnswer("\"1032\""));
        PaymentLookup.AdminQuery cancelled = w.lookup.adminQuery(first.transactionId());
        assertEquals(List.of(true, TransactionStatus.CANCELLED), List.of(cancelled.asked(), cancelled.transaction().status()));
        assertTrue(cancelled.message().contains("1032"), cancelled.message());

        int asked = w.daraja.requests();
        assertEquals(TransactionStatus.CANCELLED, w.lookup.query(first.transactionId(), Optional.empty()).status(),
                "the portal's query of a closed purchase answers from the table");
        ApiException limited = assertThrows(ApiException.class, () -> w.lookup.adminQuery(first.transactionId()));
        assertEquals(List.of(429, "RATE_LIMITED"), List.of(limited.status(), limited.code()));
        assertEquals(asked, w.daraja.requests(), "neither asked Daraja within the 10 s");

        w.world.clock.advance(Duration.ofSeconds(10));
        w.daraja.answer(200, DarajaServer.queryAnswer("\"1032\""));
        PaymentLookup.AdminQuery stillNot = w.lookup.adminQuery(first.transactionId());
        assertEquals(List.of(true, TransactionStatus.CANCELLED), List.of(stillNot.asked(), stillNot.transaction().status()));
        assertTrue(stillNot.message().contains("nothing changed"), stillNot.message());
        assertFalse(w.world.transactions.find(first.transactionId()).orElseThrow().grantConfirmed());
    }
}
