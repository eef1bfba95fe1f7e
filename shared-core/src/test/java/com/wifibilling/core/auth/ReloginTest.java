package com.wifibilling.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayParams;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.gateway.LoginBuilder;
import com.wifibilling.core.guard.FloodGuard;
import com.wifibilling.core.http.ApiException;
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

/** {@code POST /api/auth/relogin} (contracts/gateways.md §2.1) on dynalite. */
@ExtendWith(DynaliteExtension.class)
class ReloginTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:30Z");
    private static final AtomicInteger MACS = new AtomicInteger();

    private final TestClock clock = new TestClock(NOW);
    private final List<GatewayCommand> commands = new CopyOnWriteArrayList<>();
    private final DynamoDbSessionStore sessions;
    private final DynamoDbLoginStore logins;
    private final Relogin relogin;
    private final String gatewayId = "gw-relogin-" + System.nanoTime() % 1_000_000_000L;

    ReloginTest(TestTables tables) {
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        logins = new DynamoDbLoginStore(tables.client(), tables.name("LoginsTable"));
        var gateways = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        gateways.create(Gateway.builder(gatewayId, "Cafe", GatewayType.MIKROTIK, NOW).defaultLoginUrl("http://10.5.50.1/login").build());
        var guards = new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable"), clock);
        GrantPublisher publisher = new CommandRecorder(commands, "no SMS on a relogin");
        relogin = new Relogin(gateways, sessions, new LoginBuilder("https://portal.example.co.ke"), publisher,
                new FloodGuard(guards, Relogin.FLOOD_KIND, Relogin.PER_MINUTE, clock), gatewayId, clock);
    }

    private Session live(String mac) {
        var device = new DeviceKey(gatewayId, Mac.parse(mac));
        String sessionId = Credentials.newSessionId();
        var session = new Session(device, sessionId, AccessCode.generate().value(), Credentials.newRadiusSecret(), null, "p1h",
                "1 hour", 5, 2, NOW, NOW.plusSeconds(3600), SessionStatus.ACTIVE, null, null, 1, Map.of("g-" + sessionId, 3600L),
                null, null, null, null, "g-" + sessionId);
        assertTrue(logins.put(sessionId, device));
        assertTrue(sessions.write(Optional.empty(), session, "g-" + sessionId));
        return session;
    }

    private static String freshMac() {
        int n = MACS.incrementAndGet();
        return String.format("02:91:00:00:%02x:%02x", (n >> 8) & 0xff, n & 0xff);
    }

    private static Relogin.ReloginRequest from(String mac) {
        return new Relogin.ReloginRequest(new GatewayParams(null, mac, "10.5.50.23", null, null, "f9", "ef0dd80b119c65a5c3ab62a65b7dfdce"));
    }

    @Test
    void aLoggedOutDeviceGetsAFreshChapLoginAndIsLetBackIn() {
        String mac = freshMac();
        Session session = live(mac);
        assertTrue(sessions.update(session, session.withLoggedOutAt(NOW)));
        Relogin.ReloginAnswer answer = relogin.relogin(from(mac));
        assertEquals(List.of(session.sessionId(), "redirect-get", session.sessionId(), "http://10.5.50.1/login"),
                List.of(answer.session().sessionId(), answer.login().method(), answer.login().fields().get("username"), answer.login().url()));
        assertEquals(32, answer.login().fields().get("password").length()); // the CHAP hash, never the secret itself
        assertNull(sessions.find(session.deviceKey()).orElseThrow().loggedOutAt());
        assertEquals(List.of(CommandType.AUTHORIZE, CommandReason.RELOGIN), List.of(commands.getFirst().type(), commands.getFirst().reason()));

        relogin.relogin(from(mac)); // not logged out: a login, nothing to tell the gateway
        assertEquals(1, commands.size());
    }

    @Test
    void aDeviceWithoutLiveTimeGetsNoActiveSession() {
        ApiException none = assertThrows(ApiException.class, () -> relogin.relogin(from(freshMac())));
        assertEquals(List.of(404, "NO_ACTIVE_SESSION"), List.of(none.status(), none.code()));
        String mac = freshMac();
        live(mac);
        clock.advance(Duration.ofHours(2));
        assertEquals("NO_ACTIVE_SESSION", assertThrows(ApiException.class, () -> relogin.relogin(from(mac))).code());
        clock.set(NOW);
    }

    @Test
    void theEleventhReloginOfADeviceInAMinuteIsRateLimited() {
        String mac = freshMac();
        live(mac);
        for (int i = 0; i < Relogin.PER_MINUTE; i++) relogin.relogin(from(mac));
        ApiException limited = assertThrows(ApiException.class, () -> relogin.relogin(from(mac)));
        assertEquals(List.of(429, "RATE_LIMITED"), List.of(limited.status(), limited.code()));
        // The limit is per device: another one on the same hotspot is still answered.
        assertEquals("NO_ACTIVE_SESSION", assertThrows(ApiException.class, () -> relogin.relogin(from(freshMac()))).code());
    }
}
