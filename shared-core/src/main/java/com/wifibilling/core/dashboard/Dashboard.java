package com.wifibilling.core.dashboard;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayStore;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.pkg.PackageStore;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.session.SessionStore;
import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.DayStats;
import com.wifibilling.core.stats.RevenueAudit;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.stats.StatsStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/admin/dashboard?range=today|7d|30d}: the Stats items of each business day in the range (the day's,
 * each package's and each gateway's, read in batches of 100 keys) plus a COUNT of unexpired sessions per gateway on
 * gateway-index. Its cost grows with days × (packages + gateways), two small tables, never with the number of sales.
 */
public final class Dashboard {
    private final StatsStore stats;
    private final PackageStore packages;
    private final GatewayStore gateways;
    private final SessionStore sessions;
    private final Clock clock;

    public Dashboard(StatsStore stats, PackageStore packages, GatewayStore gateways, SessionStore sessions, Clock clock) {
        this.stats = stats;
        this.packages = packages;
        this.gateways = gateways;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Payments of the range: {@code initiated} (pushes asked for), the outcomes, {@code pending} (initiated and not
     * ended yet); rates are of the payments that ended (completed, cancelled, expired, failed), null when none did.
     */
    public record Payments(long initiated, long pending, long completed, long cancelled, long expired, long failed, Double successRate,
                           Double cancelRate, Double expiryRate) {
        static Payments of(Totals t) {
            long ended = t.get(Counter.PAYMENTS_COMPLETED) + t.get(Counter.PAYMENTS_CANCELLED) + t.get(Counter.PAYMENTS_EXPIRED)
                    + t.get(Counter.PAYMENTS_FAILED);
            long initiated = t.get(Counter.PAYMENTS_INITIATED);
            return new Payments(initiated, Math.max(0, initiated - ended), t.get(Counter.PAYMENTS_COMPLETED), t.get(Counter.PAYMENTS_CANCELLED),
                    t.get(Counter.PAYMENTS_EXPIRED),
                    t.get(Counter.PAYMENTS_FAILED), rate(t.get(Counter.PAYMENTS_COMPLETED), ended), rate(t.get(Counter.PAYMENTS_CANCELLED), ended),
                    rate(t.get(Counter.PAYMENTS_EXPIRED), ended));
        }
    }

    /**
     * One business day of the range, for the charts, with the hourly audit's money-in versus time-granted check
     * ({@code revenueAudit}; absent until the day was audited: every hour the audit recomputes the two previous business days).
     */
    public record Day(String day, long revenueKES, long paymentsCompleted, long paymentsCancelled, long paymentsExpired,
                      long paymentsFailed, long vouchersRedeemed, RevenueAudit revenueAudit) {}

    /** One package's or gateway's share of the range. */
    public record Share(String id, long revenueKES, long paymentsCompleted, long sessionsStarted, Long activeSessions) {}

    /** The dashboard. {@code vouchersSold} counts redeemed vouchers; {@code notes} names what the counters cannot say. */
    public record View(String range, String from, String to, long revenueKES, Long averageKES, Payments payments, long vouchersSold,
                       long vouchersGenerated, long sessionsStarted, long activeSessions, List<Day> days, List<Share> byPackage,
                       List<Share> byGateway, List<String> notes) {}

    public View show(String range) {
        int length = switch (range == null ? "today" : range) {
            case "today" -> 1;
            case "7d" -> 7;
            case "30d" -> 30;
            default -> throw ApiException.invalidField("range", "range is today, 7d or 30d");
        };
        Instant now = clock.instant();
        LocalDate to = BusinessDay.of(now);
        LocalDate from = to.minusDays(length - 1L);
        List<String> packageIds = packages.all().stream().map(TimePackage::packageId).sorted().toList();
        List<String> gatewayIds = gateways.all().stream().map(Gateway::gatewayId).sorted().toList();

        List<StatsKey> keys = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            keys.add(StatsKey.day(d));
            for (String p : packageIds) keys.add(StatsKey.forPackage(d, p));
            for (String g : gatewayIds) keys.add(StatsKey.forGateway(d, g));
        }
        Totals total = new Totals();
        Map<String, Totals> perPackage = new TreeMap<>();
        Map<String, Totals> perGateway = new TreeMap<>();
        packageIds.forEach(p -> perPackage.put(p, new Totals()));
        gatewayIds.forEach(g -> perGateway.put(g, new Totals()));
        List<Day> days = new ArrayList<>();
        for (DayStats item : stats.days(keys)) {
            String key = item.key().value();
            if (key.contains("#pkg#")) perPackage.get(key.substring(key.indexOf("#pkg#") + 5)).add(item);
            else if (key.contains("#gw#")) perGateway.get(key.substring(key.indexOf("#gw#") + 4)).add(item);
            else {
                total.add(item);
                days.add(new Day(key, item.revenueKES(), item.paymentsCompleted(), item.paymentsCancelled(), item.paymentsExpired(),
                        item.paymentsFailed(), item.vouchersRedeemed(), item.revenueAudit()));
            }
        }
        List<Share> byGateway = new ArrayList<>();
        long active = 0;
        for (var e : perGateway.entrySet()) {
            long count = sessions.countUnexpired(e.getKey(), now);
            active += count;
            byGateway.add(e.getValue().share(e.getKey(), count));
        }
        List<Share> byPackage = perPackage.entrySet().stream().map(e -> e.getValue().share(e.getKey(), null))
                .sorted(Comparator.comparingLong(Share::revenueKES).reversed().thenComparing(Share::id)).toList();
        long completed = total.get(Counter.PAYMENTS_COMPLETED);
        return new View(range == null ? "today" : range, from.toString(), to.toString(), total.get(Counter.REVENUE_KES),
                completed == 0 ? null : Math.round((double) total.get(Counter.REVENUE_KES) / completed), Payments.of(total),
                total.get(Counter.VOUCHERS_REDEEMED), total.get(Counter.VOUCHERS_GENERATED), total.get(Counter.SESSIONS_STARTED), active,
                days, byPackage, byGateway, List.of(
                        "rates are of ended payments; pending = initiated - ended (an ended payment initiated the day before counts on its own day)",
                        "activeSessions counts entitled sessions (time not run out) of the listed gateways, online or not (gateway-index COUNT)"));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    /** Sums of counters over the range. */
    static final class Totals {
        private final Map<Counter, Long> sums = new EnumMap<>(Counter.class);

        void add(DayStats item) {
            for (Counter c : Counter.values()) sums.merge(c, item.get(c), Long::sum);
        }

        long get(Counter counter) {
            return sums.getOrDefault(counter, 0L);
        }

        Share share(String id, Long activeSessions) {
            return new Share(id, get(Counter.REVENUE_KES), get(Counter.PAYMENTS_COMPLETED), get(Counter.SESSIONS_STARTED), activeSessions);
        }
    }
}
