package com.wifibilling.core.payment;

import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The real store, except that finding by CheckoutRequestID runs {@code meanwhile} right after the read: another
 * path changing the transaction between the processor's read and its write, without sleeps or timing.
 */
final class StaleCheckoutReads implements TransactionStore {
    private final TransactionStore delegate;
    private final Runnable meanwhile;

    StaleCheckoutReads(TransactionStore delegate, Runnable meanwhile) {
        this.delegate = delegate;
        this.meanwhile = meanwhile;
    }

    @Override
    public Optional<Transaction> findByCheckoutRequestId(String checkoutRequestId) {
        Optional<Transaction> read = delegate.findByCheckoutRequestId(checkoutRequestId);
        meanwhile.run();
        return read;
    }

    @Override public boolean create(Transaction transaction) { return delegate.create(transaction); }
    @Override public Optional<Transaction> find(String transactionId) { return delegate.find(transactionId); }
    @Override public boolean recordPush(String id, String checkout, String merchant) { return delegate.recordPush(id, checkout, merchant); }
    @Override public PaymentClaim claim(String id, PaymentResult result) { return delegate.claim(id, result); }
    @Override public PaymentClaim claimLate(String id, TransactionStatus previous, PaymentResult result) { return delegate.claimLate(id, previous, result); }
    @Override public boolean recordReceipt(String id, String receipt) { return delegate.recordReceipt(id, receipt); }
    @Override public boolean close(String id, TransactionStatus status, PaymentResult result) { return delegate.close(id, status, result); }
    @Override public boolean confirm(String id) { return delegate.confirm(id); }
    @Override public Page<Transaction> byPhone(Phone phone, int limit, String cursor) { return delegate.byPhone(phone, limit, cursor); }
    @Override public Page<Transaction> byDay(LocalDate day, int limit, String cursor) { return delegate.byDay(day, limit, cursor); }
    @Override public List<Transaction> pendingOlderThan(int shard, Instant cutoff, int limit) { return delegate.pendingOlderThan(shard, cutoff, limit); }
    @Override public List<Transaction> unconfirmedGrantsOlderThan(int shard, Instant cutoff, int limit) {
        return delegate.unconfirmedGrantsOlderThan(shard, cutoff, limit);
    }
}
