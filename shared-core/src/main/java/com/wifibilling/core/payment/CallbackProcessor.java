package com.wifibilling.core.payment;

import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaException;
import com.wifibilling.core.daraja.InvalidCallbackException;
import com.wifibilling.core.daraja.QueryOutcome;
import com.wifibilling.core.daraja.StkCallback;
import com.wifibilling.core.guard.Claim;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.guard.GuardStore;
import com.wifibilling.core.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SQS-triggered processor does with one queued callback: contracts/daraja.md §4.3, rule by rule and in
 * that order. Callbacks are not signed (§4.2), so a success grants only when the MerchantRequestID, amount, phone
 * and receipt all check out against the transaction and the receipt guards no other transaction; anything off is
 * recorded as suspicious and one STK Query decides instead. Every final answer goes through
 * {@link PaymentFinalizer}, so duplicates, redelivery and racing paths change a payment once.
 * A success for a transaction already failed, cancelled or expired is honoured late (§9).
 */
public final class CallbackProcessor {
    /** §4.3 rule 1: an unknown checkout is retried, and on this receive recorded and acknowledged (below the DLQ's 5). */
    public static final int UNKNOWN_CHECKOUT_RECEIVES = 3;
    private static final Pattern RECEIPT = Pattern.compile("^[A-Z0-9]{10}$");
    private static final Logger log = LoggerFactory.getLogger(CallbackProcessor.class);

    /** §4.3 rule 4, setting {@code DARAJA_VERIFY_CALLBACK_BY_QUERY}. */
    public enum Verify {
        /** Query only when a success callback does not check out (the default). */
        ON_MISMATCH,
        /** Confirm every success callback by a query {@code "0"} before granting. */
        ALWAYS;

