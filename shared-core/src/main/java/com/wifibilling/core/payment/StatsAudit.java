package com.wifibilling.core.payment;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.Page;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.event.EventStore;
import com.wifibilling.core.guard.Claim;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.guard.GuardStore;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.DayStats;
import com.wifibilling.core.stats.RevenueAudit;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.stats.StatsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly audit of DESIGN §4: recomputes a business day's payment counters from its purchases
 * ({@code day-index}) and corrects the Stats items — the day's, each package's and each gateway's — where they
 * drifted, recording the drift as an event and the {@code StatsDrift} metric (target: 0). Drift comes from a crash
 * between a confirm (or close) and its Stats additions, which the counters cannot repair themselves.
 *
 * <p>Every purchase counts as initiated; outcomes count once settled: grants not yet confirmed have not been
 * counted by design, and are left to their own paths. The correction is conditional on the counters the audit read
 * ({@link StatsStore#correct}), so an addition landing meanwhile is never overwritten; the audit then reads again.
 * Sessions started and voucher counters are not derived from purchases and are left alone.
 */
public final class StatsAudit {
    static final List<Counter> AUDITED = List.of(Counter.PAYMENTS_INITIATED, Counter.PAYMENTS_COMPLETED, Counter.REVENUE_KES, Counter.PAYMENTS_CANCELLED,
            Counter.PAYMENTS_EXPIRED, Counter.PAYMENTS_FAILED);
    private static final int PAGE = 100;
    private static final int MAX_CORRECTIONS = 5;
    private static final Logger log = LoggerFactory.getLogger(StatsAudit.class);

    private final TransactionStore transactions;
    private final StatsStore stats;
    private final EventStore events;
    private final GuardStore guards;
    private final Metrics metrics;
    private final Clock clock;

    public StatsAudit(TransactionStore transactions, StatsStore stats, EventStore events, GuardStore guards, Metrics metrics,
                      Clock clock) {
        this.transactions = transactions;
        this.guards = guards;
        this.stats = stats;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Runs the audit once per clock hour, whichever sweeper run gets there first (an {@code audit#<hour>} guard
     * decides): it recomputes the two previous business days, which no purchase is still settling. Today's
     * counters are audited from tomorrow on; a late success on an older day is counted by its own confirmer.
     * Returns the reports, empty when another run already audited this hour.
     */
    public List<Report> auditIfDue() {
        Instant now = clock.instant();
        String hour = now.truncatedTo(ChronoUnit.HOURS).toString();
        if (!(guards.claim(GuardKeys.audit(hour), UUID.randomUUID().toString(), now.plus(Duration.ofHours(2))) instanceof Claim.Claimed))
            return List.of();
        LocalDate today = BusinessDay.of(now);
        return List.of(audit(today.minusDays(1)), audit(today.minusDays(2)));
    }

    /** What one day's audit found: purchases read, Stats items checked, and the total drift it corrected. */
    public record Report(LocalDate day, int purchases, int keys, long drift) {}

    public Report audit(LocalDate day) {
        Map<StatsKey, Map<Counter, Long>> expected = new LinkedHashMap<>();
        expected.put(StatsKey.day(day), zeros());
        int purchases = 0;
        long[] money = new long[6]; // paid, paidKES, granted, grantedKES, grantedSeconds, paidNotGranted
        String cursor = null;
        do {
            Page<Transaction> page = transactions.byDay(day, PAGE, cursor);
            for (Transaction t : page.items()) {
                purchases++;
                if (t.status() == TransactionStatus.COMPLETED) {
                    money[0]++;
                    money[1] += t.amount().shillings();
                    if (t.grantConfirmed()) {
                        money[2]++;
                        money[3] += t.amount().shillings();
                        money[4] += t.grantSeconds();
                    } else {
                        money[5]++;
                    }
                }
                Map<Counter, Long> counted = countOf(t);
                if (counted.isEmpty()) continue;
                for (StatsKey key : List.of(StatsKey.day(day), StatsKey.forPackage(day, t.packageId()),
                        StatsKey.forGateway(day, t.deviceKey().gatewayId()))) {
                    Map<Counter, Long> sums = expected.computeIfAbsent(key, k -> zeros());
                    counted.forEach((counter, amount) -> sums.merge(counter, amount, Long::sum));
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        long drift = 0;
        for (var entry : expected.entrySet()) drift += correct(entry.getKey(), entry.getValue());
        stats.recordRevenueAudit(day, new RevenueAudit(money[0], money[1], money[2], money[3], money[4], money[5], clock.instant()));
        if (money[5] > 0) {
            log.atWarn().addKeyValue("day", day.toString()).addKeyValue("paidNotGranted", money[5]).log("stats.paid-not-granted");
        }
        if (drift > 0) metrics.count("StatsDrift");
        log.atInfo().addKeyValue("day", day.toString()).addKeyValue("purchases", purchases).addKeyValue("keys", expected.size())
                .addKeyValue("drift", drift).log("stats.audited");
        return new Report(day, purchases, expected.size(), drift);
    }

    /**
     * What a purchase adds to Stats: every one was initiated; a settled one also its outcome, except a completion whose
     * grant is not confirmed yet (its confirmer counts it).
     */
    private static Map<Counter, Long> countOf(Transaction t) {
        return switch (t.status()) {
            case PENDING -> Map.of(Counter.PAYMENTS_INITIATED, 1L);
            case COMPLETED -> t.grantConfirmed()
                    ? Map.of(Counter.PAYMENTS_INITIATED, 1L, Counter.PAYMENTS_COMPLETED, 1L, Counter.REVENUE_KES, t.amount().shillings())
                    : Map.of(Counter.PAYMENTS_INITIATED, 1L);
            case CANCELLED -> Map.of(Counter.PAYMENTS_INITIATED, 1L, Counter.PAYMENTS_CANCELLED, 1L);
            case EXPIRED -> Map.of(Counter.PAYMENTS_INITIATED, 1L, Counter.PAYMENTS_EXPIRED, 1L);
            case FAILED -> Map.of(Counter.PAYMENTS_INITIATED, 1L, Counter.PAYMENTS_FAILED, 1L);
        };
    }

    /** Returns the drift found on {@code key} (0 when it agreed), after correcting it. */
    private long correct(StatsKey key, Map<Counter, Long> wanted) {
        for (int attempt = 0; attempt < MAX_CORRECTIONS; attempt++) {
            DayStats read = stats.day(key);
            long drift = AUDITED.stream().mapToLong(c -> Math.abs(read.get(c) - wanted.get(c))).sum();
            if (drift == 0) return 0;
            Instant now = clock.instant();
            if (stats.correct(read, wanted, now, drift)) {
                Map<String, String> details = new LinkedHashMap<>();
                AUDITED.forEach(c -> details.put(c.name(), read.get(c) + "->" + wanted.get(c)));
                events.record(AuditEvent.of(now, "stats.drift", "audit", key.value(), "recomputed from the day's purchases", details));
                log.atWarn().addKeyValue("key", key.value()).addKeyValue("drift", drift).log("stats.corrected");
                return drift;
            }
            // an addition landed between the read and the correction: read again
        }
        throw new IllegalStateException("Stats " + key.value() + " kept changing during the audit");
    }

    private static Map<Counter, Long> zeros() {
        Map<Counter, Long> zeros = new EnumMap<>(Counter.class);
        AUDITED.forEach(c -> zeros.put(c, 0L));
        return zeros;
    }
}
