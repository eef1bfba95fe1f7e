package com.wifibilling.core.payment;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.Languages;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.DeviceKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One purchase (DESIGN §4 Transactions, contracts/daraja.md §9): {@code amount} for {@code grantSeconds} of
 * {@code packageId} on {@code deviceKey}, paid from {@code phone} by STK Push.
 *
 * <p>{@code checkoutRequestId}/{@code merchantRequestId} are null until Daraja accepts the push. The result
 * fields ({@code resultCode}, {@code resultDesc}, {@code receipt}, {@code source}, {@code completedAt}: when it
 * reached its final status, whichever) are set once, by the caller that finalizes it. A completed transaction
 * also records its grant: {@code grantId} (the transactionId), {@code claimedAt}, and whether the grant was
 * confirmed (DESIGN §4, steps 1 and 4). Times are kept to the millisecond, as stored. {@code checkout} (null
 * only for transactions made without one, in tests) is what the status endpoint needs to hand out the login.
 */
public record Transaction(String transactionId, String checkoutRequestId, String merchantRequestId, Phone phone,
                          String packageId, Money amount, long grantSeconds, DeviceKey deviceKey,
                          TransactionStatus status, String resultCode, String resultDesc, String receipt,
                          PaymentSource source, String clientTokenHash, String lang, Instant createdAt,
                          Instant completedAt, String grantId, Instant claimedAt, boolean grantConfirmed,
                          Checkout checkout, boolean late, TransactionStatus previousStatus) {
    /** Pending payments and unconfirmed grants are spread over this many sparse-index partitions. */
    public static final int SHARDS = 4;

    public Transaction {
        if (transactionId == null || transactionId.isBlank()) throw new IllegalArgumentException("transactionId is required");
        Objects.requireNonNull(phone, "phone");
        if (packageId == null || packageId.isBlank()) throw new IllegalArgumentException("packageId is required");
        Objects.requireNonNull(amount, "amount");
        if (grantSeconds < 1) throw new IllegalArgumentException("A purchase grants at least one second");
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(status, "status");
        if (clientTokenHash == null || clientTokenHash.isBlank()) throw new IllegalArgumentException("clientTokenHash is required");
        if (!Languages.supported(lang)) throw ApiException.invalidField("lang", "lang must be en, sw or sheng");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
        completedAt = completedAt == null ? null : completedAt.truncatedTo(ChronoUnit.MILLIS);
        claimedAt = claimedAt == null ? null : claimedAt.truncatedTo(ChronoUnit.MILLIS);
        boolean claimed = grantId != null || claimedAt != null;
        if (status == TransactionStatus.COMPLETED) {
            if (grantId == null || claimedAt == null || completedAt == null)
                throw new IllegalArgumentException("A completed transaction records completedAt and its claimed grant");
        } else if (claimed || grantConfirmed) {
            throw new IllegalArgumentException("Only a completed transaction has a grant");
        }
        if ((status == TransactionStatus.PENDING) == (completedAt != null))
            throw new IllegalArgumentException("completedAt is set exactly when the transaction is final");
        if (status == TransactionStatus.PENDING && (resultCode != null || receipt != null || source != null))
            throw new IllegalArgumentException("A pending transaction has no result yet");
        if (late != (previousStatus != null) || late && status != TransactionStatus.COMPLETED)
            throw new IllegalArgumentException("A late success is completed and names the status it was closed as");
    }

    /** Returns a transaction that was never completed late (contracts/daraja.md §9). */
    public Transaction(String transactionId, String checkoutRequestId, String merchantRequestId, Phone phone,
                       String packageId, Money amount, long grantSeconds, DeviceKey deviceKey,
                       TransactionStatus status, String resultCode, String resultDesc, String receipt,
                       PaymentSource source, String clientTokenHash, String lang, Instant createdAt,
                       Instant completedAt, String grantId, Instant claimedAt, boolean grantConfirmed, Checkout checkout) {
        this(transactionId, checkoutRequestId, merchantRequestId, phone, packageId, amount, grantSeconds, deviceKey, status,
                resultCode, resultDesc, receipt, source, clientTokenHash, lang, createdAt, completedAt, grantId, claimedAt,
                grantConfirmed, checkout, false, null);
    }

    /** Returns a transaction without a recorded checkout (made by tests, or before checkouts were recorded). */
    public Transaction(String transactionId, String checkoutRequestId, String merchantRequestId, Phone phone,
                       String packageId, Money amount, long grantSeconds, DeviceKey deviceKey,
                       TransactionStatus status, String resultCode, String resultDesc, String receipt,
                       PaymentSource source, String clientTokenHash, String lang, Instant createdAt,
                       Instant completedAt, String grantId, Instant claimedAt, boolean grantConfirmed) {
        this(transactionId, checkoutRequestId, merchantRequestId, phone, packageId, amount, grantSeconds, deviceKey, status,
                resultCode, resultDesc, receipt, source, clientTokenHash, lang, createdAt, completedAt, grantId, claimedAt,
                grantConfirmed, null);
    }

    /** Returns a new purchase, pending and not yet pushed, without a recorded checkout (tests of later steps). */
    public static Transaction pending(String transactionId, Phone phone, String packageId, Money amount, long grantSeconds,
                                      DeviceKey deviceKey, String clientTokenHash, String lang, Instant createdAt) {
        return pending(transactionId, phone, packageId, amount, grantSeconds, deviceKey, clientTokenHash, lang, createdAt, null);
    }

    /** Returns a new purchase, pending and not yet pushed, as initiate writes it before the STK Push. */
    public static Transaction pending(String transactionId, Phone phone, String packageId, Money amount, long grantSeconds,
                                      DeviceKey deviceKey, String clientTokenHash, String lang, Instant createdAt,
                                      Checkout checkout) {
        return new Transaction(transactionId, null, null, phone, packageId, amount, grantSeconds, deviceKey,
                TransactionStatus.PENDING, null, null, null, null, clientTokenHash, lang, createdAt, null, null, null, false,
                checkout);
    }

    /** Returns the pending purchase as it is once Daraja accepted its push (what {@code recordPush} stored). */
    public Transaction pushed(String checkoutRequestId, String merchantRequestId) {
        if (status != TransactionStatus.PENDING) throw new IllegalStateException("Only a pending purchase is pushed");
        return new Transaction(transactionId, checkoutRequestId, merchantRequestId, phone, packageId, amount, grantSeconds,
                deviceKey, status, resultCode, resultDesc, receipt, source, clientTokenHash, lang, createdAt, completedAt,
                grantId, claimedAt, grantConfirmed, checkout, late, previousStatus);
    }

    /** Returns the business day the purchase was made: the day its revenue counts for. */
    public LocalDate day() {
        return BusinessDay.of(createdAt);
    }

    /**
     * Returns which pending-index and grant-index partition (0 … {@link #SHARDS}−1) holds the transaction, from
     * its id's hash: fixed for its life, and spread evenly over ids.
     */
    public int shard() {
        return shardOf(transactionId);
    }

    /** Returns the shard of a transaction id ({@link String#hashCode()} is specified, so stable across JVMs). */
    public static int shardOf(String transactionId) {
        return Math.floorMod(transactionId.hashCode(), SHARDS);
    }

    /** Returns whether its grant is claimed but not yet confirmed: someone must finish it (DESIGN §4). */
    public boolean grantUnconfirmed() {
        return grantId != null && !grantConfirmed;
    }
}
