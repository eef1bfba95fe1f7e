package com.wifibilling.core.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.TestTables;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard from Stats counters on dynalite: totals, rates, per day, per package, per gateway. */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
    private static final Instant NOW = Instant.parse("2027-07-15T09:00:00Z"); // 12:00 EAT, a day no other test writes
    private static final LocalDate TODAY = LocalDate.of(2027, 7, 15);
    private final DynamoDbStatsStore stats;
    private final Dashboard dashboard;

    DashboardTest(TestTables tables) {
        stats = new DynamoDbStatsStore(tables.client(), tables.name("StatsTable"));
        var packages = new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable"));
        packages.create(new TimePackage("dash-basic", "Basic", "", 60, 2, 0, 20, true, 1));
        packages.create(new TimePackage("dash-day", "Day", "", 1440, 5, 0, 100, true, 2));
        var gateways = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        gateways.create(Gateway.builder("dash-gw", "Dash", GatewayType.MIKROTIK, NOW).radiusClientAddress("10.9.9.1")
                .radiusSecretRef("arn:secret:dash").loginUrlHosts(List.of("10.9.9.1")).build());
        dashboard = new Dashboard(stats, packages, gateways, new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable")),
                Clock.fixed(NOW, ZoneOffset.UTC));
        add(TODAY, "dash-basic", "dash-gw", 3, 60, 1, 0, 1);
        add(TODAY.minusDays(3), "dash-day", "dash-gw", 2, 200, 0, 2, 0);
        add(TODAY.minusDays(20), "dash-day", "dash-gw", 1, 100, 0, 0, 0);
    }

    private void add(LocalDate day, String packageId, String gatewayId, long completed, long revenue, long cancelled, long expired, long failed) {
        Map<Counter, Long> amounts = Map.of(Counter.PAYMENTS_COMPLETED, completed, Counter.REVENUE_KES, revenue,
                Counter.PAYMENTS_CANCELLED, cancelled, Counter.PAYMENTS_EXPIRED, expired, Counter.PAYMENTS_FAILED, failed,
                Counter.VOUCHERS_REDEEMED, 1L);
        for (StatsKey key : List.of(StatsKey.day(day), StatsKey.forPackage(day, packageId), StatsKey.forGateway(day, gatewayId)))
            stats.add(key, amounts);
    }

    @Test
    void todayHasItsRevenueRatesAndShares() {
        var today = dashboard.show("today");
        assertEquals(List.of(60L, 20L, 3L, 1L, 0L, 1L), List.of(today.revenueKES(), today.averageKES(), today.payments().completed(),
                today.payments().cancelled(), today.payments().expired(), today.payments().failed()));
        assertEquals(0.6, today.payments().successRate());
        assertEquals(0.2, today.payments().cancelRate());
        assertEquals(0.0, today.payments().expiryRate());
        assertEquals(1, today.days().size());
        assertEquals(60, share(today.byPackage(), "dash-basic").revenueKES());
        assertEquals(0, share(today.byPackage(), "dash-day").revenueKES());
        assertEquals(60, share(today.byGateway(), "dash-gw").revenueKES());
        assertEquals(0L, share(today.byGateway(), "dash-gw").activeSessions());
        assertNull(share(today.byPackage(), "dash-basic").activeSessions());
    }

    @Test
    void sevenAndThirtyDaysAddTheirDays() {
        var week = dashboard.show("7d");
        assertEquals(List.of(260L, 5L, 2L, 7), List.of(week.revenueKES(), week.payments().completed(), week.payments().expired(),
                week.days().size()));
        assertEquals("2027-07-09", week.from());
        assertEquals(200, share(week.byPackage(), "dash-day").revenueKES());
        var month = dashboard.show("30d");
        assertEquals(List.of(360L, 6L, 30, 3L), List.of(month.revenueKES(), month.payments().completed(), month.days().size(),
                month.vouchersSold()));
        assertEquals(360, share(month.byGateway(), "dash-gw").revenueKES());
    }

    @Test
    void anUnknownRangeIsA400() {
        var rejected = assertThrows(ApiException.class, () -> dashboard.show("1y"));
        assertEquals(Optional.of("range"), rejected.field());
    }

    private static Dashboard.Share share(List<Dashboard.Share> shares, String id) {
        return shares.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
