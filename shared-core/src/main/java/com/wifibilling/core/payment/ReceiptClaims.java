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
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionView;
import com.wifibilling.core.session.TimeMoves;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code POST /api/payment/claim}, "I paid but I'm not online" (DESIGN §6, contracts/gateways.md §2.1): the M-Pesa
 * receipt and the phone that paid prove a completed purchase. From the device that holds its time the answer is
 * the session and a fresh {@code login}; from another device (phones randomise MACs) only with {@code move: true},
 * which moves the remaining time here through the grant of DESIGN §4 (the old session claimed
 * {@code active → moved}, the time applied here, the old device disconnected), at most
 * {@value TimeMoves#MAX_MOVES} times per purchase in a rolling 24 h.
 *
 * <p>Guessing is locked out (DESIGN §6 "Lockouts"): a claim that matches no completed purchase counts against the
 * asking device (gateway + MAC) and against the receipt, {@link AttemptLimit#CLAIM_DEVICE} and
 * {@link AttemptLimit#CLAIM_RECEIPT}; an unknown receipt and a wrong phone get the same answer.
 */
public final class ReceiptClaims {
    private static final Pattern RECEIPT = Pattern.compile("[A-Z0-9]{10}");

    private final GuardStore guards;
    private final TransactionStore transactions;
    private final GatewayStore gateways;
    private final TimeMoves moves;
    private final PaymentFinalizer finalizer;
    private final AttemptLimiter limiter;
    private final LoginBuilder logins;
    private final String defaultGatewayId;

    public ReceiptClaims(GuardStore guards, TransactionStore transactions, GatewayStore gateways, TimeMoves moves,
                         PaymentFinalizer finalizer, AttemptLimiter limiter, LoginBuilder logins, String defaultGatewayId) {
        this.guards = guards;
        this.transactions = transactions;
        this.gateways = gateways;
        this.moves = moves;
        this.finalizer = finalizer;
        this.limiter = limiter;
        this.logins = logins;
        this.defaultGatewayId = defaultGatewayId;
    }

    /**
     * Returns the purchase's session and login for the asking device. 400 for bad fields; 429 {@code RATE_LIMITED}
     * while the device or the receipt is locked out; 404 {@code NOT_FOUND} when no completed purchase has that
     * receipt and phone; 404 {@code NO_ACTIVE_SESSION} when its time has run out; 409
     * {@code VOUCHER_ALREADY_USED} when another device holds it and {@code move} is not true; 429
     * {@code MOVE_LIMIT_REACHED} after {@value TimeMoves#MAX_MOVES} moves in 24 h.
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
        String grantId = purchase.grantId();
        Session holder = moves.holder(purchase.deviceKey(), s -> s.appliedGrants().containsKey(grantId), lang)
                .orElseThrow(() -> ApiException.notFound("NO_ACTIVE_SESSION", "The time bought with this payment has run out"));
        if (holder.deviceKey().equals(asking)) return answer(purchase, holder, context, false);
        if (!Boolean.TRUE.equals(request.move()))
            throw ApiException.conflict("VOUCHER_ALREADY_USED",
                    "This payment's time is on another device. Ask again with move: true to move it to this device");
        return answer(purchase, moves.move(holder, asking, purchase.transactionId(), lang), context, true);
    }

    private ClaimAnswer answer(Transaction purchase, Session session, GatewayContext context, boolean moved) {
        return new ClaimAnswer(purchase.transactionId(), moved, SessionView.of(session), logins.build(session, context));
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