        /** Returns the setting for {@code on-mismatch} or {@code always}; anything else throws. */
        public static Verify parse(String value) {
            return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
                case "on-mismatch" -> ON_MISMATCH;
                case "always" -> ALWAYS;
                default -> throw new IllegalArgumentException("DARAJA_VERIFY_CALLBACK_BY_QUERY must be on-mismatch or always, not " + value);
            };
        }
    }

    /** What to tell SQS about the message. */
    public enum Outcome {
        /** Done with it (processed, a duplicate, or recorded as suspicious): delete it. */
        ACKNOWLEDGED,
        /** Not yet: report it as a batch item failure so SQS delivers it again. */
        RETRY
    }

    private final TransactionStore transactions;
    private final GuardStore guards;
    private final DarajaClient daraja;
    private final PaymentFinalizer finalizer;
    private final SuspiciousCallbacks suspicious;
    private final Metrics metrics;
    private final Clock clock;
    private final Verify verify;

    public CallbackProcessor(TransactionStore transactions, GuardStore guards, DarajaClient daraja, PaymentFinalizer finalizer,
                             SuspiciousCallbacks suspicious, Metrics metrics, Clock clock, Verify verify) {
        this.transactions = transactions;
        this.guards = guards;
        this.daraja = daraja;
        this.finalizer = finalizer;
        this.suspicious = suspicious;
        this.metrics = metrics;
        this.clock = clock;
        this.verify = verify;
    }

    /**
     * Returns whether SQS may delete the message, after applying §4.3 to {@code received}, the
     * {@code receiveCount}-th delivery of it. Failures of our own stores propagate (SQS redelivers; each step is
     * safe to repeat).
     */
    public Outcome process(ReceivedCallback received, int receiveCount) {
        StkCallback callback;
        try {
            callback = StkCallback.parse(received.body());
        } catch (InvalidCallbackException e) { // the intake checked it; a message put on the queue by hand may not be
            suspicious.record("MALFORMED", null, null, Map.of("problem", e.getMessage()));
            return Outcome.ACKNOWLEDGED;
        }
        Optional<Transaction> found = transactions.findByCheckoutRequestId(callback.checkoutRequestId());
        if (found.isEmpty()) return unknownCheckout(callback, received, receiveCount);
        Transaction transaction = found.get();
        metrics.milliseconds("CallbackLatencyMs", Math.max(0, Duration.between(received.receivedAt(), clock.instant()).toMillis()));
        if (!callback.merchantRequestId().equals(transaction.merchantRequestId())) {
            suspicious.record("MERCHANT_ID_MISMATCH", callback.checkoutRequestId(), transaction.transactionId(),
                    Map.of("merchantRequestId", callback.merchantRequestId(), "resultCode", callback.resultCode()));
            return Outcome.ACKNOWLEDGED;
        }
        switch (transaction.status()) {
            case PENDING -> pending(transaction, callback, received.receivedAt());
            case COMPLETED -> completed(transaction, callback);
            case CANCELLED, EXPIRED, FAILED -> closed(transaction, callback, received.receivedAt());
        }
        return Outcome.ACKNOWLEDGED;
    }

    private Outcome unknownCheckout(StkCallback callback, ReceivedCallback received, int receiveCount) {
        if (receiveCount < UNKNOWN_CHECKOUT_RECEIVES) {
            // The push's response may still be being written (§4.3 rule 1): let SQS deliver it again.
            log.atInfo().addKeyValue("checkoutRequestId", callback.checkoutRequestId()).addKeyValue("receiveCount", receiveCount)
                    .log("payment.callback.unknown-checkout-retry");
            return Outcome.RETRY;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("merchantRequestId", callback.merchantRequestId());
        values.put("resultCode", callback.resultCode());
        if (callback.paid()) values.put("body", received.body()); // may be real money: kept whole for reconciling
        suspicious.record("UNKNOWN_CHECKOUT", callback.checkoutRequestId(), null, values);
        return Outcome.ACKNOWLEDGED;
    }

    /** §4.3 rules 3–5 for a transaction still waiting for its answer. */
    private void pending(Transaction transaction, StkCallback callback, Instant receivedAt) {
        if (!callback.paid()) {
            finalizer.finalize(transaction, result(callback, null, receivedAt), ResultCodes.Origin.CALLBACK);
            return;
        }
        Optional<Doubt> doubt = check(transaction, callback);
        if (doubt.isPresent()) {
            recordDoubt(transaction, callback, doubt.get());
            queryInstead(transaction);
            return;
        }
        String receipt = callback.metadata().receipt().orElseThrow();
        if (verify == Verify.ALWAYS) {
            QueryOutcome confirmed = query(transaction).orElse(null);
            if (confirmed instanceof QueryOutcome.Completed) {
                honour(transaction, result(callback, receipt, receivedAt));
            } else if (confirmed instanceof QueryOutcome.Final) {
                finalizer.finalize(transaction, confirmed, PaymentSource.CALLBACK);
            }
            return; // pending or no answer: the sweeper asks again
        }
        honour(transaction, result(callback, receipt, receivedAt));
    }

    /**
     * Completes a payment whose money was taken; when another path closed it in the meantime (the sweeper's
     * expiry, a query's failure), it is honoured as a late success instead (§9: money taken is always honoured).
     */
    private void honour(Transaction transaction, PaymentResult paid) {
        var done = finalizer.finalize(transaction, paid, ResultCodes.Origin.CALLBACK);
        if (done.transaction().status().isClosedWithoutGrant()) finalizer.completeLate(done.transaction(), paid);
    }

    /**
     * §9 "completed → completed": a missing receipt may be filled once by a valid success; a different receipt
     * or a failure code is {@code CONFLICTING_RESULT}; the same receipt is a duplicate. Either way a grant left
     * unconfirmed is finished before acknowledging (DESIGN §4).
     */
    private void completed(Transaction transaction, StkCallback callback) {
        if (!callback.paid()) {
            recordConflict(transaction, callback);
        } else if (transaction.receipt() == null) {
            Optional<Doubt> doubt = check(transaction, callback);
            if (doubt.isPresent()) {
                recordDoubt(transaction, callback, doubt.get());
            } else if (transactions.recordReceipt(transaction.transactionId(), callback.metadata().receipt().orElseThrow())) {
                log.atInfo().addKeyValue("transactionId", transaction.transactionId()).log("payment.callback.receipt-recorded");
            }
        } else if (!transaction.receipt().equals(callback.metadata().receipt().orElse(null))) {
            recordConflict(transaction, callback);
        } else {
            log.atInfo().addKeyValue("transactionId", transaction.transactionId()).log("payment.callback.duplicate");
        }
        finalizer.finishIfUnconfirmed(transaction);
    }

    /**
     * §9: a closed transaction stays closed, except for a late success: money taken is always honoured. A success
     * that checks out (confirmed by a query {@code "0"} when the setting says {@code always}), or a doubtful one a
     * query confirms, completes it late; anything else is a duplicate.
     */
    private void closed(Transaction transaction, StkCallback callback, Instant receivedAt) {
        if (!callback.paid()) {
            log.atInfo().addKeyValue("transactionId", transaction.transactionId()).log("payment.callback.duplicate");
            return;
        }
        Optional<Doubt> doubt = check(transaction, callback);
        if (doubt.isPresent()) {
            recordDoubt(transaction, callback, doubt.get());
            if (query(transaction).orElse(null) instanceof QueryOutcome.Completed confirmed)
                finalizer.completeLate(transaction, new PaymentResult("0", confirmed.resultDesc(), null, PaymentSource.CALLBACK, clock.instant()));
            return;
        }
        if (verify == Verify.ALWAYS && !(query(transaction).orElse(null) instanceof QueryOutcome.Completed)) return;
        finalizer.completeLate(transaction, result(callback, callback.metadata().receipt().orElseThrow(), receivedAt));
    }

    /**
     * Returns what is doubtful about a success callback (§4.3 rule 3), checked in the contract's order, the
     * receipt's guard last because it writes; empty when it checks out and the receipt now guards this transaction.
     */
    private Optional<Doubt> check(Transaction transaction, StkCallback callback) {
        StkCallback.Metadata metadata = callback.metadata();
        if (!metadata.amountIs(transaction.amount()))
            return Optional.of(new Doubt("AMOUNT_MISMATCH", "amount", metadata.amount().map(Object::toString).orElse("")));
        if (!metadata.phone().map(transaction.phone()::equals).orElse(false))
            return Optional.of(new Doubt("PHONE_MISMATCH", "phone", metadata.phone().map(p -> p.msisdn()).orElse("")));
        String receipt = metadata.receipt().orElse("");
        if (!RECEIPT.matcher(receipt).matches()) return Optional.of(new Doubt("RECEIPT_INVALID", "receipt", receipt));
        Claim guard = guards.claim(GuardKeys.receipt(receipt), transaction.transactionId());
        if (!guard.held()) return Optional.of(new Doubt("RECEIPT_REUSED", "receipt", receipt));
        return Optional.empty();
    }

    private void recordDoubt(Transaction transaction, StkCallback callback, Doubt doubt) {
        suspicious.record(doubt.reason(), callback.checkoutRequestId(), transaction.transactionId(), Map.of(doubt.field(), doubt.value()));
    }

    private void recordConflict(Transaction transaction, StkCallback callback) {
        suspicious.record("CONFLICTING_RESULT", callback.checkoutRequestId(), transaction.transactionId(),
                Map.of("resultCode", callback.resultCode(), "receipt", callback.metadata().receipt().orElse("")));
    }

    /**
     * §4.3 rule 3: no grant from a doubtful callback; one STK Query decides. {@code "0"} completes with no receipt
     * (the doubtful one stays only in the anomaly), a final code closes, pending is left for the sweeper.
     */
    private void queryInstead(Transaction transaction) {
        Optional<QueryOutcome> outcome = query(transaction);
        if (outcome.orElse(null) instanceof QueryOutcome.Completed paid) {
            honour(transaction, new PaymentResult("0", paid.resultDesc(), null, PaymentSource.CALLBACK, clock.instant()));
        } else {
            outcome.ifPresent(answer -> finalizer.finalize(transaction, answer, PaymentSource.CALLBACK));
        }
    }

    /** Returns the query's answer; empty after an error, which never finalizes (§5): the sweeper asks again. */
    private Optional<QueryOutcome> query(Transaction transaction) {
        try {
            return Optional.of(daraja.stkQuery(transaction.checkoutRequestId()));
        } catch (DarajaException e) {
            log.atWarn().addKeyValue("transactionId", transaction.transactionId()).addKeyValue("kind", e.kind().name())
                    .addKeyValue("errorCode", e.errorCode().orElse(null)).log("payment.callback.query-failed");
            return Optional.empty();
        }
    }

    /**
     * Returns the callback's result as of when it reached our API (not when the queue delivered it): that is when
     * M-Pesa told us, so {@code completedAt} and {@code PayToActiveMs} count the queue wait too. A delivery that
     * came before the clock's reading of now (clock skew between functions) counts from now.
     */
    private PaymentResult result(StkCallback callback, String receipt, Instant receivedAt) {
        Instant now = clock.instant();
        Instant at = receivedAt.isAfter(now) ? now : receivedAt;
        return new PaymentResult(callback.resultCode(), callback.resultDesc(), receipt, PaymentSource.CALLBACK, at);
    }

    /** A failed §4.3 check: its reason and the doubtful value, for the anomaly. */
    private record Doubt(String reason, String field, String value) {}
}
