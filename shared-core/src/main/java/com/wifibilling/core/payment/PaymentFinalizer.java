package com.wifibilling.core.payment;

import com.wifibilling.core.daraja.QueryOutcome;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.pkg.PackageStore;
import com.wifibilling.core.session.GrantClaim;
import com.wifibilling.core.session.GrantResult;
import com.wifibilling.core.session.GrantService;
import com.wifibilling.core.session.GrantedPackage;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.stats.StatsStore;
import com.wifibilling.core.user.PortalUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a pending payment reaches its final state (contracts/daraja.md §9), whichever path brought the
 * answer: callback processor, inline poll, manual query or sweeper. A success claims and grants through
 * {@link GrantService} (DESIGN §4); any other final code closes the transaction with the status §6 gives it. Both
 * are one conditional write, so the first final answer wins; a loser re-reads and, when it finds a grant claimed
 * but unconfirmed, finishes it, so nobody leaves {@code completed} without a session.
 *
 * <p>Counts: the caller whose close won adds {@code paymentsCancelled}/{@code Expired}/{@code Failed} to Stats
 * (day, package, gateway, as the grant's confirmer does) and the matching metric ({@code PaymentFailed} by
 * {@code resultCode}); the caller whose claim won adds {@code PaymentCompleted} and {@code Revenue}. The Stats of a
 * completion are the grant confirmer's.
 */
public final class PaymentFinalizer {
    /** §9: "{@code resultDesc} 'No result from M-Pesa'" for a payment the sweeper expires. */
    public static final String NO_RESULT = "No result from M-Pesa";
    private static final Logger log = LoggerFactory.getLogger(PaymentFinalizer.class);
    /** How long a package's name and rates are reused without a read: a warm function grants without reading it. */
    static final Duration PACKAGE_CACHE = Duration.ofSeconds(60);

    private final TransactionStore transactions;
    private final PackageStore packages;
    private final GrantService grants;
    private final StatsStore stats;
    private final PortalUsers buyers;
    private final Metrics metrics;
    private final Clock clock;
    private final Map<String, CachedPackage> packageCache = new ConcurrentHashMap<>();

