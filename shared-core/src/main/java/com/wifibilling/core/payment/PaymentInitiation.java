package com.wifibilling.core.payment;

import com.wifibilling.core.Languages;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaException;
import com.wifibilling.core.daraja.QueryOutcome;
import com.wifibilling.core.daraja.StkPushAccepted;
import com.wifibilling.core.daraja.StkPushRequest;
import com.wifibilling.core.gateway.GatewayContext;
import com.wifibilling.core.gateway.GatewayStore;
import com.wifibilling.core.guard.Claim;
import com.wifibilling.core.guard.Guard;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.guard.GuardStore;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.pkg.PackageCatalog;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.session.DeviceKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/payment/initiate} (contracts/daraja.md §3 and §9, DESIGN §1): checks everything first (a 4xx
 * writes nothing), refuses a second unfinished purchase for one phone on one device, writes the pending
 * transaction <em>before</em> the STK Push so every attempt is traceable, pushes once (never retried: a push
 * whose answer was lost may already be on the phone), and then asks Daraja up to twice whether it already settled.
 *
 * <p>Guards (DESIGN §4): {@code idem#<Idempotency-Key>} names the first purchase for 24 h, so a replay answers
 * that purchase — as it stands now, with the same {@code clientToken} — and never pushes again;
 * {@code inflight#<phone>#<mac>} names the purchase that is still pending. Both are claimed by one conditional
 * write, so of two concurrent requests exactly one proceeds.
 */
public final class PaymentInitiation {
    /** DESIGN §3: "replays answer the first result for 24 h". */
    static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);
    /** A first request that has not written its transaction after this long died: its key may be used again. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);
    private static final char[] REFERENCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final int REFERENCE_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(PaymentInitiation.class);

    /** How the inline polling waits; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final PackageCatalog catalog;
    private final GatewayStore gateways;
    private final GuardStore guards;
    private final TransactionStore transactions;
    private final DarajaClient daraja;
    private final PaymentFinalizer finalizer;
    private final InitiationSettings settings;
    private final Pause pause;
    private final Metrics metrics;
    private final Clock clock;

    public PaymentInitiation(PackageCatalog catalog, GatewayStore gateways, GuardStore guards, TransactionStore transactions,
                             DarajaClient daraja, PaymentFinalizer finalizer, InitiationSettings settings, Pause pause,
                             Metrics metrics, Clock clock) {
        this.catalog = catalog;
        this.gateways = gateways;
        this.guards = guards;
        this.transactions = transactions;
        this.daraja = daraja;
        this.finalizer = finalizer;
        this.settings = settings;
        this.pause = pause;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Returns the purchase's answer with its {@code clientToken}: {@code pending} once the prompt is on its way,
     * or already final when an inline query found it settled. {@code deadline} is when the caller stops waiting
     * for the answer. Throws the 4xx of the first bad field; 409 {@code PAYMENT_IN_PROGRESS} while the phone has
     * an unfinished purchase on this device; the contract's 4xx/5xx when Daraja rejects the push (the
     * transaction is then recorded {@code failed}).
     */
    public PaymentAnswer initiate(InitiateRequest request, Optional<String> idempotencyKey, Instant deadline) {
        Checked checked = check(request, idempotencyKey);
        String transactionId = UUID.randomUUID().toString();
        if (checked.idempotencyKey().isPresent()) {
            Optional<PaymentAnswer> replay = claimIdempotencyKey(checked, transactionId);
            if (replay.isPresent()) return replay.get();
        }
        try {
            claimInflight(checked, transactionId);
        } catch (ApiException refused) {
            checked.idempotencyKey().ifPresent(key -> guards.release(GuardKeys.idempotency(key), transactionId));
            throw refused;
        }
        String clientToken = checked.idempotencyKey().map(key -> ClientTokens.derived(key, transactionId)).orElseGet(ClientTokens::random);
        Transaction pending = Transaction.pending(transactionId, checked.phone(), checked.timePackage().packageId(),
                Money.kes(checked.timePackage().priceKES()), checked.timePackage().durationSeconds(),
                new DeviceKey(checked.context().gateway().gatewayId(), checked.context().mac()), ClientTokens.hash(clientToken),
                checked.lang(), clock.instant(), Checkout.of(accountReference(), checked.context()));
        if (!transactions.create(pending)) throw new IllegalStateException("A fresh transactionId already exists");
        finalizer.countInitiated(pending);
        Transaction pushed = push(pending, checked);
        Transaction settled = pollInline(pushed, deadline);
        return PaymentAnswer.of(settled).withClientToken(clientToken);
    }

    private Checked check(InitiateRequest request, Optional<String> idempotencyKey) {
        if (request == null) throw ApiException.badRequest("INVALID_JSON", "The request body must be a JSON object");
        Optional<String> key = idempotencyKey.map(ClientTokens::checkedIdempotencyKey);
        Phone phone = Phone.parse(request.phone());
        if (request.packageId() == null || request.packageId().isBlank())
            throw ApiException.invalidField("packageId", "packageId is required");
        TimePackage timePackage = catalog.activePackage(request.packageId().strip()).orElseThrow(() ->
                ApiException.badRequest("UNKNOWN_PACKAGE", "There is no package " + printable(request.packageId()) + " on sale"));
        GatewayContext context = GatewayContext.of(request.gateway(), settings.defaultGatewayId(), gateways);
        return new Checked(key, phone, timePackage, context, Languages.requested(request.lang()));
    }

    /** Returns the replayed answer when the key already names a purchase; empty when this request now owns it. */
    private Optional<PaymentAnswer> claimIdempotencyKey(Checked checked, String transactionId) {
        String key = checked.idempotencyKey().orElseThrow();
        String guardKey = GuardKeys.idempotency(key);
        for (int attempt = 0; attempt < 2; attempt++) {
            Claim claim = guards.claim(guardKey, transactionId, clock.instant().plus(IDEMPOTENCY_TTL));
            if (!(claim instanceof Claim.TakenBy taken)) return Optional.empty();
            Optional<Transaction> first = transactions.find(taken.owner());
            if (first.isPresent()) return Optional.of(replay(first.get(), checked, key));
            Optional<Guard> guard = guards.find(guardKey);
            boolean abandoned = guard.isPresent() && guard.get().ttl() != null
                    && guard.get().ttl().minus(IDEMPOTENCY_TTL).plus(ABANDONED_AFTER).isBefore(clock.instant());
            if (!abandoned) throw ApiException.conflict("PAYMENT_IN_PROGRESS",
                    "The first request with this Idempotency-Key is still being processed; ask again in a moment");
            guards.release(guardKey, taken.owner()); // its request died before writing anything: start afresh
        }
        throw ApiException.conflict("PAYMENT_IN_PROGRESS", "Another request with this Idempotency-Key is being processed");
    }

    private PaymentAnswer replay(Transaction first, Checked checked, String key) {
        DeviceKey device = new DeviceKey(checked.context().gateway().gatewayId(), checked.context().mac());
        if (!first.phone().equals(checked.phone()) || !first.packageId().equals(checked.timePackage().packageId())
                || !first.deviceKey().equals(device))
            throw ApiException.conflict("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different purchase");
        Transaction current = finalizer.finishIfUnconfirmed(first).transaction();
        log.atInfo().addKeyValue("transactionId", first.transactionId()).log("payment.initiate-replayed");
        return PaymentAnswer.of(current).withClientToken(ClientTokens.derived(key, first.transactionId()));
    }

    /** Takes {@code inflight#<phone>#<mac>}; a guard whose purchase has finished (or never got written) is taken over. */
    private void claimInflight(Checked checked, String transactionId) {
        String key = GuardKeys.inflight(checked.phone(), checked.context().mac());
        for (int attempt = 0; attempt < 2; attempt++) {
            Claim claim = guards.claim(key, transactionId, clock.instant().plus(settings.inflightFor()));
            if (!(claim instanceof Claim.TakenBy taken)) return;
            Optional<Transaction> holder = transactions.find(taken.owner());
            boolean stillPending = holder.map(t -> t.status() == TransactionStatus.PENDING).orElse(false);
            boolean beingWritten = holder.isEmpty() && guards.find(key).map(g -> g.ttl() == null
                    || g.ttl().minus(settings.inflightFor()).plus(ABANDONED_AFTER).isAfter(clock.instant())).orElse(false);
            if (stillPending || beingWritten) throw ApiException.conflict("PAYMENT_IN_PROGRESS",
                    "A payment from this phone on this device is waiting for the M-Pesa PIN. Finish it, or wait for it to end");
            guards.release(key, taken.owner());
        }
        throw ApiException.conflict("PAYMENT_IN_PROGRESS", "Another payment from this phone on this device has just started");
    }

    /** Sends the push once; a rejection or silence closes the purchase as failed and answers the contract's error. */
    private Transaction push(Transaction pending, Checked checked) {
        var request = new StkPushRequest(checked.phone(), Money.kes(checked.timePackage().priceKES()), pending.checkout().accountReference(),
                StkPushRequest.transactionDescFor(checked.timePackage().name()), settings.callbackUrl());
        StkPushAccepted accepted;
        try {
            accepted = daraja.stkPush(request);
        } catch (DarajaException rejected) {
            String desc = rejected.errorMessage().map(PaymentInitiation::cut).orElse("No answer from M-Pesa");
            finalizer.failPush(pending, new PaymentResult(rejected.errorCode().orElse(null), desc, null, PaymentSource.PUSH, clock.instant()));
            guards.release(GuardKeys.inflight(checked.phone(), checked.context().mac()), pending.transactionId());
            log.atWarn().addKeyValue("transactionId", pending.transactionId()).addKeyValue("kind", rejected.kind().name())
                    .addKeyValue("errorCode", rejected.errorCode().orElse(null)).addKeyValue("requestId", rejected.requestId().orElse(null))
                    .addKeyValue("phone", checked.phone().masked()).log("payment.push-failed");
            throw rejected.toApiException();
        }
        if (!transactions.recordPush(pending.transactionId(), accepted.checkoutRequestId(), accepted.merchantRequestId()))
            throw new IllegalStateException("Transaction " + pending.transactionId() + " stopped being pending during its own push");
        metrics.count("PaymentInitiated");
        log.atInfo().addKeyValue("transactionId", pending.transactionId()).addKeyValue("packageId", pending.packageId())
                .addKeyValue("amount", pending.amount().shillings()).addKeyValue("gatewayId", pending.deviceKey().gatewayId())
                .addKeyValue("phone", checked.phone().masked()).log("payment.initiated");
        return pending.pushed(accepted.checkoutRequestId(), accepted.merchantRequestId()); // as stored: no read needed
    }

    /** The quick queries of §9: they mostly catch fast failures (a wrong PIN, a locked phone); never fatal. */
    private Transaction pollInline(Transaction pushed, Instant deadline) {
        Transaction current = pushed;
        InlinePolling polling = settings.inlinePolling();
        for (int query = 0; query < polling.queries() && current.status() == TransactionStatus.PENDING; query++) {
            if (Duration.between(clock.instant(), deadline).compareTo(polling.minBudget().plus(polling.pause())) < 0) break;
            try {
                pause.sleep(polling.pause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            QueryOutcome outcome;
            try {
                outcome = daraja.stkQuery(current.checkoutRequestId());
            } catch (DarajaException unanswered) {
                // A query error never finalizes (§5): the callback, a manual query or the sweeper will.
                log.atInfo().addKeyValue("transactionId", current.transactionId()).addKeyValue("kind", unanswered.kind().name())
                        .log("payment.inline-query-failed");
                break;
            }
            current = finalizer.finalize(current, outcome, PaymentSource.INLINE_POLL).transaction();
        }
        return current;
    }

    /** Returns a fresh AccountReference: 10 random {@code [A-Z0-9]} (§3), shown to the customer in the prompt. */
    static String accountReference() {
        char[] reference = new char[REFERENCE_LENGTH];
        for (int i = 0; i < reference.length; i++) reference[i] = REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)];
        return new String(reference);
    }

    private static String printable(String value) {
        String stripped = value.strip();
        return stripped.length() > 40 || !stripped.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? "(invalid id)" : "'" + stripped + "'";
    }

    private static String cut(String text) {
        return text.length() <= 256 ? text : text.substring(0, 256);
    }

    private record Checked(Optional<String> idempotencyKey, Phone phone, TimePackage timePackage, GatewayContext context, String lang) {}
}
