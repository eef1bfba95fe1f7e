package com.wifibilling.core.payment;

import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaException;
import com.wifibilling.core.daraja.QueryOutcome;
import com.wifibilling.core.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The every-minute sweeper's payment work (contracts/daraja.md §9 "Sweeper", §5 last paragraph; DESIGN §1
 * fallback 3, §4): through the sparse pending-index only, pending payments older than the query window get one
 * STK Query each, and those older than the expiry window still without a final answer are expired; then grants
 * claimed but unconfirmed for more than 30 s are finished. Every answer goes through {@link PaymentFinalizer}, so
 * the sweeper racing a callback, a poll or another sweeper changes a payment once.
 *
 * <p>Backing off: a {@code BUSY} query error (Spike Arrest, quota) stops querying for the rest of the run, so the
 * pause before the next query is at least the minute to the next run; payments not asked because of it wait for
 * that run rather than being expired unasked. Each run reads at most {@link #BATCH} transactions per shard and
 * queries at most {@link #QUERY_SECONDS} seconds' worth at the paced rate, so a backlog cannot outlast the
 * function's timeout; the rest is left, oldest first, for the next runs.
 */
public final class PaymentSweeper {
    /** DESIGN §4: a grant claimed this long ago and still unconfirmed has lost its caller. */
    public static final Duration GRANT_REPAIR_AFTER = Duration.ofSeconds(30);
    /** Transactions read per shard per run (pending, and unconfirmed grants). */
    public static final int BATCH = 200;
    /** Querying time per run at the paced rate: well inside the function's 60 s timeout. */
    static final int QUERY_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(PaymentSweeper.class);

    private final TransactionStore transactions;
    private final DarajaClient daraja;
    private final PaymentFinalizer finalizer;
    private final Metrics metrics;
    private final Clock clock;
    private final SweeperSettings settings;

    public PaymentSweeper(TransactionStore transactions, DarajaClient daraja, PaymentFinalizer finalizer, Metrics metrics,
                          Clock clock, SweeperSettings settings) {
        this.transactions = transactions;
        this.daraja = daraja;
        this.finalizer = finalizer;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
    }

    /** Returns what one run did, after logging it in one line. */
    public SweepReport sweep() {
        Run run = new Run(clock.instant());
        for (int shard = 0; shard < Transaction.SHARDS; shard++) {
            for (Transaction pending : transactions.pendingOlderThan(shard, run.now.minus(settings.queryAfter()), BATCH)) {
                sweepPending(pending, run);
            }
        }
        for (int shard = 0; shard < Transaction.SHARDS; shard++) {
            for (Transaction claimed : transactions.unconfirmedGrantsOlderThan(shard, run.now.minus(GRANT_REPAIR_AFTER), BATCH)) {
                // The index is eventually consistent: re-read, and GrantService counts GrantRepaired when it finishes one.
                Transaction current = transactions.find(claimed.transactionId()).orElse(claimed);
                if (finalizer.finishIfUnconfirmed(current).session().isPresent()) run.repaired++;
            }
        }
        SweepReport report = new SweepReport(run.seen, run.queried, run.finalized, run.expired, run.queryFailures, run.busy,
                run.repaired);
        log.atInfo().addKeyValue("seen", report.seen()).addKeyValue("queried", report.queried())
                .addKeyValue("finalized", report.finalized()).addKeyValue("expired", report.expired())
                .addKeyValue("queryFailures", report.queryFailures()).addKeyValue("busy", report.busy())
                .addKeyValue("grantsRepaired", report.grantsRepaired()).log("payment.sweeper.run");
        return report;
    }

    private void sweepPending(Transaction transaction, Run run) {
        run.seen++;
        boolean expiring = !transaction.createdAt().isAfter(run.now.minus(settings.expireAfter()));
        if (transaction.checkoutRequestId() == null) { // never pushed, or its push's answer was lost: cannot be asked (§9)
            if (expiring) expire(transaction, run);
            return;
        }
        if (run.busy || run.queried >= QUERY_SECONDS * settings.queriesPerSecond()) return; // the next run asks
        Optional<QueryOutcome> answer = query(transaction, run);
        if (answer.isEmpty() && run.busy) return; // a BUSY answer changes nothing (§5)
        if (answer.orElse(null) instanceof QueryOutcome.Pending || answer.isEmpty()) {
            if (expiring) expire(transaction, run);
            return;
        }
        if (finalizer.finalize(transaction, answer.get(), PaymentSource.SWEEPER).decidedHere()) finalized(run);
    }

    private void expire(Transaction transaction, Run run) {
        var expiry = new PaymentResult(null, null, null, PaymentSource.SWEEPER, clock.instant());
        if (finalizer.finalize(transaction, expiry, ResultCodes.Origin.QUERY).decidedHere()) {
            run.expired++;
            finalized(run);
        }
    }

    private void finalized(Run run) {
        run.finalized++;
        metrics.count("SweeperFinalized");
    }

    /** Returns the query's answer, paced; empty after an error, which never finalizes by itself (§5). */
    private Optional<QueryOutcome> query(Transaction transaction, Run run) {
        pace(run);
        run.queried++;
        try {
            return Optional.of(daraja.stkQuery(transaction.checkoutRequestId()));
        } catch (DarajaException e) {
            run.queryFailures++;
            run.busy = e.kind() == DarajaException.Kind.BUSY;
            log.atWarn().addKeyValue("transactionId", transaction.transactionId()).addKeyValue("kind", e.kind().name())
                    .addKeyValue("errorCode", e.errorCode().orElse(null)).log("payment.sweeper.query-failed");
            return Optional.empty();
        }
    }

    /** Waits until a query's interval has passed since the previous one started (§5: the sweeper paces its queries). */
    private void pace(Run run) {
        long due = run.lastQueryNanos + settings.queryInterval().toNanos();
        long wait = due - System.nanoTime();
        if (run.queried > 0 && wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while pacing STK queries", e);
            }
        }
        run.lastQueryNanos = System.nanoTime();
    }

    /** One run's counts and state. */
    private static final class Run {
        final Instant now;
        int seen;
        int queried;
        int finalized;
        int expired;
        int queryFailures;
        int repaired;
        boolean busy;
        long lastQueryNanos;

        Run(Instant now) {
            this.now = now;
        }
    }

    /**
     * What one run did: pending payments read, STK Queries sent, payments finalized by this run (of which
     * {@code expired} by the window's end), query errors, whether Daraja said busy, and grants finished.
     */
    public record SweepReport(int seen, int queried, int finalized, int expired, int queryFailures, boolean busy,
                              int grantsRepaired) {}
}
