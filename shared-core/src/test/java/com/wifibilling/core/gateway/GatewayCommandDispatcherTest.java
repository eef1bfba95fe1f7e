package com.wifibilling.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.radius.CoaClient;
import com.wifibilling.core.radius.FreeRadiusDas;
import com.wifibilling.core.session.Accounting;
import com.wifibilling.core.session.CommandReason;
import com.wifibilling.core.session.CommandType;
import com.wifibilling.core.session.Credentials;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayCommand;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStore;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGatewayOutboxStore;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.TestTables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * coa-function's decisions (contracts/gateways.md §4.3, §4.4) on dynalite, with real FreeRADIUS 3.2.1 as the
 * gateway's CoA/Disconnect listener: an online device's update is a CoA and its disconnect a Disconnect, both ACKed;
 * a wrong secret gets no answer, so the command times out, is retried, and lastCommand says {@code timeout};
 * an offline device records {@code not-online}; pfSense defers; a polling gateway gets an outbox item; stale
 * commands are dropped.
 */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayCommandDispatcherTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String SECRET = "CoaTestSecret0123456789AB";
    private static final AtomicInteger MACS = new AtomicInteger();

    private final TestClock clock = new TestClock(NOW);
    private final List<String> metrics = new CopyOnWriteArrayList<>();
    private final Metrics emf = new Metrics("test", clock, metrics::add);
    private final DynamoDbSessionStore sessions;
    private final DynamoDbGatewayStore gateways;
    private final DynamoDbGatewayOutboxStore outbox;
    private FreeRadiusDas das;

    GatewayCommandDispatcherTest(TestTables tables) {
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        gateways = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        outbox = new DynamoDbGatewayOutboxStore(tables.client(), tables.name("GatewayOutboxTable"));
    }

    @BeforeAll
    void startDas(@TempDir Path dir) throws Exception {
        das = FreeRadiusDas.start(dir, SECRET);
    }

    @AfterAll
    void stopDas() throws Exception {
        if (das != null) das.close();
    }

    private GatewayCommandDispatcher dispatcher(String secret) {
        return dispatcher(secret, sessions);
    }

    private GatewayCommandDispatcher dispatcher(String secret, SessionStore sessions) {
        GuestAuthorizer noController = new GuestAuthorizer() {
            @Override
            public Result authorize(Gateway gateway, Session session, Instant now) {
                throw new AssertionError("no UniFi here");
            }

            @Override
            public Result unauthorize(Gateway gateway, Session session) {
                throw new AssertionError("no UniFi here");
            }
        };
        return new GatewayCommandDispatcher(sessions, gateways, outbox,
                new CoaClient(List.of(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200))), noController,
                ref -> secret, emf, clock);
    }

    private Gateway gateway(GatewayType type, ControlMode mode) {
        String id = "gw-coa-" + UUID.randomUUID().toString().substring(0, 8);
        var builder = Gateway.builder(id, "CoA test", type, NOW).radiusClientAddress("127.0.0.1").radiusSecretRef("env:X")
                .coaAddress("127.0.0.1").coaPort(das.address().getPort()).controlMode(mode);
        Gateway gateway = builder.build();
        assertTrue(gateways.create(gateway));
        return gateway;
    }

    private Session session(Gateway gateway, GatewayState state) {
        int n = MACS.incrementAndGet();
        var device = new DeviceKey(gateway.gatewayId(), Mac.parse(String.format("02:d0:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff)));
        String sessionId = Credentials.newSessionId();
        var accounting = state == GatewayState.ONLINE ? new Accounting(sessionId, "8150000" + n, "10.5.50." + (n % 200 + 2), "127.0.0.1",
                gateway.gatewayId(), NOW.minusSeconds(60), NOW, 0, 1) : null;
        var session = new Session(device, sessionId, "HS7K2M9Q4BX", Credentials.newRadiusSecret(), null, "p", "Pkg", 2, 5,
                NOW.minusSeconds(60), NOW.plus(Duration.ofHours(2)), SessionStatus.ACTIVE, null, null, 1, Map.of("g" + n, 7200L),
                state, null, accounting, null, "g" + n);
        assertTrue(sessions.write(Optional.empty(), session, "g" + n));
        return session;
    }

    private static GatewayCommand command(Session session, CommandType type, CommandReason reason) {
        return new GatewayCommand(UUID.randomUUID().toString(), type, reason, session.deviceKey().value(), session.sessionId(),
                session.version(), session.expiresAt(), NOW);
    }

    /** FreeRADIUS writes its debug log a moment after it answers: look for a while. */
    private boolean logShows(String text) {
        Instant until = Instant.now().plusSeconds(3);
        while (Instant.now().isBefore(until)) {
            if (das.log().stream().anyMatch(line -> line.contains(text))) return true;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private String lastResult(Session session) {
        var last = sessions.find(session.deviceKey()).orElseThrow().lastCommand();
        return last == null ? null : last.result();
    }

    @Test
    void anOnlineMikrotikDeviceGetsACoaAndADisconnectThatFreeRadiusAcks() {
        Gateway gateway = gateway(GatewayType.MIKROTIK, ControlMode.PUSH);
        Session online = session(gateway, GatewayState.ONLINE);

        assertEquals(GatewayCommandDispatcher.Outcome.DONE, dispatcher(SECRET).dispatch(command(online, CommandType.UPDATE, CommandReason.PAYMENT)));
        assertEquals("ack", lastResult(online));
        assertEquals(GatewayCommandDispatcher.Outcome.DONE,
                dispatcher(SECRET).dispatch(command(online, CommandType.DISCONNECT, CommandReason.TERMINATE)));
        assertEquals("ack", lastResult(online));
        assertTrue(logShows("5000k/2000k"), "FreeRADIUS decoded our CoA's Mikrotik-Rate-Limit: upload 5 Mbps / download 2 Mbps");
        emf.flush();
        assertTrue(String.join("\n", metrics).contains("CoaSent"));
    }

    /** An online session whose login FreeRADIUS knows as {@code acctSessionId}, logged in at {@code up}/{@code down} Mbps. */
    private Session onlineAs(Gateway gateway, String acctSessionId, Integer up, Integer down) {
        Session online = session(gateway, GatewayState.ONLINE);
        var a = online.accounting();
        Session renamed = online.withAccounting(new Accounting(a.nasUserName(), acctSessionId, a.framedIp(), a.nasIp(), a.nasIdentifier(),
                a.acctStartedAt(), a.lastAcctAt(), a.bytesIn(), a.bytesOut(), up, down), GatewayState.ONLINE);
        assertTrue(sessions.update(online, renamed));
        return renamed;
    }

    /** An online session whose login FreeRADIUS (playing RouterOS) answers with Disconnect-NAK 406. */
    private Session onlineAs406(Gateway gateway) {
        return onlineAs(gateway, "gone406", null, null);
    }

    @Test
    void aRefusedCoaOnAPackageChangeEndsTheLoginSoTheNewRateApplies() {
        Gateway gateway = gateway(GatewayType.MIKROTIK, ControlMode.PUSH);
        Session upgraded = onlineAs(gateway, "refuse-coa", 1, 1); // logged in at 1/1, the session now says 5 up / 2 down
        dispatcher(SECRET).dispatch(command(upgraded, CommandType.UPDATE, CommandReason.PAYMENT));
        var last = sessions.find(upgraded.deviceKey()).orElseThrow().lastCommand();
        assertEquals(List.of("disconnect", "ack"), List.of(last.type(), last.result()), "the CoA-NAK fell back to a Disconnect");
        assertTrue(logShows("Disconnect-Request"), "FreeRADIUS saw the Disconnect");

        Session timeOnly = onlineAs(gateway, "refuse-coa", 5, 2); // same rates: only time was added
        dispatcher(SECRET).dispatch(command(timeOnly, CommandType.UPDATE, CommandReason.PAYMENT));
        var refused = sessions.find(timeOnly.deviceKey()).orElseThrow().lastCommand();
        assertEquals(List.of("update", "nak", "401"), List.of(refused.type(), refused.result(), refused.errorCause()),
                "time only: no Disconnect, the router cuts at the old timeout and the device logs in again");
    }

    @Test
    void anAcknowledgedCoaIsTheLoginsNewRate() {
        Gateway gateway = gateway(GatewayType.MIKROTIK, ControlMode.PUSH);
        Session upgraded = onlineAs(gateway, "coa-acked", 1, 1);
        dispatcher(SECRET).dispatch(command(upgraded, CommandType.UPDATE, CommandReason.PAYMENT));
        Session after = sessions.find(upgraded.deviceKey()).orElseThrow();
        assertEquals("ack", after.lastCommand().result());
        assertEquals(List.of(5, 2), List.of(after.accounting().loginUploadMbps(), after.accounting().loginDownloadMbps()));
        assertFalse(after.accounting().rateDiffersFrom(after));
    }

    @Test
    void aDisconnectNak406IsGoneOnlyWhenOurAccountingSawTheLoginStop() {
        Gateway gateway = gateway(GatewayType.MIKROTIK, ControlMode.PUSH);
        Session stillOnline = onlineAs406(gateway);
        dispatcher(SECRET).dispatch(command(stillOnline, CommandType.DISCONNECT, CommandReason.TERMINATE));
        var last = sessions.find(stillOnline.deviceKey()).orElseThrow().lastCommand();
        assertEquals("nak", last.result(), () -> "online by our accounting: a real refusal\n" + String.join("\n", das.log()));
        assertEquals("406", last.errorCause());

        Session stopping = onlineAs406(gateway);
        // The Stop arrives while the Disconnect is in flight: every read after the dispatcher's first sees it offline.
        AtomicInteger reads = new AtomicInteger();
        SessionStore stopArrives = (SessionStore) Proxy.newProxyInstance(SessionStore.class.getClassLoader(),
                new Class<?>[] {SessionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find") && reads.incrementAndGet() == 2) {
                        Session read = sessions.find(stopping.deviceKey()).orElseThrow();
                        assertTrue(sessions.update(read, read.withGatewayState(GatewayState.OFFLINE)));
                    }
                    try {
                        return method.invoke(sessions, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        dispatcher(SECRET, stopArrives).dispatch(command(stopping, CommandType.DISCONNECT, CommandReason.TERMINATE));
        assertEquals("gone", lastResult(stopping), "RouterOS's 406 for a session it no longer holds (contracts/gateways.md §4.4)");
    }

    @Test
    void aWrongSecretGetsNoAnswerSoTheCommandTimesOutAndComesBack() {
        Gateway gateway = gateway(GatewayType.MIKROTIK, ControlMode.PUSH);
        Session online = session(gateway, GatewayState.ONLINE);
        var dispatcher = dispatcher("WrongSecret0123456789ABCD");
        assertEquals(GatewayCommandDispatcher.Outcome.RETRY, dispatcher.dispatch(command(online, CommandType.DISCONNECT, CommandReason.TERMINATE)));
        assertEquals("timeout", lastResult(online));
        emf.flush();
        assertTrue(String.join("\n", metrics).contains("CoaFailed"), String.join("\n", metrics));
    }

    @Test
    void offlineDevicesPfsenseAndAuthorizeNeedNothingOnTheWire() {
        Gateway mikrotik = gateway(GatewayType.MIKROTIK, ControlMode.PUSH);
        Session offline = session(mikrotik, GatewayState.AWAITING_LOGIN);
        assertEquals(GatewayCommandDispatcher.Outcome.DONE, dispatcher(SECRET).dispatch(command(offline, CommandType.DISCONNECT, CommandReason.LOGOUT)));
        assertEquals("not-online", lastResult(offline));
        Session fresh = session(mikrotik, GatewayState.AWAITING_LOGIN);
        dispatcher(SECRET).dispatch(command(fresh, CommandType.AUTHORIZE, CommandReason.PAYMENT));
        assertNull(lastResult(fresh), "CoA can never log a device in: nothing sent, nothing to record");

        Session onPfsense = session(gateway(GatewayType.PFSENSE, ControlMode.PUSH), GatewayState.ONLINE);
        dispatcher(SECRET).dispatch(command(onPfsense, CommandType.DISCONNECT, CommandReason.TERMINATE));
        assertEquals("deferred-reauth", lastResult(onPfsense));
    }

    @Test
    void aPollingGatewayGetsOutboxItemsAndStaleCommandsAreDropped() {
        Gateway polling = gateway(GatewayType.MIKROTIK, ControlMode.POLL);
        Session session = session(polling, GatewayState.ONLINE);
        dispatcher(SECRET).dispatch(command(session, CommandType.UPDATE, CommandReason.PAYMENT));
        dispatcher(SECRET).dispatch(command(session, CommandType.DISCONNECT, CommandReason.TERMINATE));
        var page = outbox.since(polling.gatewayId(), 0, 10);
        assertEquals(List.of("UPDATE", "DROP"), page.entries().stream().map(e -> e.command().name()).toList());

        var stale = new GatewayCommand(UUID.randomUUID().toString(), CommandType.DISCONNECT, CommandReason.TERMINATE,
                session.deviceKey().value(), "not-the-current-session", 1, NOW, NOW);
        assertEquals(GatewayCommandDispatcher.Outcome.DONE, dispatcher(SECRET).dispatch(stale));
        assertEquals(2, outbox.since(polling.gatewayId(), 0, 10).entries().size(), "nothing done for a session the device no longer holds");
    }
}
