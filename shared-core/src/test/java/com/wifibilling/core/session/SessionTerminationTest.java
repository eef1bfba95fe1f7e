package com.wifibilling.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.Mac;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
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

/** Admin terminate and the sweeper's expiry backstop (DESIGN §6), on dynalite. */
@ExtendWith(DynaliteExtension.class)
class SessionTerminationTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final AtomicInteger MACS = new AtomicInteger();

    private final TestClock clock = new TestClock(NOW);
    private final List<GatewayCommand> commands = new CopyOnWriteArrayList<>();
    private final DynamoDbSessionStore sessions;
    private final SessionTermination termination;

    SessionTerminationTest(TestTables tables) {
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        GrantPublisher publisher = new CommandRecorder(commands, "no SMS here");
        termination = new SessionTermination(sessions, publisher, new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable"), clock),
                clock);
    }

    /** A session of {@code hours} from NOW on a fresh device of gateway gw-end, in {@code state}. */
    private Session session(long hours, GatewayState state) {
        int n = MACS.incrementAndGet();
        var device = new DeviceKey("gw-end", Mac.parse(String.format("02:c0:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff)));
        var session = new Session(device, Credentials.newSessionId(), "HS7K2M9Q4BX", Credentials.newRadiusSecret(), null, "p", "Pkg", 2, 2,
                NOW.minusSeconds(60), NOW.plus(Duration.ofHours(hours)), SessionStatus.ACTIVE, null, null, 1, Map.of("g" + n, 3600L),
                state, null, null, null, "g" + n);
        sessions.write(Optional.empty(), session, "g" + n);
        return session;
    }

    @Test
    void terminateEndsTheEntitlementAndDisconnectsOnce() {
        Session live = session(2, GatewayState.ONLINE);
        Session ended = termination.terminate(live.deviceKey(), " refund requested ");
        assertEquals(List.of(SessionStatus.ENDED, NOW, NOW, "refund requested"),
                List.of(ended.status(), ended.expiresAt(), ended.endedAt(), ended.endReason()));
        assertEquals(ended, sessions.find(live.deviceKey()).orElseThrow());
        assertEquals(List.of(CommandType.DISCONNECT), commands.stream().map(GatewayCommand::type).toList());
        assertEquals(CommandReason.TERMINATE, commands.getFirst().reason());

        ApiException again = assertThrows(ApiException.class, () -> termination.terminate(live.deviceKey(), null));
        assertEquals(List.of(404, "NO_ACTIVE_SESSION"), List.of(again.status(), again.code()));
        assertEquals(1, commands.size());
    }

    @Test
    void expiredSessionsStillOnlineGetOneBackstopDisconnectEveryFewMinutes() {
        Session expiredOnline = session(1, GatewayState.ONLINE);
        Session expiredOffline = session(1, GatewayState.OFFLINE);
        Session stillPaid = session(5, GatewayState.ONLINE);
        clock.advance(Duration.ofHours(2));

        assertEquals(1, termination.disconnectExpired());
        assertEquals(List.of(expiredOnline.sessionId()), commands.stream().map(GatewayCommand::sessionId).toList());
        assertEquals(CommandReason.EXPIRY, commands.getFirst().reason());
        assertEquals(0, termination.disconnectExpired(), "the next minute's run waits for the first to work");
        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, termination.disconnectExpired(), "still reported online: sent again");
        assertEquals(List.of(expiredOnline.sessionId(), expiredOnline.sessionId()), commands.stream().map(GatewayCommand::sessionId).toList(),
                "never the offline one (" + expiredOffline.sessionId() + ") nor the paid one (" + stillPaid.sessionId() + ")");
    }
}
