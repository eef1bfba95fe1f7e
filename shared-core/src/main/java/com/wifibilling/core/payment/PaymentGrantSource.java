package com.wifibilling.core.payment;

import com.wifibilling.core.session.Grant;
import com.wifibilling.core.session.GrantClaim;
import com.wifibilling.core.session.GrantKind;
import com.wifibilling.core.session.GrantSource;
import com.wifibilling.core.session.GrantedPackage;
import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.Tally;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A purchase as the source of a grant (DESIGN §4; contracts/daraja.md §9): the claim is the transaction's
 * {@code pending → completed} update with the payment's result ({@link TransactionStore#claim}), the confirm
 * removes its {@code grantShard} ({@link TransactionStore#confirm}), and the confirmer counts
 * {@code paymentsCompleted} and {@code revenueKES} on the purchase's business day. One instance per attempt: each
 * racer (callback, inline poll, manual query, sweeper) makes its own.
 */
public final class PaymentGrantSource implements GrantSource {
    private final TransactionStore transactions;
    private final Transaction transaction;
    private final PaymentResult result;
    private volatile PaymentClaim claimed;

    private PaymentGrantSource(TransactionStore transactions, Transaction transaction, PaymentResult result) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.result = result;
    }

    /** Returns the source that claims {@code transaction} (as read, pending or not) with {@code result}, a success. */
    public static PaymentGrantSource claiming(TransactionStore transactions, Transaction transaction, PaymentResult result) {
        return new PaymentGrantSource(transactions, transaction, Objects.requireNonNull(result, "result"));
    }

    /**
     * Returns the source of a grant already claimed and not confirmed ({@link Transaction#grantUnconfirmed()}), for
     * {@code GrantService.finishUnconfirmed}: it confirms and counts, and never claims.
     */
    public static PaymentGrantSource unconfirmed(TransactionStore transactions, Transaction claimedTransaction) {
        if (!claimedTransaction.grantUnconfirmed())
            throw new IllegalArgumentException("Transaction " + claimedTransaction.transactionId() + " has no unconfirmed grant");
        return new PaymentGrantSource(transactions, claimedTransaction, null);
    }

    /**
     * Returns the grant this purchase pays for: grantId = transactionId, the transaction's device, seconds, phone and
     * language, the package as given (the one bought: look it up by the transaction's {@code packageId}, active or
     * not), and when the money was confirmed (for {@code PayToActiveMs}).
     */
    public Grant grant(GrantedPackage granted) {
        if (!granted.packageId().equals(transaction.packageId()))
            throw new IllegalArgumentException("Transaction " + transaction.transactionId() + " bought " + transaction.packageId()
                    + ", not " + granted.packageId());
        Instant paidAt = result != null ? result.at() : transaction.completedAt();
        return new Grant(transaction.transactionId(), GrantKind.PAYMENT, transaction.deviceKey(), transaction.grantSeconds(), granted,
                transaction.phone(), transaction.lang(), null, paidAt);
    }

    @Override
    public GrantClaim claim() {
        if (result == null) throw new IllegalStateException("An unconfirmed grant is finished, not claimed again");
        PaymentClaim answer = transactions.claim(transaction.transactionId(), result);
        claimed = answer;
        return switch (answer.outcome()) {
            case CLAIMED -> GrantClaim.CLAIMED;
            case ALREADY_CLAIMED_UNCONFIRMED -> GrantClaim.CLAIMED_BY_ANOTHER;
            case ALREADY_CONFIRMED -> GrantClaim.CONFIRMED;
            case NOT_PENDING, NOT_FOUND -> GrantClaim.REFUSED;
        };
    }

    /** Returns what {@link #claim()} found, with the transaction as it stood after it; empty before the claim. */
    public Optional<PaymentClaim> claimed() {
        return Optional.ofNullable(claimed);
    }

    @Override
    public boolean confirm() {
        return transactions.confirm(transaction.transactionId());
    }

    @Override
    public Tally tally() {
        return new Tally(transaction.day(), Map.of(Counter.PAYMENTS_COMPLETED, 1L, Counter.REVENUE_KES, transaction.amount().shillings()));
    }
}
