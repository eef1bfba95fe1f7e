package com.wifibilling.core.payment;

import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaException;
import com.wifibilling.core.daraja.QueryOutcome;
import com.wifibilling.core.guard.Claim;
import com.wifibilling.core.guard.Guard;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.guard.GuardStore;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's two questions about a purchase (contracts/daraja.md §9 "Timing"):
 * {@code GET /api/payment/status} reads our table only — never Daraja — and {@code POST /api/payment/query} asks
 * Daraja now (at most once per transaction per 10 s) and finalizes what it answers through the same path as the
 * callback. Both finish a grant they find claimed but unconfirmed before answering, so nobody sees
 * {@code completed} without a session; both return credentials only with the purchase's {@code X-Client-Token}.
 */
public final class PaymentLookup {
    /** §9: "≤ 1 Daraja query per transaction per 10 s". */
    static final Duration QUERY_INTERVAL = Duration.ofSeconds(10);
    private static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(PaymentLookup.class);

    private final TransactionStore transactions;
    private final PaymentFinalizer finalizer;
    private final PurchaseCredentials credentials;
    private final GuardStore guards;
    private final DarajaClient daraja;
    private final Metrics metrics;
    private final Clock clock;

    public PaymentLookup(TransactionStore transactions, PaymentFinalizer finalizer, PurchaseCredentials credentials,
                         GuardStore guards, DarajaClient daraja, Metrics metrics, Clock clock) {
        this.transactions = transactions;
        this.finalizer = finalizer;
        this.credentials = credentials;
        this.guards = guards;
        this.daraja = daraja;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Returns the purchase's status; with its {@code clientToken}, once completed, also its session and login.
     * 400 for a malformed id, 404 {@code NOT_FOUND} for an unknown one, 403 {@code FORBIDDEN} for a token that is
     * not this purchase's.
     */
    public PaymentAnswer status(String transactionId, Optional<String> clientToken) {
        Transaction transaction = current(find(transactionId));
        return answer(transaction, checkToken(transaction, clientToken));
    }

    /**
     * Returns the purchase after asking Daraja about it now (pending purchases only; a final one is answered as
     * it stands, and one whose push was never accepted cannot be asked). 429 {@code RATE_LIMITED} with
     * {@code Retry-After} within 10 s of the last query of this transaction; a Daraja error answers the contract's
     * 502/503 and changes nothing (§5: a query error never finalizes).
     */
    public PaymentAnswer query(String transactionId, Optional<String> clientToken) {
        Transaction transaction = current(find(transactionId));
        boolean owner = checkToken(transaction, clientToken); // before asking Daraja: a wrong token is 403 and asks nothing
        if (transaction.status() != TransactionStatus.PENDING || transaction.checkoutRequestId() == null)
            return answer(transaction, owner);
        QueryOutcome outcome = askDaraja(transaction, "payment.manual-query-failed");
        PaymentFinalizer.Finalized done = finalizer.finalize(transaction, outcome, PaymentSource.MANUAL_QUERY);
        if (done.decidedHere()) metrics.count("ManualQueryFallback");
        return answer(done.transaction(), owner);
    }

    /** What an admin's manual query did: the purchase as it stands after it, whether Daraja was asked, and why not. */
    public record AdminQuery(Transaction transaction, boolean asked, String message) {}

    /**
     * Returns the purchase after an admin asked Daraja about it (issue: "a user who paid and gets no internet"):
     * a pending one is finalized as the portal's query would; one that ended without a grant (our expiry, a
     * cancel or failure code) and whose push M-Pesa accepted is asked too, and a paid answer completes it late
     * (contracts/daraja.md §9: money taken is always honoured). Completed purchases and pushes M-Pesa refused are
     * not asked. The same 10 s slot as the portal's query; Daraja errors answer 502/503 and change nothing.
     */
    public AdminQuery adminQuery(String transactionId) {
        Transaction transaction = current(find(transactionId));
        if (transaction.status() == TransactionStatus.COMPLETED)
            return new AdminQuery(transaction, false, "Already completed: the time was granted" + (transaction.receipt() == null ? "" : " (receipt " + transaction.receipt() + ")"));
        if (transaction.checkoutRequestId() == null)
            return new AdminQuery(transaction, false, "M-Pesa never accepted this push, so there is nothing to ask about");
        QueryOutcome outcome = askDaraja(transaction, "payment.admin-query-failed");
        if (transaction.status() == TransactionStatus.PENDING) {
            PaymentFinalizer.Finalized done = finalizer.finalize(transaction, outcome, PaymentSource.MANUAL_QUERY);
            if (done.decidedHere()) metrics.count("ManualQueryFallback");
            return new AdminQuery(done.transaction(), true, describe(outcome, done.transaction()));
        }
        if (outcome instanceof QueryOutcome.Completed paid) {
            PaymentFinalizer.Finalized done = finalizer.completeLate(transaction,
                    new PaymentResult("0", paid.resultDesc(), null, PaymentSource.MANUAL_QUERY, clock.instant()));
            log.atInfo().addKeyValue("transactionId", transaction.transactionId()).log("payment.admin-query-late-success");
            return new AdminQuery(done.transaction(), true, "M-Pesa says it was paid: completed late and the time granted");
        }
        return new AdminQuery(transaction, true, "M-Pesa confirms it was not paid (" + describe(outcome, transaction) + "); nothing changed");
    }

    /** Takes the transaction's 10 s query slot, then asks Daraja; an error is logged as {@code event} and answered 502/503. */
    private QueryOutcome askDaraja(Transaction transaction, String event) {
        takeQuerySlot(transaction.transactionId());
        try {
            return daraja.stkQuery(transaction.checkoutRequestId());
        } catch (DarajaException unanswered) {
            log.atWarn().addKeyValue("transactionId", transaction.transactionId()).addKeyValue("kind", unanswered.kind().name())
                    .addKeyValue("errorCode", unanswered.errorCode().orElse(null)).log(event);
            throw unanswered.toApiException();
        }
    }

    private static String describe(QueryOutcome outcome, Transaction after) {
        return switch (outcome) {
            case QueryOutcome.Completed c -> "M-Pesa says it was paid: " + after.status().name().toLowerCase(Locale.ROOT);
            case QueryOutcome.Final f -> "M-Pesa answered " + f.resultCode() + " " + f.resultDesc();
            case QueryOutcome.Pending p -> "M-Pesa has no final answer yet; ask again in a few seconds";
        };
    }

    private PaymentAnswer answer(Transaction transaction, boolean owner) {
        PaymentAnswer answer = PaymentAnswer.of(transaction);
        return owner ? credentials.attach(answer, transaction) : answer;
    }

    /** Returns true when a token was presented and is this purchase's; 403 when one was presented and is not. */
    private static boolean checkToken(Transaction transaction, Optional<String> clientToken) {
        if (clientToken.isEmpty()) return false;
        if (!ClientTokens.matches(clientToken.get().strip(), transaction.clientTokenHash()))
            throw ApiException.forbidden("This client token does not belong to this purchase");
        return true;
    }

    private Transaction find(String transactionId) {
        if (transactionId == null || !TRANSACTION_ID.matcher(transactionId).matches())
            throw ApiException.invalidField("transactionId", "transactionId is the id initiate answered");
        return transactions.find(transactionId).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "There is no such purchase"));
    }

    /** Finishes a claimed-but-unconfirmed grant first (DESIGN §4), so completed always comes with its session. */
    private Transaction current(Transaction transaction) {
        return finalizer.finishIfUnconfirmed(transaction).transaction();
    }

    private void takeQuerySlot(String transactionId) {
        String key = GuardKeys.query(transactionId);
        Instant now = clock.instant();
        Claim claim = guards.claim(key, UUID.randomUUID().toString(), now.plus(QUERY_INTERVAL));
        if (claim instanceof Claim.TakenBy) {
            long seconds = guards.find(key).map(Guard::ttl).map(until -> (Duration.between(now, until).toMillis() + 999) / 1000).orElse(1L);
            throw ApiException.rateLimited("RATE_LIMITED", "This payment was checked with M-Pesa moments ago; try again shortly",
                    Math.max(1, seconds));
        }
    }
}
