package com.wifibilling.core.voucher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.Mac;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayParams;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.gateway.LoginBuilder;
import com.wifibilling.core.guard.AttemptLimit;
import com.wifibilling.core.guard.AttemptLimiter;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.session.CommandRecorder;
import com.wifibilling.core.session.CommandType;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayCommand;
import com.wifibilling.core.session.GrantPublisher;
import com.wifibilling.core.session.GrantService;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.session.TimeMoves;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.store.BarrierRace;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /api/auth/voucher} as {@link VoucherRedemption} does it, on dynalite (DESIGN §4, §6): the check
 * character before any table read, exactly one winner among devices racing for a code, a device's two vouchers
 * summed, moves only when asked, lockouts per device.
 */
@ExtendWith(DynaliteExtension.class)
class VoucherRedemptionTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final TimePackage THREE_HOURS = new TimePackage("voucher-3h", "3 hours", "Three hours", 180, 4, 2, 50, true, 1);
    private static final AtomicInteger MACS = new AtomicInteger();

    private final TestClock clock = new TestClock(NOW);
    private final List<GatewayCommand> commands = new CopyOnWriteArrayList<>();
    private final CountingVouchers vouchers;
    private final DynamoDbSessionStore sessions;
    private final DynamoDbStatsStore stats;
    private final VoucherRedemption redemption;
    private final String gatewayId = "gw-voucher-" + System.nanoTime();

    VoucherRedemptionTest(TestTables tables) {
        vouchers = new CountingVouchers(new DynamoDbVoucherStore(tables.client(), tables.name("VouchersTable")));
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        stats = new DynamoDbStatsStore(tables.client(), tables.name("StatsTable"));
        var packages = new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable"));
        packages.create(THREE_HOURS);
        var gateways = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        gateways.create(Gateway.builder(gatewayId, "Shop", GatewayType.MIKROTIK, NOW).radiusClientAddress("10.0.0.2")
                .radiusSecretRef("env:X").defaultLoginUrl("http://10.5.50.1/login").loginUrlHosts(List.of("10.5.50.1")).build());
        var guards = new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable"), clock);
        var metrics = new Metrics("test", clock, line -> { });
        GrantPublisher publisher = new CommandRecorder(commands, "a voucher has no phone to send a receipt to");
        var grants = new GrantService(sessions, new DynamoDbLoginStore(tables.client(), tables.name("LoginsTable")),
                new PurchaseCodes(vouchers), publisher, stats, metrics, clock);
        var limiter = new AttemptLimiter(guards, List.of(AttemptLimit.VOUCHER_DEVICE), metrics, clock);
        redemption = new VoucherRedemption(vouchers, packages, gateways, grants, new TimeMoves(sessions, grants, publisher, guards, clock),
                limiter, new LoginBuilder("https://portal.example.co.ke"), gatewayId, metrics, clock);
    }

    private String sold(Instant validUntil) {
        AccessCode code = AccessCode.generate();
        assertTrue(vouchers.create(Voucher.unused(code.value(), "batch-" + gatewayId, THREE_HOURS.packageId(),
                THREE_HOURS.durationSeconds(), validUntil, NOW, "admin", null)));
        return code.display();
    }

    private static String mac() {
        int n = MACS.incrementAndGet();
        return String.format("02:70:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }

    private RedeemRequest request(String code, String mac, Boolean move) {
        return new RedeemRequest(code, new GatewayParams(gatewayId, mac, null, null, null, null, null), move, null);
    }

    private Session sessionOn(String mac) {
        return sessions.find(new DeviceKey(gatewayId, Mac.parse(mac))).orElseThrow();
    }

    @Test
    void anUnusedVoucherStartsASessionWhoseAccessCodeIsTheVoucherAndAskingAgainAddsNothing() {
        String code = sold(null);
        String mac = mac();
        RedeemAnswer first = redemption.redeem(request(code.toLowerCase().replace("-", " "), mac, null));
        String canonical = CodeFormat.normalize(code);
        assertEquals(List.of(canonical, NOW.plusSeconds(3 * 3600)), List.of(first.session().accessCode(), first.session().expiresAt()));
        assertEquals("redirect-get", first.login().method());
        assertFalse(first.moved());
        assertEquals(VoucherStatus.USED, vouchers.find(canonical).orElseThrow().status());

        RedeemAnswer again = redemption.redeem(request(code, mac, null));
        assertEquals(first.session(), again.session());
        assertEquals(Map.of(canonical, 10_800L), sessionOn(mac).appliedGrants());
        assertEquals(1L, stats.day(StatsKey.forGateway(BusinessDay.of(NOW), gatewayId)).vouchersRedeemed(), "counted once");
    }

    @Test
    void aTypoIsRefusedByTheCheckCharacterBeforeTheTableIsRead() {
        String code = CodeFormat.normalize(sold(null));
        char wrong = code.charAt(3) == 'A' ? 'B' : 'A';
        String typo = code.substring(0, 3) + wrong + code.substring(4);
        int reads = vouchers.reads.get();
        ApiException e = assertThrows(ApiException.class, () -> redemption.redeem(request(typo, mac(), null)));
        assertEquals(List.of(400, "INVALID_CODE"), List.of(e.status(), e.code()));
        assertEquals(reads, vouchers.reads.get(), "no read of the Vouchers table");
    }

    @Test
    void aHundredDevicesRacingForOneVoucherGetOneWinnerAndOneSession() throws Exception {
        String code = sold(null);
        List<String> macs = java.util.stream.IntStream.range(0, 100).mapToObj(i -> mac()).toList();
        List<String> outcomes = BarrierRace.race(100, i -> () -> {
            try {
                redemption.redeem(request(code, macs.get(i), null));
                return "ok";
            } catch (ApiException e) {
                return e.code();
            }
        });
        assertEquals(1, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
        assertEquals(99, outcomes.stream().filter("VOUCHER_ALREADY_USED"::equals).count(), outcomes.toString());
        String canonical = CodeFormat.normalize(code);
        long sessionsWithIt = macs.stream().map(m -> sessions.find(new DeviceKey(gatewayId, Mac.parse(m))))
                .filter(s -> s.isPresent() && s.get().appliedGrants().containsKey(canonical)).count();
        assertEquals(1, sessionsWithIt);
    }

    @Test
    void oneDeviceRedeemingTwoVouchersAtOnceGetsOneSessionWithBothDurations() throws Exception {
        String a = sold(null);
        String b = sold(null);
        String mac = mac();
        BarrierRace.race(2, i -> () -> redemption.redeem(request(i == 0 ? a : b, mac, null)));
        Session session = sessionOn(mac);
        assertEquals(2, session.appliedGrants().size());
        assertEquals(NOW.plusSeconds(2 * 3 * 3600), session.expiresAt());
        assertEquals(1, commands.stream().filter(c -> c.type() == CommandType.AUTHORIZE && c.deviceKey().equals(session.deviceKey().value())).count());
    }

    @Test
    void expiredAndVoidVouchersAreGone() {
        String expired = sold(NOW.minusSeconds(1));
        ApiException e = assertThrows(ApiException.class, () -> redemption.redeem(request(expired, mac(), null)));
        assertEquals(List.of(410, "VOUCHER_EXPIRED"), List.of(e.status(), e.code()));
        String voided = sold(null);
        assertTrue(vouchers.voidUnused(CodeFormat.normalize(voided)));
        ApiException v = assertThrows(ApiException.class, () -> redemption.redeem(request(voided, mac(), null)));
        assertEquals(List.of(410, "VOUCHER_VOID"), List.of(v.status(), v.code()));
    }

    @Test
    void fiveFailedCodesFromOneDeviceLockItOutEvenForAGoodCode() {
        String mac = mac();
        String good = sold(null);
        ApiException notFound = assertThrows(ApiException.class, () -> redemption.redeem(request(AccessCode.generate().value(), mac, null)));
        assertEquals(List.of(404, "CODE_NOT_FOUND"), List.of(notFound.status(), notFound.code()));
        for (int i = 0; i < 4; i++) assertThrows(ApiException.class, () -> redemption.redeem(request("K7QM-4TXH-9WRZ", mac, null)));
        ApiException locked = assertThrows(ApiException.class, () -> redemption.redeem(request(good, mac, null)));
        assertEquals(List.of(429, "RATE_LIMITED"), List.of(locked.status(), locked.code()));
        assertEquals(VoucherStatus.UNUSED, vouchers.find(CodeFormat.normalize(good)).orElseThrow().status(), "nothing redeemed");
        String other = mac();
        redemption.redeem(request(good, other, null)); // another device is not locked out
        assertEquals(SessionStatus.ACTIVE, sessionOn(other).status());
        clock.advance(Duration.ofMinutes(16));
        ApiException stillUsedElsewhere = assertThrows(ApiException.class, () -> redemption.redeem(request(good, mac, null)));
        assertEquals("VOUCHER_ALREADY_USED", stillUsedElsewhere.code(), "after the lockout the device may try again");
    }

    @Test
    void anotherDeviceGetsTheTimeOnlyWithMoveAndThePurchaseAccessCodeWorksTheSameWay() {
        String code = sold(null);
        String first = mac();
        String second = mac();
        redemption.redeem(request(code, first, null));
        ApiException offer = assertThrows(ApiException.class, () -> redemption.redeem(request(code, second, false)));
        assertEquals(List.of(409, "VOUCHER_ALREADY_USED"), List.of(offer.status(), offer.code()));

        clock.advance(Duration.ofHours(1));
        RedeemAnswer moved = redemption.redeem(request(code, second, true));
        assertTrue(moved.moved());
        assertEquals(List.of(SessionStatus.MOVED, SessionStatus.ACTIVE), List.of(sessionOn(first).status(), sessionOn(second).status()));
        assertEquals(NOW.plusSeconds(3 * 3600), sessionOn(second).expiresAt(), "the two hours left moved");
        assertEquals(CodeFormat.normalize(code), moved.session().accessCode());
        assertTrue(commands.stream().anyMatch(c -> c.type() == CommandType.DISCONNECT && c.deviceKey().equals(sessionOn(first).deviceKey().value())));
        assertFalse(redemption.redeem(request(code, second, null)).moved(), "the new holder gets its login back");
    }

    /** The real store, counting reads, to show what a request did not read. */
    private static final class CountingVouchers extends ForwardingVouchers {
        final AtomicInteger reads = new AtomicInteger();

        CountingVouchers(VoucherStore store) {
            super(store);
        }

        @Override
        public Optional<Voucher> find(String code) {
            reads.incrementAndGet();
            return super.find(code);
        }

        @Override
        public Redemption redeem(String code, DeviceKey deviceKey, String sessionId, Instant now) {
            reads.incrementAndGet();
            return super.redeem(code, deviceKey, sessionId, now);
        }
    }
}
