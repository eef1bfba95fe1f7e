package com.wifibilling.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.payment.PaymentGrantSource;
import com.wifibilling.core.payment.PaymentResult;
import com.wifibilling.core.payment.PaymentSource;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.payment.TransactionStatus;
import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.DayStats;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.stats.Tally;
import com.wifibilling.core.store.BarrierRace;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.store.TestTables;
import com.wifibilling.core.voucher.AccessCode;
import com.wifibilling.core.voucher.CodeFormat;
import com.wifibilling.core.voucher.PurchaseCodes;
import com.wifibilling.core.voucher.Voucher;
import com.wifibilling.core.voucher.VoucherKind;
import com.wifibilling.core.voucher.VoucherStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The grant of DESIGN §4 on dynalite with the real stores: exactly once under races and crashes (STYLE §12).
 * Each test uses gateways of its own, so the per-gateway Stats keys count that test's grants only.
 */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final LocalDate TODAY = BusinessDay.of(NOW);
    private static final GrantedPackage HOUR = new GrantedPackage("basic", "1 hour", 2, 1);
    private static final GrantedPackage QUICK = new GrantedPackage("quick", "10 minutes", 5, 3);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final DynamoDbTransactionStore transactions;
    private final DynamoDbSessionStore sessions;
    private final DynamoDbLoginStore logins;
    private final DynamoDbVoucherStore vouchers;
    private final DynamoDbStatsStore stats;

    GrantServiceTest(TestTables tables) {
        transactions = new DynamoDbTransactionStore(tables.client(), tables.name("TransactionsTable"));
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        logins = new DynamoDbLoginStore(tables.client(), tables.name("LoginsTable"));
        vouchers = new DynamoDbVoucherStore(tables.client(), tables.name("VouchersTable"));
        stats = new DynamoDbStatsStore(tables.client(), tables.name("StatsTable"));
    }

    // ---- the happy path and what exists when

    @Test
    void firstPaymentStartsASessionWhoseLoginAndPurchaseCodeExistBeforeIt() {
        var world = new World();
        DeviceKey device = newDevice();
        Transaction tx = pending(device, 50, 3600);
        var source = claiming(tx);
        DayStats dayBefore = stats.day(StatsKey.day(TODAY));
        DayStats packageBefore = stats.day(StatsKey.forPackage(TODAY, "basic"));

        GrantResult result = world.grants.grant(source.grant(HOUR), source);

        assertEquals(GrantClaim.CLAIMED, result.claim());
        Session session = result.granted().orElseThrow();
        assertEquals(NOW, session.startedAt());
        assertEquals(NOW.plusSeconds(3600), session.expiresAt());
        assertEquals(Map.of(tx.transactionId(), 3600L), session.appliedGrants());
        assertTrue(session.startedBy(tx.transactionId()));
        assertEquals(tx.phone(), session.phone());
        assertEquals(List.of(2, 1), List.of(session.downloadMbps(), session.uploadMbps()));
        assertTrue(session.sessionId().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertTrue(session.radiusSecret().matches("[A-Za-z0-9]{20}"));
        assertTrue(CodeFormat.isValid(session.accessCode()));
        assertEquals(session, sessions.find(device).orElseThrow());

        assertEquals(List.of(true), world.sessions.loginExistedAtWrite, "Logins item written before the session");
        assertEquals(Optional.of(device), logins.find(session.sessionId()));
        Voucher code = vouchers.find(session.accessCode()).orElseThrow();
        assertEquals(List.of(VoucherKind.PURCHASE, VoucherStatus.USED), List.of(code.kind(), code.status()));
        assertEquals(device, code.deviceKey());
        assertEquals(session.sessionId(), code.sessionId());

        GatewayCommand command = world.publisher.commands.getFirst();
        assertEquals(1, world.publisher.commands.size());
        assertEquals(CommandType.AUTHORIZE, command.type());
        assertEquals(CommandReason.PAYMENT, command.reason());
        assertEquals(List.of(device.value(), session.sessionId(), 1L, session.expiresAt(), NOW),
                List.of(command.deviceKey(), command.sessionId(), command.version(), command.expiresAt(), command.requestedAt()));
        SmsReceipt sms = world.publisher.receipts.getFirst();
        assertEquals(1, world.publisher.receipts.size());
        assertEquals(List.of(tx.transactionId(), tx.phone().msisdn(), "sw", session.accessCode(), "1 hour", session.expiresAt()),
                List.of(sms.grantId(), sms.phone(), sms.lang(), sms.accessCode(), sms.packageName(), sms.expiresAt()));

        assertTrue(transactions.find(tx.transactionId()).orElseThrow().grantConfirmed());
        assertCounted(device, 1, 50, 1);
        assertEquals(dayBefore.revenueKES() + 50, stats.day(StatsKey.day(TODAY)).revenueKES(), "the business day counts it");
        assertEquals(packageBefore.sessionsStarted() + 1, stats.day(StatsKey.forPackage(TODAY, "basic")).sessionsStarted(), "so does its package");
        String emf = world.flushedMetrics();
        assertTrue(emf.contains("\"SessionsStarted\":1"), emf);
        assertTrue(emf.contains("\"PayToActiveMs\":5000"), "paid 5 s before the grant applied: " + emf);
        assertFalse(emf.contains("GrantRepaired"), emf);
    }

    @Test
    void purchaseOnAnActiveSessionExtendsFromExpiryWithTheNewerRatesAndKeepsItsCredentials() {
        var world = new World();
        DeviceKey device = newDevice();
        Session first = grantPayment(world, pending(device, 20, 3600), HOUR);
        world.clock.advance(java.time.Duration.ofMinutes(10));

        Transaction second = pending(device, 10, 600, "quick");
        Session extended = grantPayment(world, second, QUICK);

        assertEquals(NOW.plusSeconds(3600 + 600), extended.expiresAt(), "extended from expiresAt, not from now");
        assertEquals(first.startedAt(), extended.startedAt());
        assertEquals(List.of(first.sessionId(), first.accessCode(), first.radiusSecret()),
                List.of(extended.sessionId(), extended.accessCode(), extended.radiusSecret()));
        assertEquals(List.of("quick", 5, 3), List.of(extended.packageId(), extended.downloadMbps(), extended.uploadMbps()));
        assertEquals(2, extended.appliedGrants().size());
        assertEquals(List.of(CommandType.AUTHORIZE, CommandType.UPDATE), world.publisher.commands.stream().map(GatewayCommand::type).toList());
        assertEquals(2, extended.version());
        assertCounted(device, 2, 30, 1);
    }

    @Test
    void afterTheSessionEndedANewGrantStartsAFreshSessionThatKeepsTheOldGrants() {
        var world = new World();
        DeviceKey device = newDevice();
        Transaction firstTx = pending(device, 20, 3600);
        Session first = grantPayment(world, firstTx, HOUR);
        world.clock.advance(java.time.Duration.ofMinutes(5));
        assertTrue(sessions.update(first, first.ended(world.clock.instant(), "terminate")));
        world.clock.advance(java.time.Duration.ofMinutes(1));

        Transaction secondTx = pending(device, 10, 600, "quick");
        Session second = grantPayment(world, secondTx, QUICK);

        assertEquals(SessionStatus.ACTIVE, second.status());
        assertEquals(world.clock.instant(), second.startedAt());
        assertEquals(world.clock.instant().plusSeconds(600), second.expiresAt(), "no time carried from the ended session");
        assertNotEquals(first.sessionId(), second.sessionId());
        assertNotEquals(first.accessCode(), second.accessCode());
        assertNotEquals(first.radiusSecret(), second.radiusSecret());
        assertEquals(Map.of(firstTx.transactionId(), 3600L, secondTx.transactionId(), 600L), second.appliedGrants());
        assertEquals(Optional.of(device), logins.find(second.sessionId()));
        assertEquals(CommandType.AUTHORIZE, world.publisher.commands.getLast().type());
        assertCounted(device, 2, 30, 2);
    }

    @Test
    void expiredSessionIsReplacedNotExtended() {
        var world = new World();
        DeviceKey device = newDevice();
        Session first = grantPayment(world, pending(device, 20, 600), HOUR);
        world.clock.advance(java.time.Duration.ofMinutes(11));
        Session second = grantPayment(world, pending(device, 20, 3600), HOUR);
        assertNotEquals(first.sessionId(), second.sessionId());
        assertEquals(world.clock.instant().plusSeconds(3600), second.expiresAt());
    }

    // ---- races (STYLE §12)

    @Test
    void racersForOnePendingTransactionGrantItOnceEveryRound() throws Exception {
        var world = new World();
        int racers = 6;
        int rounds = 200;
        for (int round = 0; round < rounds; round++) {
            DeviceKey device = newDevice();
            boolean extend = round % 2 == 0; // even rounds extend a live session, odd ones start one
            Instant before = extend ? liveSession(device, 1200).expiresAt() : NOW;
            Transaction tx = pending(device, 50, 3600);

            List<GrantResult> results = BarrierRace.race(racers, racer -> () -> {
                var source = PaymentGrantSource.claiming(transactions, tx, result(PaymentSource.values()[racer % PaymentSource.values().length]));
                return world.grants.grant(source.grant(HOUR), source);
            });

            assertEquals(1, results.stream().filter(r -> r.claim() == GrantClaim.CLAIMED).count(), "round " + round);
            Session session = sessions.find(device).orElseThrow();
            for (GrantResult r : results) assertTrue(r.session().appliedGrants().containsKey(tx.transactionId()), "every racer answers the granted session");
            assertEquals(3600L, session.appliedGrants().get(tx.transactionId()), "round " + round);
            assertEquals(before.plusSeconds(3600), session.expiresAt(), "extended exactly once, round " + round);
            assertEquals(extend ? 2 : 1, session.version(), "one write of the grant, round " + round);
            assertTrue(transactions.find(tx.transactionId()).orElseThrow().grantConfirmed());
            assertCounted(device, 1, 50, extend ? 0 : 1);
            List<GatewayCommand> commands = world.publisher.commandsFor(device);
            assertFalse(commands.isEmpty());
            for (GatewayCommand c : commands) {
                assertEquals(extend ? CommandType.UPDATE : CommandType.AUTHORIZE, c.type(), "every duplicate says the same");
                assertEquals(List.of(session.sessionId(), session.version(), session.expiresAt()), List.of(c.sessionId(), c.version(), c.expiresAt()));
            }
        }
    }

    @Test
    void twoPurchasesRacingForOneDeviceEndAsOneSessionWithBothDurations() throws Exception {
        var world = new World();
        for (int round = 0; round < 20; round++) {
            DeviceKey device = newDevice();
            Transaction hour = pending(device, 20, 3600);
            Transaction quick = pending(device, 10, 600, "quick");
            BarrierRace.race(2, racer -> () -> racer == 0 ? grantPayment(world, hour, HOUR) : grantPayment(world, quick, QUICK));

            Session session = sessions.find(device).orElseThrow();
            assertEquals(NOW.plusSeconds(3600 + 600), session.expiresAt(), "round " + round);
            assertEquals(Map.of(hour.transactionId(), 3600L, quick.transactionId(), 600L), session.appliedGrants());
            String extender = session.startedBy(hour.transactionId()) ? "quick" : "basic";
            assertEquals(extender, session.packageId(), "the rates of the grant applied last");
            assertEquals(Optional.of(device), logins.find(session.sessionId()));
            assertEquals(device, vouchers.find(session.accessCode()).orElseThrow().deviceKey());
            assertCounted(device, 2, 30, 1);
        }
    }

    // ---- crashes between the steps, and their repair

    @Test
    void crashAfterClaimIsFinishedByTheNextCallerWithTheTimeAddedOnce() {
        var world = new World();
        DeviceKey device = newDevice();
        Transaction tx = pending(device, 50, 3600);
        world.sessions.failBeforeWrite.set(1);
        grantCrashes(world, tx);
        assertTrue(sessions.find(device).isEmpty());

        var redelivered = claiming(tx);
        GrantResult repaired = world.grants.grant(redelivered.grant(HOUR), redelivered);

        assertEquals(GrantClaim.CLAIMED_BY_ANOTHER, repaired.claim());
        assertEquals(NOW.plusSeconds(3600), repaired.session().expiresAt());
        assertTrue(transactions.find(tx.transactionId()).orElseThrow().grantConfirmed());
        assertCounted(device, 1, 50, 1);
        assertTrue(world.flushedMetrics().contains("\"GrantRepaired\":1"));
    }

    @Test
    void crashAfterApplyIsFinishedByTheSweeperWithoutAddingTimeAgain() {
        var world = new World();
        DeviceKey device = newDevice();
        Transaction tx = pending(device, 50, 3600);
        world.sessions.failAfterWrite.set(1);
        grantCrashes(world, tx);
        Session applied = sessions.find(device).orElseThrow();
        assertTrue(world.publisher.commands.isEmpty());

        world.clock.advance(java.time.Duration.ofSeconds(40)); // the sweeper's 30 s
        Session finished = sweep(world, tx);

        assertEquals(applied, finished, "the grant was in appliedGrants: nothing written again");
        assertEquals(NOW.plusSeconds(3600), finished.expiresAt());
        assertEquals(CommandType.AUTHORIZE, world.publisher.commands.getFirst().type(), "it started the session, so authorize");
        assertEquals(1, world.publisher.receipts.size());
        assertTrue(transactions.find(tx.transactionId()).orElseThrow().grantConfirmed());
        assertCounted(device, 1, 50, 1);
        String emf = world.flushedMetrics();
        assertTrue(emf.contains("\"GrantRepaired\":1") && emf.contains("\"SessionsStarted\":1"), emf);
    }

    @Test
    void crashAfterPublishRepublishesHarmlesslyAndCountsOnce() {
        var world = new World();
        DeviceKey device = newDevice();
        Transaction tx = pending(device, 50, 3600);
        world.publisher.failAfterReceipt.set(true);
        grantCrashes(world, tx);
        assertEquals(1, world.publisher.receipts.size(), "the SMS went out before the crash");

        sweep(world, tx);

        List<GatewayCommand> commands = world.publisher.commands;
        assertEquals(2, commands.size());
        assertEquals(List.of(commands.get(0).type(), commands.get(0).sessionId(), commands.get(0).version(), commands.get(0).expiresAt()),
                List.of(commands.get(1).type(), commands.get(1).sessionId(), commands.get(1).version(), commands.get(1).expiresAt()),
                "a duplicate carries the same session state");
        assertEquals(world.publisher.receipts.get(0).grantId(), world.publisher.receipts.get(1).grantId(), "the SMS sender drops the repeat by grantId");
        assertEquals(NOW.plusSeconds(3600), sessions.find(device).orElseThrow().expiresAt());
        assertCounted(device, 1, 50, 1);
    }

    @Test
    void lateRepairOfAGrantWhoseSessionWasReplacedAddsNoTime() {
        var world = new World();
        DeviceKey device = newDevice();
        Transaction old = pending(device, 20, 3600);
        world.publisher.failOnCommand.set(true); // applied, then the crash: never confirmed
        grantCrashes(world, old);
        Session first = sessions.find(device).orElseThrow();
        assertTrue(sessions.update(first, first.ended(NOW.plusSeconds(60), "terminate")));
        world.clock.advance(java.time.Duration.ofMinutes(2));
        Session replaced = grantPayment(world, pending(device, 10, 600, "quick"), QUICK);

        Session after = sweep(world, old);

        assertEquals(replaced, after, "its grant came over with the old item's appliedGrants");
        assertEquals(world.clock.instant().plusSeconds(600), after.expiresAt());
        assertTrue(transactions.find(old.transactionId()).orElseThrow().grantConfirmed());
        assertEquals(CommandType.UPDATE, world.publisher.commands.getLast().type(), "it did not start the live session");
    }

    @Test
    void applyGivesUpAfterTwentyLostRacesAndLeavesTheGrantToRepair() {
        var world = new World();
        DeviceKey device = newDevice();
        Transaction tx = pending(device, 50, 3600);
        world.sessions.loseEveryRace.set(true);
        var source = claiming(tx);
        assertThrows(IllegalStateException.class, () -> world.grants.grant(source.grant(HOUR), source));
        assertEquals(GrantService.MAX_APPLY_ATTEMPTS, world.sessions.loginExistedAtWrite.size());
        assertTrue(transactions.find(tx.transactionId()).orElseThrow().grantUnconfirmed());
        assertEquals(1, world.sessions.sessionIdsAtWrite.size(), "one set of credentials for all attempts");
        assertEquals(Optional.of(device), logins.find(world.sessions.sessionIdsAtWrite.iterator().next()));
    }

    // ---- what the claim decides

    @Test
    void confirmedGrantAnswersTheSessionAndPublishesNothingMore() {
        var world = new World();
        DeviceKey device = newDevice();
        Transaction tx = pending(device, 50, 3600);
        Session session = grantPayment(world, tx, HOUR);
        var late = claiming(tx);
        GrantResult again = world.grants.grant(late.grant(HOUR), late);
        assertEquals(GrantClaim.CONFIRMED, again.claim());
        assertEquals(session, again.session());
        assertEquals(1, world.publisher.commands.size());
        assertCounted(device, 1, 50, 1);
    }

    @Test
    void closedTransactionGrantsNothing() {
        var world = new World();
        DeviceKey device = newDevice();
        Transaction tx = pending(device, 50, 3600);
        assertTrue(transactions.close(tx.transactionId(), TransactionStatus.CANCELLED,
                new PaymentResult("1032", "Request cancelled by user", null, PaymentSource.CALLBACK, NOW)));
        var source = claiming(tx);
        GrantResult result = world.grants.grant(source.grant(HOUR), source);
        assertEquals(GrantClaim.REFUSED, result.claim());
        assertTrue(result.granted().isEmpty());
        assertTrue(sessions.find(device).isEmpty());
        assertTrue(world.publisher.commands.isEmpty());
        assertEquals(TransactionStatus.CANCELLED, source.claimed().orElseThrow().transaction().status());
        assertCounted(device, 0, 0, 0);
    }

    @Test
    void aSourceFromAnotherPackagePlugsInAndAGrantWithoutPhoneSendsNoSms() {
        var world = new World();
        DeviceKey device = newDevice();
        AccessCode voucherCode = AccessCode.generate();
        var voucher = new CountingSource(TODAY);
        var grant = new Grant(voucherCode.value(), GrantKind.VOUCHER, device, 1800, HOUR, null, "en", voucherCode.value(), null);

        Session session = world.grants.grant(grant, voucher).session();

        assertEquals(voucherCode.value(), session.accessCode(), "a voucher's own code is the session's access code");
        assertTrue(vouchers.find(voucherCode.value()).isEmpty(), "no purchase code minted for it");
        assertNull(session.phone());
        assertTrue(world.publisher.receipts.isEmpty());
        assertEquals(CommandReason.VOUCHER, world.publisher.commands.getFirst().reason());
        assertEquals(1, stats.day(StatsKey.forGateway(TODAY, device.gatewayId())).vouchersRedeemed());
        assertFalse(grant.toString().contains(voucherCode.value()), "logs never show a voucher code whole");
    }

    // ---- fixtures

    /** A GrantService over the real stores, with a watched SessionStore, a recording publisher and its own clock. */
    private final class World {
        final TestClock clock = new TestClock(NOW);
        final WatchedSessions sessions = new WatchedSessions(GrantServiceTest.this.sessions, logins);
        final RecordingPublisher publisher = new RecordingPublisher();
        final List<String> emf = new CopyOnWriteArrayList<>();
        final Metrics metrics = new Metrics("test", clock, emf::add);
        final GrantService grants = new GrantService(sessions, logins, new PurchaseCodes(vouchers), publisher, stats, metrics, clock);

        String flushedMetrics() {
            metrics.flush();
            return String.join("\n", emf);
        }
    }

    private Session grantPayment(World world, Transaction tx, GrantedPackage granted) {
        var source = claiming(tx);
        return world.grants.grant(source.grant(granted), source).granted().orElseThrow();
    }

    /** Grants the basic package for {@code tx} through a fault the test injected: the grant is left unconfirmed. */
    private void grantCrashes(World world, Transaction tx) {
        var crashed = claiming(tx);
        assertThrows(IllegalStateException.class, () -> world.grants.grant(crashed.grant(HOUR), crashed));
        assertTrue(transactions.find(tx.transactionId()).orElseThrow().grantUnconfirmed());
    }

    /** Finishes {@code tx}'s unconfirmed grant as the sweeper does: from the transaction read back, never claiming. */
    private Session sweep(World world, Transaction tx) {
        var sweeper = PaymentGrantSource.unconfirmed(transactions, transactions.find(tx.transactionId()).orElseThrow());
        return world.grants.finishUnconfirmed(sweeper.grant(HOUR), sweeper);
    }

    private PaymentGrantSource claiming(Transaction tx) {
        return PaymentGrantSource.claiming(transactions, tx, result(PaymentSource.CALLBACK));
    }

    private static PaymentResult result(PaymentSource source) {
        return new PaymentResult("0", "The service request is processed successfully.", null, source, NOW.minusSeconds(5));
    }

    private Transaction pending(DeviceKey device, long shillings, long seconds) {
        return pending(device, shillings, seconds, "basic");
    }

    private Transaction pending(DeviceKey device, long shillings, long seconds, String packageId) {
        int n = IDS.incrementAndGet();
        var tx = Transaction.pending("tx-grant-" + n, new Phone("2547" + String.format("%08d", n)), packageId, Money.kes(shillings),
                seconds, device, "hash-" + n, "sw", NOW);
        assertTrue(transactions.create(tx));
        return tx;
    }

    /** Returns a live session on {@code device} written directly, as an earlier grant would have left it. */
    private Session liveSession(DeviceKey device, long secondsLeft) {
        String seed = "seed-" + IDS.incrementAndGet();
        var session = new Session(device, "s-" + seed, "K7QM4TXH9WR", "Ab0dd80b119ce5627b63", null, "basic", "1 hour", 2, 1,
                NOW.minusSeconds(600), NOW.plusSeconds(secondsLeft), SessionStatus.ACTIVE, null, null, 1, Map.of(seed, 600 + secondsLeft),
                GatewayState.ONLINE, null, null, null, seed);
        assertTrue(sessions.write(Optional.empty(), session, seed));
        return session;
    }

    private static DeviceKey newDevice() {
        int n = IDS.incrementAndGet();
        return new DeviceKey("gw-t" + n, Mac.parse(String.format("02:00:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff)));
    }

    private void assertCounted(DeviceKey device, long completed, long revenue, long started) {
        DayStats day = stats.day(StatsKey.forGateway(TODAY, device.gatewayId()));
        assertEquals(List.of(completed, revenue, started), List.of(day.paymentsCompleted(), day.revenueKES(), day.sessionsStarted()),
                "paymentsCompleted, revenueKES, sessionsStarted of " + device.gatewayId());
    }

    /** The real SessionStore, watched: whether the Logins item existed at each write, and injected crashes. */
    static final class WatchedSessions implements SessionStore {
        final SessionStore delegate;
        final LoginStore logins;
        final List<Boolean> loginExistedAtWrite = new CopyOnWriteArrayList<>();
        final AtomicInteger failBeforeWrite = new AtomicInteger();
        final AtomicInteger failAfterWrite = new AtomicInteger();
        final AtomicBoolean loseEveryRace = new AtomicBoolean();
        final java.util.Set<String> sessionIdsAtWrite = java.util.concurrent.ConcurrentHashMap.newKeySet();

        WatchedSessions(SessionStore delegate, LoginStore logins) {
            this.delegate = delegate;
            this.logins = logins;
        }

        @Override
        public boolean write(Optional<Session> read, Session next, String grantId) {
            boolean newSession = read.isEmpty() || !read.get().sessionId().equals(next.sessionId());
            if (newSession) {
                loginExistedAtWrite.add(logins.find(next.sessionId()).filter(next.deviceKey()::equals).isPresent());
                sessionIdsAtWrite.add(next.sessionId());
            }
            if (failBeforeWrite.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("injected: crash before the session write");
            if (loseEveryRace.get()) return false;
            boolean written = delegate.write(read, next, grantId);
            if (written && failAfterWrite.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("injected: crash after the session write");
            return written;
        }

        @Override public Optional<Session> find(DeviceKey deviceKey) { return delegate.find(deviceKey); }
        @Override public boolean update(Session read, Session next) { return delegate.update(read, next); }
        @Override public long countUnexpired(String gatewayId, Instant now) { return delegate.countUnexpired(gatewayId, now); }
        @Override public Page<Session> byGateway(String gatewayId, int limit, String cursor) { return delegate.byGateway(gatewayId, limit, cursor); }
        @Override public Page<Session> byPhone(Phone phone, int limit, String cursor) { return delegate.byPhone(phone, limit, cursor); }
        @Override public List<Session> onlineExpiringBefore(int shard, Instant cutoff, int limit) { return delegate.onlineExpiringBefore(shard, cutoff, limit); }
    }

    /** Records what a grant publishes; can crash once, after the command is refused or after the SMS went out. */
    static final class RecordingPublisher implements GrantPublisher {
        final List<GatewayCommand> commands = new CopyOnWriteArrayList<>();
        final List<SmsReceipt> receipts = new CopyOnWriteArrayList<>();
        final AtomicBoolean failOnCommand = new AtomicBoolean();
        final AtomicBoolean failAfterReceipt = new AtomicBoolean();

        @Override
        public void publish(GatewayCommand command) {
            if (failOnCommand.getAndSet(false)) throw new IllegalStateException("injected: gateway-commands unavailable");
            commands.add(command);
        }

        @Override
        public void publish(SmsReceipt receipt) {
            receipts.add(receipt);
            if (failAfterReceipt.getAndSet(false)) throw new IllegalStateException("injected: crash after publishing");
        }

        List<GatewayCommand> commandsFor(DeviceKey device) {
            List<GatewayCommand> found = new ArrayList<>();
            for (GatewayCommand c : commands) if (c.deviceKey().equals(device.value())) found.add(c);
            return found;
        }
    }

    /** A voucher-like source: claims once, confirms once, counts a redemption. */
    static final class CountingSource implements GrantSource {
        private final LocalDate day;
        private final AtomicBoolean confirmed = new AtomicBoolean();

        CountingSource(LocalDate day) {
            this.day = day;
        }

        @Override public GrantClaim claim() { return GrantClaim.CLAIMED; }
        @Override public boolean confirm() { return confirmed.compareAndSet(false, true); }
        @Override public Tally tally() { return Tally.of(day, Counter.VOUCHERS_REDEEMED, 1); }
    }
}
