package com.wifibilling.core.gateway;

import static com.wifibilling.core.gateway.RadiusFixtures.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.wifibilling.core.TestClock;
import com.wifibilling.core.session.Accounting;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.TestTables;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RADIUS accounting (contracts/gateways.md §3.5) on dynalite: Start, Interim, Stop, Gigawords and stale packets. */
@ExtendWith(DynaliteExtension.class)
class RadiusAccountingTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final DynamoDbSessionStore sessions;
    private final DynamoDbLoginStore logins;
    private final RadiusAccounting accounting;
    private final String gatewayId = "acct-" + System.nanoTime() % 1_000_000_000L;

    RadiusAccountingTest(TestTables tables) {
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        logins = new DynamoDbLoginStore(tables.client(), tables.name("LoginsTable"));
        accounting = new RadiusAccounting(logins, sessions, clock);
    }

    private static String classOf(Session session) {
        return "0x" + HexFormat.of().formatHex(("wb:" + session.sessionId()).getBytes(StandardCharsets.UTF_8));
    }

    private RadiusAccounting.Outcome send(Session session, int status, String acctSessionId, String... more) {
        String[] base = {"Acct-Status-Type", Integer.toString(status), "User-Name", session.sessionId(), "Class", classOf(session),
                "Acct-Session-Id", acctSessionId, "Framed-IP-Address", "10.5.50.23", "NAS-IP-Address", "10.5.50.1",
                "NAS-Identifier", gatewayId, "Calling-Station-Id", session.mac().value(), "WB-Gateway-Id", gatewayId};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return accounting.record(attributes(all));
    }

    private Session stored(Session session) {
        return sessions.find(session.deviceKey()).orElseThrow();
    }

    @Test
    void startInterimAndStopRecordTheLoginItsCountersWithGigawordsAndTheGatewayState() {
        Session session = RadiusFixtures.live(sessions, logins, gatewayId, NOW, 3600);
        clock.advance(Duration.ofSeconds(10));
        assertEquals(RadiusAccounting.Outcome.RECORDED, send(session, 1, "81500003", "Acct-Delay-Time", "2"));
        Session started = stored(session);
        assertEquals(GatewayState.ONLINE, started.gatewayState());
        assertEquals(new Accounting(session.sessionId(), "81500003", "10.5.50.23", "10.5.50.1", gatewayId, NOW.plusSeconds(8),
                NOW.plusSeconds(8), 0, 0, session.uploadMbps(), session.downloadMbps()), started.accounting(),
                "the login runs at the rates authorize answered from this session");

        clock.advance(Duration.ofSeconds(300));
        send(session, 3, "81500003", "Acct-Session-Time", "300", "Acct-Input-Octets", "1048576", "Acct-Output-Octets", "52428800",
                "Acct-Output-Gigawords", "1", "Acct-Delay-Time", "0");
        Accounting interim = stored(session).accounting();
        assertEquals(List.of(1_048_576L, 52_428_800L + (1L << 32), NOW.plusSeconds(310), NOW.plusSeconds(8)),
                List.of(interim.bytesIn(), interim.bytesOut(), interim.lastAcctAt(), interim.acctStartedAt()));
        assertEquals(started.accounting().loginUploadMbps(), interim.loginUploadMbps(), "an interim keeps the login's rates");

        // A retransmitted earlier Interim cannot make the counters go back.
        send(session, 3, "81500003", "Acct-Session-Time", "60", "Acct-Input-Octets", "1000", "Acct-Output-Octets", "2000");
        assertEquals(1_048_576L, stored(session).accounting().bytesIn());

        clock.advance(Duration.ofSeconds(60));
        send(session, 2, "81500003", "Acct-Session-Time", "360", "Acct-Input-Octets", "2097152", "Acct-Output-Octets", "0",
                "Acct-Output-Gigawords", "2", "Acct-Terminate-Cause", "1");
        Session stopped = stored(session);
        assertEquals(List.of(GatewayState.OFFLINE, 2_097_152L, 2L << 32),
                List.of(stopped.gatewayState(), stopped.accounting().bytesIn(), stopped.accounting().bytesOut()));
    }

    @Test
    void aLateStopOfAnEarlierLoginLeavesTheNewerLoginOnline() {
        Session session = RadiusFixtures.live(sessions, logins, gatewayId, NOW, 3600);
        send(session, 1, "00000001");
        clock.advance(Duration.ofSeconds(600));
        send(session, 1, "00000002"); // the device logged in again (idle timeout, roaming)
        clock.advance(Duration.ofSeconds(5));
        assertEquals(RadiusAccounting.Outcome.STALE, send(session, 2, "00000001", "Acct-Session-Time", "590"));
        Session now = stored(session);
        assertEquals(List.of(GatewayState.ONLINE, "00000002"), List.of(now.gatewayState(), now.accounting().acctSessionId()));
    }

    @Test
    void anInterimWhoseStartWasLostStartsTheLoginAndTheUnknownChangeNothing() {
        Session session = RadiusFixtures.live(sessions, logins, gatewayId, NOW, 3600);
        clock.advance(Duration.ofSeconds(400));
        send(session, 3, "0000000a", "Acct-Session-Time", "300", "Acct-Input-Octets", "5");
        Session online = stored(session);
        assertEquals(List.of(GatewayState.ONLINE, NOW.plusSeconds(100), 5L),
                List.of(online.gatewayState(), online.accounting().acctStartedAt(), online.accounting().bytesIn()));

        assertEquals(RadiusAccounting.Outcome.UNKNOWN_SESSION, accounting.record(attributes("Acct-Status-Type", "1",
                "User-Name", "no-such-session", "Acct-Session-Id", "1", "WB-Gateway-Id", gatewayId)));
        // The session's own packet relayed by another gateway's client changes nothing either.
        assertEquals(RadiusAccounting.Outcome.UNKNOWN_SESSION, accounting.record(attributes("Acct-Status-Type", "2",
                "User-Name", session.sessionId(), "Acct-Session-Id", "0000000a", "WB-Gateway-Id", "elsewhere")));
        assertEquals(GatewayState.ONLINE, stored(session).gatewayState());
    }

    @Test
    void accountingOnTakesTheGatewaysOnlineSessionsOffline() {
        Session first = RadiusFixtures.live(sessions, logins, gatewayId, NOW, 3600);
        Session second = RadiusFixtures.live(sessions, logins, gatewayId, NOW, 7200);
        send(first, 1, "1");
        send(second, 1, "2");
        accounting.record(attributes("Acct-Status-Type", "7", "NAS-IP-Address", "10.5.50.1", "WB-Gateway-Id", gatewayId));
        assertEquals(List.of(GatewayState.OFFLINE, GatewayState.OFFLINE), List.of(stored(first).gatewayState(), stored(second).gatewayState()));
        Session neverOnline = RadiusFixtures.live(sessions, logins, gatewayId, NOW, 60);
        accounting.record(attributes("Acct-Status-Type", "8", "WB-Gateway-Id", gatewayId));
        assertNull(stored(neverOnline).gatewayState());
    }
}
