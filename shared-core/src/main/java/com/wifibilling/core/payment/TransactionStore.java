package com.wifibilling.core.payment;

import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The Transactions table (DESIGN §4). Every change of state is one conditional update of one item, so callback,
 * inline poll, manual query and sweeper may race: the condition picks one winner, and the others get an answer
 * saying what happened instead (contracts/daraja.md §9).
 */
public interface TransactionStore {
    /** Returns false, writing nothing, when a transaction with that id already exists. */
    boolean create(Transaction transaction);

    /** Returns the transaction, read strongly consistent. */
    Optional<Transaction> find(String transactionId);

    /**
     * Returns the transaction Daraja knows by that CheckoutRequestID. The index behind it is eventually
     * consistent: a push recorded a moment ago may not be found yet (the callback processor lets SQS redeliver,
     * contracts/daraja.md §4.3 rule 1). What is found is then re-read strongly consistent, so its state is current.
     */
    Optional<Transaction> findByCheckoutRequestId(String checkoutRequestId);

    /**
     * Returns true when Daraja's ids for the accepted push were stored: only while the transaction is pending,
     * and never over different ids (a repeat with the same ids is true).
     */
    boolean recordPush(String transactionId, String checkoutRequestId, String merchantRequestId);

    /**
     * Returns what claiming the payment's grant found: the conditional update pending → completed that also
     * stores {@code result}, takes the transaction out of the pending-index and into the grant-index
     * ({@code grantId} = transactionId, {@code claimedAt} = {@code result.at()}). Exactly one racer gets
     * {@link PaymentClaim.Outcome#CLAIMED}.
     */
    PaymentClaim claim(String transactionId, PaymentResult result);

    /**
     * Returns what claiming a <em>late</em> success found (contracts/daraja.md §9): the conditional update
     * {@code previous → completed}, for a transaction closed as {@code previous} (failed, cancelled or expired)
     * whose money was taken after all. Besides what {@link #claim} records it sets {@code late = true} and
     * {@code previousStatus}. Exactly one racer gets {@link PaymentClaim.Outcome#CLAIMED}.
     */
    PaymentClaim claimLate(String transactionId, TransactionStatus previous, PaymentResult result);

    /**
     * Returns true when {@code receipt} was stored on a completed transaction that had none: a payment completed
     * by a query gets its receipt from the success callback that arrives later, and nothing else changes
     * (contracts/daraja.md §5, §9). False, writing nothing, when it is not completed or already has a receipt.
     */
    boolean recordReceipt(String transactionId, String receipt);

    /**
     * Returns true when this caller closed the pending transaction as {@code status} (cancelled, expired or
     * failed) with {@code result}, taking it out of the pending-index; false, writing nothing, when it was no
     * longer pending. Only the caller that gets true counts it.
     */
    boolean close(String transactionId, TransactionStatus status, PaymentResult result);

    /**
     * Returns true for the one caller that confirms the claimed grant (DESIGN §4, step 4), taking it out of the
     * grant-index; false when it was confirmed already (or never claimed). Only that caller adds the Stats counts.
     */
    boolean confirm(String transactionId);

    /** Returns the phone's purchases, newest first (phone-index). */
    Page<Transaction> byPhone(Phone phone, int limit, String cursor);

    /** Returns the purchases made on an East Africa Time day, newest first (day-index: reports and the audit). */
    Page<Transaction> byDay(LocalDate day, int limit, String cursor);

    /**
     * Returns up to {@code limit} pending transactions created before {@code cutoff}, oldest first, from one
     * pending-index shard (0 … {@link Transaction#SHARDS}−1): the sweeper's work list. The index is eventually
     * consistent; each answer is a candidate to re-check by its conditional write, never a decision.
     */
    List<Transaction> pendingOlderThan(int shard, Instant cutoff, int limit);

    /**
     * Returns up to {@code limit} completed transactions whose grant was claimed before {@code cutoff} and is
     * still unconfirmed, oldest first, from one grant-index shard: grants the sweeper must finish.
     */
    List<Transaction> unconfirmedGrantsOlderThan(int shard, Instant cutoff, int limit);
}
