package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.RevenueAudit;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hourly Stats audit of DESIGN §4 on dynalite: a crash's lost count is found, corrected once, and recorded. */
@ExtendWith(DynaliteExtension.class)
class StatsAuditTest {
    private final PaymentWorld world;
    private final StatsAudit audit;

    StatsAuditTest(TestTables tables) {
        world = new PaymentWorld(tables);
        audit = new StatsAudit(world.transactions, world.stats, world.events, world.guards, world.metrics, world.clock);
    }

    @Test
    void aCountLostToACrashIsRecomputedFromTheDaysPurchasesAndCorrectedOnce() {
        Transaction paid = world.pushed();
        world.finalizer.finalize(paid, new PaymentResult("0", "ok", "AUD1AUD2AU", PaymentSource.CALLBACK, world.clock.instant()),
                ResultCodes.Origin.CALLBACK);
        Transaction cancelled = world.pushed();
        world.finalizer.finalize(cancelled, new PaymentResult("1032", "cancelled", null, PaymentSource.CALLBACK, world.clock.instant()),
                ResultCodes.Origin.CALLBACK);
        world.pushed(); // still pending: not counted by anyone yet
        // A crash between a confirm and its Stats additions: the gateway's counters lost the payment.
        StatsKey gateway = StatsKey.forGateway(PaymentWorld.TODAY, paid.deviceKey().gatewayId());
        world.stats.add(gateway, Map.of(Counter.PAYMENTS_COMPLETED, -1L, Counter.REVENUE_KES, -20L));
        assertEquals(0L, world.stats.day(gateway).paymentsCompleted());

        StatsAudit.Report report = audit.audit(PaymentWorld.TODAY);

        assertTrue(report.purchases() >= 3);
        assertEquals(21L, report.drift(), "one payment and its KES 20");
        assertEquals(List.of(1L, 20L), List.of(world.stats.day(gateway).paymentsCompleted(), world.stats.day(gateway).revenueKES()));
        assertEquals(1L, world.stats.day(StatsKey.forGateway(PaymentWorld.TODAY, cancelled.deviceKey().gatewayId())).paymentsCancelled());
        assertTrue(world.flushedMetrics().contains("StatsDrift"));
        assertEquals(0L, audit.audit(PaymentWorld.TODAY).drift(), "a second audit finds nothing more");
    }

    @Test
    void theAuditRunsOncePerHourWhicheverSweeperRunComesFirst() {
        world.clock.advance(Duration.ofDays(3));
        assertEquals(2, audit.auditIfDue().size(), "yesterday and the day before");
        assertEquals(List.of(), audit.auditIfDue(), "the same hour again");
        world.clock.advance(Duration.ofHours(1));
        assertEquals(2, audit.auditIfDue().size());
    }

    @Test
    void theRevenueAuditShowsMoneyInAgainstTimeGrantedAndCatchesAPaidPurchaseWithoutItsTime() {
        Transaction paid = world.pushed();
        world.finalizer.finalize(paid, new PaymentResult("0", "ok", "AUD3AUD4AU", PaymentSource.CALLBACK, world.clock.instant()),
                ResultCodes.Origin.CALLBACK);
        Transaction stuck = world.pushed();
        // The processor crashed right after its claim: M-Pesa has the money, the device has no time yet.
        world.transactions.claim(stuck.transactionId(), new PaymentResult("0", "ok", "AUD5AUD6AU", PaymentSource.CALLBACK, world.clock.instant()));

        audit.audit(PaymentWorld.TODAY);
        RevenueAudit found = world.stats.day(StatsKey.day(PaymentWorld.TODAY)).revenueAudit();
        assertEquals(found.paid(), found.granted() + found.paidNotGranted(), found.toString());
        assertTrue(found.paidNotGranted() >= 1, found.toString());
        assertTrue(found.grantedSeconds() >= paid.grantSeconds() && found.paidKES() >= found.grantedKES() + stuck.amount().shillings(), found.toString());
        assertEquals(world.clock.instant(), found.auditedAt());

        world.finalizer.finishIfUnconfirmed(world.transactions.find(stuck.transactionId()).orElseThrow());
        audit.audit(PaymentWorld.TODAY);
        RevenueAudit after = world.stats.day(StatsKey.day(PaymentWorld.TODAY)).revenueAudit();
        assertEquals(List.of(found.paid(), found.granted() + 1, found.paidNotGranted() - 1, found.grantedSeconds() + stuck.grantSeconds()),
                List.of(after.paid(), after.granted(), after.paidNotGranted(), after.grantedSeconds()), "the repaired grant now counts as time given");
    }
}