    public PaymentFinalizer(TransactionStore transactions, PackageStore packages, GrantService grants, StatsStore stats,
                            PortalUsers buyers, Metrics metrics, Clock clock) {
        this.transactions = transactions;
        this.packages = packages;
        this.grants = grants;
        this.stats = stats;
        this.buyers = buyers;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Returns what finalizing {@code transaction} with an STK Query's {@code outcome} did (§5): {@code Completed}
     * completes it without a receipt, {@code Final} closes it per §6, {@code Pending} changes nothing (the
     * transaction is returned as given).
     */
    public Finalized finalize(Transaction transaction, QueryOutcome outcome, PaymentSource source) {
        return switch (outcome) {
            case QueryOutcome.Completed c -> finalize(transaction,
                    new PaymentResult("0", c.resultDesc(), null, source, clock.instant()), ResultCodes.Origin.QUERY);
            case QueryOutcome.Final f -> finalize(transaction,
                    new PaymentResult(f.resultCode(), f.resultDesc(), null, source, clock.instant()), ResultCodes.Origin.QUERY);
            case QueryOutcome.Pending p -> new Finalized(transaction, false, Optional.empty());
        };
    }

    /**
     * Returns what finalizing {@code transaction} with {@code result} did: its status is §6's for the code as it
     * came from {@code origin} ({@code expired} for the sweeper's null code); a code that is not final from that
     * origin changes nothing. A receipt in {@code result} must already be checked and guarded (§4.3 rule 3).
     */
    public Finalized finalize(Transaction transaction, PaymentResult result, ResultCodes.Origin origin) {
        TransactionStatus status = result.resultCode() == null ? TransactionStatus.EXPIRED : ResultCodes.status(result.resultCode(), origin);
        return switch (status) {
            case PENDING -> new Finalized(transaction, false, Optional.empty());
            case COMPLETED -> complete(transaction, result);
            case CANCELLED, EXPIRED, FAILED -> close(transaction, status, result);
        };
    }

    /**
     * Returns the transaction after finishing its grant when it is claimed but unconfirmed (DESIGN §4: the
     * processor on a duplicate, the status endpoint, the sweeper); otherwise it is returned as given.
     */
    public Finalized finishIfUnconfirmed(Transaction transaction) {
        if (!transaction.grantUnconfirmed()) return new Finalized(transaction, false, Optional.empty());
        var source = PaymentGrantSource.unconfirmed(transactions, transaction);
        Session session = grants.finishUnconfirmed(source.grant(grantedPackage(transaction)), source);
        return new Finalized(reread(transaction), false, Optional.of(session));
    }

    /**
     * Returns what honouring a late success did (contracts/daraja.md §9): {@code closed} was read failed,
     * cancelled or expired, and a success callback that passed every §4.3 check (or a doubtful one confirmed by a
     * query {@code "0"}) says the money was taken. The claim moves it to completed with {@code late} and
     * {@code previousStatus}; the grant runs as for any completion, and its confirmer moves the Stats count.
     */
    public Finalized completeLate(Transaction closed, PaymentResult result) {
        Finalized done = complete(closed, result, PaymentGrantSource.claimingLate(transactions, closed, result));
        if (done.decidedHere()) {
            log.atWarn().addKeyValue("transactionId", closed.transactionId()).addKeyValue("previousStatus", closed.status().name())
                    .log("payment.late-success");
        }
        return done;
    }

    /**
     * Returns what recording a rejected or unanswered STK Push did (§9 "push error … → failed"): the pending
     * transaction closed as {@code failed} with Daraja's {@code errorCode} (if any) and description, counted once.
     */
    public Finalized failPush(Transaction transaction, PaymentResult result) {
        if (result.source() != PaymentSource.PUSH) throw new IllegalArgumentException("A push failure comes from the push");
        return close(transaction, TransactionStatus.FAILED, result);
    }

    private Finalized complete(Transaction transaction, PaymentResult result) {
        return complete(transaction, result, PaymentGrantSource.claiming(transactions, transaction, result));
    }

    private Finalized complete(Transaction transaction, PaymentResult result, PaymentGrantSource source) {
        GrantResult granted = grants.grant(source.grant(grantedPackage(transaction)), source);
        Transaction after = source.claimed().flatMap(PaymentClaim::current).orElse(transaction);
        boolean won = granted.claim() == GrantClaim.CLAIMED;
        if (won) {
            metrics.count("PaymentCompleted");
            metrics.add("Revenue", transaction.amount().shillings());
            log.atInfo().addKeyValue("transactionId", transaction.transactionId()).addKeyValue("source", result.source().name())
                    .addKeyValue("phone", transaction.phone().masked()).log("payment.completed");
            recordBuyer(transaction);
        }
        // Not re-read: the claim's answer already says completed, and every caller needs no more (a read saved per payment).
        Transaction current = after;
        if (!won && result.receipt() != null && current.status() == TransactionStatus.COMPLETED && current.receipt() == null
                && transactions.recordReceipt(transaction.transactionId(), result.receipt())) {
            // A query completed it a moment before this callback's claim: the callback still brings the receipt (§5, §9).
            log.atInfo().addKeyValue("transactionId", transaction.transactionId()).log("payment.receipt-recorded-after-race");
            current = reread(current);
        }
        return new Finalized(current, won, granted.granted());
    }

    private Finalized close(Transaction transaction, TransactionStatus status, PaymentResult result) {
        PaymentResult stored = result.resultCode() == null && result.resultDesc() == null
                ? new PaymentResult(null, NO_RESULT, result.receipt(), result.source(), result.at()) : result;
        if (transactions.close(transaction.transactionId(), status, stored)) {
            count(transaction, status, stored.resultCode());
            log.atInfo().addKeyValue("transactionId", transaction.transactionId()).addKeyValue("status", status.name())
                    .addKeyValue("resultCode", stored.resultCode()).addKeyValue("source", stored.source().name())
                    .log("payment.closed");
            return new Finalized(reread(transaction), true, Optional.empty());
        }
        // Another path won: a completion it left unconfirmed is finished here, so completed always has a session.
        Transaction current = reread(transaction);
        return finishIfUnconfirmed(current);
    }

    /**
     * Counts a purchase just written as pending ({@code paymentsInitiated} on its day, package and gateway), so the
     * dashboard can say how many tried to pay. Called once, after the conditional create; a crash in between
     * under-counts by one until the hourly audit recomputes the day.
     */
    public void countInitiated(Transaction pending) {
        for (StatsKey key : List.of(StatsKey.day(pending.day()), StatsKey.forPackage(pending.day(), pending.packageId()),
                StatsKey.forGateway(pending.day(), pending.deviceKey().gatewayId()))) {
            stats.add(key, Map.of(Counter.PAYMENTS_INITIATED, 1L));
        }
    }

    /** The admin's users list learns the buyer; bookkeeping that must never fail a purchase whose time is granted. */
    private void recordBuyer(Transaction transaction) {
        try {
            buyers.bought(transaction.phone(), clock.instant());
        } catch (RuntimeException unavailable) {
            log.atWarn().addKeyValue("transactionId", transaction.transactionId()).addKeyValue("error", unavailable.getClass().getSimpleName())
                    .log("payment.buyer-not-recorded");
        }
    }

    private void count(Transaction transaction, TransactionStatus status, String resultCode) {
        Counter counter = PaymentGrantSource.closedCounter(status);
        for (StatsKey key : List.of(StatsKey.day(transaction.day()), StatsKey.forPackage(transaction.day(), transaction.packageId()),
                StatsKey.forGateway(transaction.day(), transaction.deviceKey().gatewayId()))) {
            stats.add(key, Map.of(counter, 1L));
        }
        switch (status) {
            case CANCELLED -> metrics.count("PaymentCancelled");
            case EXPIRED -> metrics.count("PaymentExpired");
            default -> metrics.count("PaymentFailed", "resultCode", resultCode == null ? "none" : resultCode);
        }
    }

    /** The package bought, active or not: a package deactivated since the purchase is still what was paid for. */
    private GrantedPackage grantedPackage(Transaction transaction) {
        Instant now = clock.instant();
        CachedPackage cached = packageCache.get(transaction.packageId());
        if (cached != null && now.isBefore(cached.until())) return cached.granted();
        GrantedPackage granted = packages.find(transaction.packageId()).map(GrantedPackage::of).orElseThrow(() -> new IllegalStateException(
                "Transaction " + transaction.transactionId() + " bought package " + transaction.packageId() + ", which no longer exists"));
        packageCache.put(transaction.packageId(), new CachedPackage(granted, now.plus(PACKAGE_CACHE)));
        return granted;
    }

    /** A package's name and rates as read, kept up to {@link #PACKAGE_CACHE} (DESIGN §4: packages are cached ≤ 60 s). */
    private record CachedPackage(GrantedPackage granted, Instant until) {}

    private Transaction reread(Transaction transaction) {
        return transactions.find(transaction.transactionId()).orElse(transaction);
    }

    /**
     * What one finalize did: the transaction as it stands after it, whether this caller's write decided it (its
     * claim or close won), and the device's session when a grant was applied or found.
     */
    public record Finalized(Transaction transaction, boolean decidedHere, Optional<Session> session) {}
}
