package com.wifibilling.core.payment;

import com.wifibilling.core.Languages;
import com.wifibilling.core.Phone;
import com.wifibilling.core.gateway.GatewayContext;
import com.wifibilling.core.gateway.GatewayStore;
import com.wifibilling.core.gateway.LoginBuilder;
import com.wifibilling.core.guard.AttemptLimit;
import com.wifibilling.core.guard.AttemptLimiter;
import com.wifibilling.core.guard.Guard;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.guard.GuardStore;
import com.wifibilling.core.guard.RollingCount;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GrantClaim;
import com.wifibilling.core.session.GrantPublisher;
import com.wifibilling.core.session.GrantResult;
import com.wifibilling.core.session.GrantService;
import com.wifibilling.core.session.MoveAway;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionMoveSource;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.session.SessionStore;
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
 * {@code POST /api/payment/claim}, "I paid but I'm not online" (DESIGN §6, contracts/gateways.md §2.1): the M-Pesa
 * receipt and the phone that paid prove a completed purchase. From the device that holds its time the answer is
 * the session and a fresh {@code login}; from another device (phones randomise MACs) only with {@code move: true},
 * which moves the remaining time here through the grant of DESIGN §4 (the old session claimed
 * {@code active → moved}, the time applied here, the old device disconnected), at most
 * {@value #MAX_MOVES} times per purchase in a rolling 24 h.
 *
 * <p>Guessing is locked out (DESIGN §6 "Lockouts"): a claim that matches no completed purchase counts against the
 * asking device (gateway + MAC) and against the receipt, {@link AttemptLimit#CLAIM_DEVICE} and
 * {@link AttemptLimit#CLAIM_RECEIPT}; an unknown receipt and a wrong phone get the same answer.
 */
public final class ReceiptClaims {
    /** DESIGN §6: "at most 3 moves per session per rolling 24 h" — counted per purchase, so a move's new session does not reset it. */
    static final int MAX_MOVES = 3;
    static final Duration MOVE_WINDOW = Duration.ofHours(24);
    /** A purchase's time moved more often than this in its whole life is a loop, not a user. */
    private static final int MAX_HOPS = 64;
    private static final Pattern RECEIPT = Pattern.compile("[A-Z0-9]{10}");
    private static final Logger log = LoggerFactory.getLogger(ReceiptClaims.class);

    private final GuardStore guards;
    private final TransactionStore transactions;
    private final SessionStore sessions;
    private final GatewayStore gateways;
    private final GrantService grants;
    private final GrantPublisher publisher;
    private final PaymentFinalizer finalizer;
    private final AttemptLimiter limiter;
    private final LoginBuilder logins;
    private final String defaultGatewayId;
    private final Clock clock;

    public ReceiptClaims(GuardStore guards, TransactionStore transactions, SessionStore sessions, GatewayStore gateways,
                         GrantService grants, GrantPublisher publisher, PaymentFinalizer finalizer, AttemptLimiter limiter,
                         LoginBuilder logins, String defaultGatewayId, Clock clock) {
        this.guards = guards;
        this.transactions = transactions;
        this.sessions = sessions;
        this.gateways = gateways;
        this.grants = grants;
        this.publisher = publisher;
        this.finalizer = finalizer;
        this.limiter = limiter;
        this.logins = logins;
        this.defaultGatewayId = defaultGatewayId;
        this.clock = clock;
    }

    /**
     * Returns the purchase's session and login for the asking device. 400 for bad fields; 429 {@code RATE_LIMITED}
     * while the device or the receipt is locked out; 404 {@code NOT_FOUND} when no completed purchase has that
     * receipt and phone; 404 {@code NO_ACTIVE_SESSION} when its time has run out; 409
     * {@code VOUCHER_ALREADY_USED} when another device holds it and {@code move} is not true; 429
     * {@code MOVE_LIMIT_REACHED} after {@value #MAX_MOVES} moves in 24 h.
     */
    public ClaimAnswer claim(ReceiptClaimRequest request) {
        if (request == null) throw ApiException.badRequest("INVALID_JSON", "The request body must be a JSON object");
        String receipt = receipt(request.receipt());
        Phone phone = Phone.parse(request.phone());
        GatewayContext context = GatewayContext.of(request.gateway(), defaultGatewayId, gateways);
        String lang = Languages.requested(request.lang());
        DeviceKey asking = new DeviceKey(context.gateway().gatewayId(), context.mac());
        limiter.check(AttemptLimit.CLAIM_DEVICE.kind(), asking.value());
        limiter.check(AttemptLimit.CLAIM_RECEIPT.kind(), receipt);

        Transaction purchase = guards.find(GuardKeys.receipt(receipt)).map(Guard::owner).flatMap(transactions::find)
                .filter(t -> t.status() == TransactionStatus.COMPLETED && t.phone().equals(phone))
                .orElseThrow(() -> noSuchPurchase(asking, receipt));
        purchase = finalizer.finishIfUnconfirmed(purchase).transaction();
        Session holder = holder(purchase, lang).orElseThrow(() -> ApiException.notFound("NO_ACTIVE_SESSION",
                "The time bought with this payment has run out"));
        if (holder.deviceKey().equals(asking)) return answer(purchase, holder, context, false);
        if (!Boolean.TRUE.equals(request.move()))
            throw ApiException.conflict("VOUCHER_ALREADY_USED",
                    "This payment's time is on another device. Ask again with move: true to move it to this device");
        return answer(purchase, move(purchase, holder, asking, lang), context, true);
    }

    private Session move(Transaction purchase, Session holder, DeviceKey to, String lang) {
        Instant now = clock.instant();
        long seconds = Duration.between(now, holder.expiresAt()).toSeconds();
        if (seconds < 1) throw ApiException.notFound("NO_ACTIVE_SESSION", "The time bought with this payment has run out");
        RollingCount moves = guards.appendTimestamp(GuardKeys.move(purchase.transactionId()), now, now.minus(MOVE_WINDOW), MAX_MOVES);
        if (!moves.appended()) throw new ApiException(429, "MOVE_LIMIT_REACHED",
                "This payment's time has moved " + MAX_MOVES + " times in 24 hours; it stays on the device that has it");
        var source = new SessionMoveSource(sessions, publisher, holder, new MoveAway("move-" + UUID.randomUUID(), to, seconds, now, false));
        GrantResult result = grants.grant(source.grant(lang), source);
        if (result.claim() == GrantClaim.REFUSED || result.granted().isEmpty())
            throw ApiException.conflict("VOUCHER_ALREADY_USED", "This time was moved by another request a moment ago");
        log.atInfo().addKeyValue("transactionId", purchase.transactionId()).addKeyValue("from", holder.deviceKey().value())
                .addKeyValue("to", to.value()).addKeyValue("seconds", seconds).log("payment.claim-moved");
        return result.granted().get();
    }

    /**
     * Returns the live session that holds the purchase's time now: its own device's, or — after moves — the one
     * the chain of {@link MoveAway}s leads to, finishing any move found claimed but unconfirmed on the way.
     */
    private Optional<Session> holder(Transaction purchase, String lang) {
        DeviceKey at = purchase.deviceKey();
        String grantId = purchase.grantId();
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            String expected = grantId;
            Optional<Session> found = sessions.find(at).filter(s -> s.appliedGrants().containsKey(expected));
            if (found.isEmpty()) return Optional.empty();
            Session session = found.get();
            if (session.status() != SessionStatus.MOVED) return Optional.of(session).filter(s -> s.isActiveAt(clock.instant()));
            MoveAway move = session.movedTo();
            if (!move.confirmed()) {
                var source = new SessionMoveSource(sessions, publisher, session, move);
                grants.finishUnconfirmed(source.grant(lang), source);
            }
            at = move.to();
            grantId = move.moveId();
        }
        throw new IllegalStateException("Purchase " + purchase.transactionId() + " moved more than " + MAX_HOPS + " times");
    }

    private ClaimAnswer answer(Transaction purchase, Session session, GatewayContext context, boolean moved) {
        return new ClaimAnswer(purchase.transactionId(), moved, PaymentAnswer.SessionView.of(session), logins.build(session, context));
    }

    private ApiException noSuchPurchase(DeviceKey asking, String receipt) {
        limiter.recordFailure(AttemptLimit.CLAIM_DEVICE.kind(), asking.value());
        limiter.recordFailure(AttemptLimit.CLAIM_RECEIPT.kind(), receipt);
        return ApiException.notFound("NOT_FOUND", "No completed M-Pesa payment has this receipt and phone number");
    }

    /** The receipt as M-Pesa prints it: 10 letters and digits, any case, spaces ignored. */
    private static String receipt(String raw) {
        String receipt = raw == null ? "" : raw.replace(" ", "").strip().toUpperCase(Locale.ROOT);
        if (!RECEIPT.matcher(receipt).matches())
            throw ApiException.invalidField("receipt", "receipt is the 10-character M-Pesa code, like NLJ7RT61SV");
        return receipt;
    }
}
