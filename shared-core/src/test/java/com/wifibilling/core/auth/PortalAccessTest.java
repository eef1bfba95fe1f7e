package com.wifibilling.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayParams;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.guard.AttemptLimit;
import com.wifibilling.core.guard.AttemptLimiter;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.session.CommandReason;
import com.wifibilling.core.session.CommandRecorder;
import com.wifibilling.core.session.CommandType;
import com.wifibilling.core.session.Credentials;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayCommand;
import com.wifibilling.core.session.GrantPublisher;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.TestTables;
import com.wifibilling.core.voucher.AccessCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Portal sign-in by access code, a device's status and logout (the auth/vouchers issue), on dynalite. */
@ExtendWith(DynaliteExtension.class)
class PortalAccessTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final AtomicInteger MACS = new AtomicInteger();

    private final TestClock clock = new TestClock(NOW);
    private final List<GatewayCommand> commands = new CopyOnWriteArrayList<>();
    private final DynamoDbSessionStore sessions;
    private final DynamoDbLoginStore logins;
    private final PortalAccess portal;
    private final String gatewayId = "gw-portal-" + System.nanoTime();

    PortalAccessTest(TestTables tables) {
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        logins = new DynamoDbLoginStore(tables.client(), tables.name("LoginsTable"));
        var gateways = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        gateways.create(Gateway.builder(gatewayId, "Cafe", GatewayType.MIKROTIK, NOW).radiusClientAddress("10.0.0.3")
                .radiusSecretRef("env:X").build()); // no login URL: status and sign-in need none
        var guards = new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable"), clock);
        var limiter = new AttemptLimiter(guards, List.of(AttemptLimit.VOUCHER_DEVICE), new Metrics("test", clock, line -> { }), clock);
        GrantPublisher publisher = new CommandRecorder(commands, "no SMS here");
        portal = new PortalAccess(sessions, logins, gateways, publisher, limiter, gatewayId, clock);
    }

    private record Held(String mac, Session session) {}

    /** A live three-hour session on a fresh device, as a grant leaves it. */
    private Held live() {
        int n = MACS.incrementAndGet();
        String mac = String.format("02:80:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
        var device = new DeviceKey(gatewayId, Mac.parse(mac));
        String sessionId = Credentials.newSessionId();
        var session = new Session(device, sessionId, AccessCode.generate().value(), Credentials.newRadiusSecret(), null, "p3h",
                "3 hours", 4, 2, NOW, NOW.plusSeconds(10_800), SessionStatus.ACTIVE, null, null, 1, Map.of("grant-" + n, 10_800L),
                null, null, null, null, "grant-" + n);
        assertTrue(logins.put(sessionId, device));
        assertTrue(sessions.write(Optional.empty(), session, "grant-" + n));
        return new Held(mac, session);
    }

    private GatewayParams on(String mac) {
        return new GatewayParams(null, mac, null, null, null, null, null);
    }

    @Test
    void theAccessCodeSignsInOnlyFromItsOwnDevice() {
        Held held = live();
        String typed = AccessCode.parse(held.session().accessCode()).display().toLowerCase();
        PortalAccess.SignIn signIn = portal.signIn(typed, on(held.mac()));
        assertEquals(List.of(held.session().sessionId(), held.session().expiresAt()), List.of(signIn.sessionId(), signIn.expiresAt()));

        Held other = live();
        ApiException elsewhere = assertThrows(ApiException.class, () -> portal.signIn(held.session().accessCode(), on(other.mac())));
        assertEquals(List.of(401, "UNAUTHORIZED"), List.of(elsewhere.status(), elsewhere.code()));
    }

    @Test
    void failedSignInsLockTheDeviceOut() {
        Held held = live();
        for (int i = 0; i < 5; i++) {
            assertThrows(ApiException.class, () -> portal.signIn(AccessCode.generate().value(), on(held.mac())));
        }
        ApiException locked = assertThrows(ApiException.class, () -> portal.signIn(held.session().accessCode(), on(held.mac())));
        assertEquals(List.of(429, "RATE_LIMITED"), List.of(locked.status(), locked.code()));
    }

    @Test
    void statusSaysHowMuchTimeIsLeftAndNothingPersonal() {
        Held held = live();
        clock.advance(Duration.ofHours(1));
        PortalAccess.DeviceStatus status = portal.status(on(held.mac().toLowerCase().replace(':', '-')));
        assertEquals(List.of(true, 7_200L, "3 hours"), List.of(status.active(), status.remainingSeconds(), status.packageName()));
        clock.advance(Duration.ofHours(3));
        PortalAccess.DeviceStatus over = portal.status(on(held.mac()));
        assertFalse(over.active());
        assertNull(over.expiresAt());
        ApiException badMac = assertThrows(ApiException.class, () -> portal.status(on("nope")));
        assertEquals("INVALID_MAC", badMac.code());
        ApiException unknown = assertThrows(ApiException.class, () -> portal.status(new GatewayParams("nope", held.mac(), null, null, null, null, null)));
        assertEquals("INVALID_GATEWAY_CONTEXT", unknown.code());
    }

    @Test
    void logoutDisconnectsTheDeviceAndKeepsItsTime() {
        Held held = live();
        portal.logout(held.session().sessionId());
        Session after = sessions.find(held.session().deviceKey()).orElseThrow();
        assertEquals(List.of(SessionStatus.ACTIVE, held.session().expiresAt(), NOW), List.of(after.status(), after.expiresAt(), after.loggedOutAt()));
        assertTrue(commands.stream().anyMatch(c -> c.type() == CommandType.DISCONNECT && c.reason() == CommandReason.LOGOUT
                && c.sessionId().equals(held.session().sessionId())));

        clock.advance(Duration.ofHours(4));
        ApiException ended = assertThrows(ApiException.class, () -> portal.logout(held.session().sessionId()));
        assertEquals(List.of(404, "NO_ACTIVE_SESSION"), List.of(ended.status(), ended.code()));
    }
}
