package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayCommand;
import com.wifibilling.core.session.GrantPublisher;
import com.wifibilling.core.session.GrantService;
import com.wifibilling.core.session.SmsReceipt;
import com.wifibilling.core.stats.DayStats;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.user.PortalUsers;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import com.wifibilling.core.store.DynamoDbUserStore;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.store.TestTables;
import com.wifibilling.core.voucher.PurchaseCodes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The payment parts wired on dynalite as the functions wire them, with a recording grant publisher in place of the
 * queues: a fresh clock, metrics sink and publisher per test, and helpers that create pending purchases on gateways
 * of their own (so per-gateway Stats count one test's payments only).
 */
final class PaymentWorld {
    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    static final LocalDate TODAY = BusinessDay.of(NOW);
    /** Deactivated after purchases were made of it: a purchase still gets what it paid for. */
    static final TimePackage HOUR = new TimePackage("hour-pay", "1 hour", "One hour", 60, 2, 1, 20, false, 1);
    private static final AtomicInteger IDS = new AtomicInteger();

    final TestClock clock = new TestClock(NOW);
    final List<String> emf = new CopyOnWriteArrayList<>();
    final Metrics metrics = new Metrics("test", clock, emf::add);
    final RecordingPublisher publisher = new RecordingPublisher();
    final DynamoDbTransactionStore transactions;
    final DynamoDbSessionStore sessions;
    final DynamoDbStatsStore stats;
    final DynamoDbEventStore events;
    final DynamoDbGuardStore guards;
    final GrantService grants;
    final PaymentFinalizer finalizer;
    final DynamoDbUserStore users;
    final SuspiciousCallbacks suspicious;

    PaymentWorld(TestTables tables) {
        transactions = new DynamoDbTransactionStore(tables.client(), tables.name("TransactionsTable"));
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        stats = new DynamoDbStatsStore(tables.client(), tables.name("StatsTable"));
        events = new DynamoDbEventStore(tables.client(), tables.name("EventsTable"));
        guards = new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable"), clock);
        var packages = new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable"));
        packages.create(HOUR); // false when an earlier test made it: the same package
        var logins = new DynamoDbLoginStore(tables.client(), tables.name("LoginsTable"));
        var vouchers = new DynamoDbVoucherStore(tables.client(), tables.name("VouchersTable"));
        grants = new GrantService(sessions, logins, new PurchaseCodes(vouchers), publisher, stats, metrics, clock);
        users = new DynamoDbUserStore(tables.client(), tables.name("UsersTable"), guards);
        finalizer = new PaymentFinalizer(transactions, packages, grants, stats, new PortalUsers(() -> users), metrics, clock);
        suspicious = new SuspiciousCallbacks(events, metrics, clock);
    }

    /** Returns a new pending purchase of {@link #HOUR} (KES 20) on a device of its own, pushed with Daraja's ids. */
    Transaction pushed() {
        return pushed(null);
    }

    /** Returns a new pushed purchase from {@code phone} (null: a phone of its own). */
    Transaction pushed(Phone phone) {
        Transaction tx = unpushed(phone);
        assertTrue(transactions.recordPush(tx.transactionId(), "ws_CO_" + tx.transactionId(), "mr-" + tx.transactionId()));
        return transactions.find(tx.transactionId()).orElseThrow();
    }

    /** Returns a new pending purchase like {@link #pushed()}'s whose push never answered: no checkoutRequestId. */
    Transaction unpushed() {
        return unpushed(null);
    }

    private Transaction unpushed(Phone phone) {
        int n = IDS.incrementAndGet();
        var device = new DeviceKey("gw-pay" + n, Mac.parse(String.format("02:10:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff)));
        var tx = Transaction.pending("tx-pay-" + n + "-" + System.nanoTime(), phone != null ? phone : new Phone("2547" + String.format("%08d", 10_000 + n)),
                HOUR.packageId(), Money.kes(HOUR.priceKES()), HOUR.durationSeconds(), device, "hash-" + n, "en", NOW.minusSeconds(30));
        assertTrue(transactions.create(tx));
        finalizer.countInitiated(tx); // as PaymentInitiation does
        return tx;
    }

    Transaction reread(Transaction tx) {
        return transactions.find(tx.transactionId()).orElseThrow();
    }

    DayStats gatewayStats(Transaction tx) {
        return stats.day(StatsKey.forGateway(TODAY, tx.deviceKey().gatewayId()));
    }

    String flushedMetrics() {
        metrics.flush();
        return String.join("\n", emf);
    }

    /** Grant publishing recorded instead of queued: tests count commands to see how often a grant was applied. */
    static final class RecordingPublisher implements GrantPublisher {
        final List<GatewayCommand> commands = new CopyOnWriteArrayList<>();
        final List<SmsReceipt> receipts = new CopyOnWriteArrayList<>();

        @Override
        public void publish(GatewayCommand command) {
            commands.add(command);
        }

        @Override
        public void publish(SmsReceipt receipt) {
            receipts.add(receipt);
        }
    }
}
