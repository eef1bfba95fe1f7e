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
    /** The closed status a late success claims from (contracts/daraja.md §9); null for a normal claim. */
    private final TransactionStatus lateFrom;
    private volatile PaymentClaim claimed;

    private PaymentGrantSource(TransactionStore transactions, Transaction transaction, PaymentResult result, TransactionStatus lateFrom) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.result = result;
        this.lateFrom = lateFrom;
    }

    /** Returns the source that claims {@code transaction} (as read, pending or not) with {@code result}, a success. */
    public static PaymentGrantSource claiming(TransactionStore transactions, Transaction transaction, PaymentResult result) {
        return new PaymentGrantSource(transactions, transaction, Objects.requireNonNull(result, "result"), null);
    }

    /**
     * Returns the source of a late success (contracts/daraja.md §9): {@code closed} was read failed, cancelled or
     * expired, and the money was taken after all. Its claim is {@link TransactionStore#claimLate} from that status,
     * and its confirmer moves the Stats count from that status to completed and adds the revenue.
     */
    public static PaymentGrantSource claimingLate(TransactionStore transactions, Transaction closed, PaymentResult result) {
        if (!closed.status().isClosedWithoutGrant())
            throw new IllegalArgumentException("Transaction " + closed.transactionId() + " is " + closed.status() + ", not closed");
        return new PaymentGrantSource(transactions, closed, Objects.requireNonNull(result, "result"), closed.status());
    }

    /**
     * Returns the source of a grant already claimed and not confirmed ({@link Transaction#grantUnconfirmed()}), for
     * {@code GrantService.finishUnconfirmed}: it confirms and counts, and never claims.
     */
    public static PaymentGrantSource unconfirmed(TransactionStore transactions, Transaction claimedTransaction) {
        if (!claimedTransaction.grantUnconfirmed())
            throw new IllegalArgumentException("Transaction " + claimedTransaction.transactionId() + " has no unconfirmed grant");
        return new PaymentGrantSource(transactions, claimedTransaction, null, null);
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
        PaymentClaim answer = lateFrom == null ? transactions.claim(transaction.transactionId(), result)
                : transactions.claimLate(transaction.transactionId(), lateFrom, result);
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
        Tally completed = new Tally(transaction.day(), Map.of(Counter.PAYMENTS_COMPLETED, 1L, Counter.REVENUE_KES, transaction.amount().shillings()));
        return lateFrom == null ? completed : completed.plus(closedCounter(lateFrom), -1);
    }

    /** Returns the Stats counter a payment closed as {@code status} was counted in. */
    static Counter closedCounter(TransactionStatus status) {
        return switch (status) {
            case CANCELLED -> Counter.PAYMENTS_CANCELLED;
            case EXPIRED -> Counter.PAYMENTS_EXPIRED;
            case FAILED -> Counter.PAYMENTS_FAILED;
            case PENDING, COMPLETED -> throw new IllegalArgumentException("Not a closed status: " + status);
        };
    }
}
