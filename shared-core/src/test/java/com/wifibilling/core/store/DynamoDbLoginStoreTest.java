package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.session.DeviceKey;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbLoginStoreTest {
    private static final DeviceKey PHONE_A = new DeviceKey("gw-nairobi-01", Mac.parse("aa:bb:cc:dd:ee:01"));
    private static final DeviceKey PHONE_B = new DeviceKey("gw-nairobi-01", Mac.parse("aa:bb:cc:dd:ee:02"));
    private final DynamoDbLoginStore store;

    DynamoDbLoginStoreTest(TestTables tables) {
        store = new DynamoDbLoginStore(tables.client(), tables.name("LoginsTable"));
    }

    @Test
    void loginPointsTheSessionIdAtItsDevice() {
        String sessionId = UUID.randomUUID().toString();
        assertTrue(store.put(sessionId, PHONE_A));
        assertEquals(Optional.of(PHONE_A), store.find(sessionId));
    }

    @Test
    void repeatingTheSameLoginIsHarmless() {
        String sessionId = UUID.randomUUID().toString();
        assertTrue(store.put(sessionId, PHONE_A));
        assertTrue(store.put(sessionId, PHONE_A));
        assertEquals(Optional.of(PHONE_A), store.find(sessionId));
    }

    @Test
    void sessionIdOfAnotherDeviceIsNeverTakenOver() {
        String sessionId = UUID.randomUUID().toString();
        assertTrue(store.put(sessionId, PHONE_A));
        assertFalse(store.put(sessionId, PHONE_B));
        assertEquals(Optional.of(PHONE_A), store.find(sessionId));
    }

    @Test
    void unknownSessionIdFindsNothing() {
        assertEquals(Optional.empty(), store.find("no-such-session"));
    }

    @Test
    void devicesRacingForOneSessionIdLeaveItWithExactlyOneInEachOfTwentyRounds() throws Exception {
        for (int round = 0; round < 20; round++) {
            String sessionId = UUID.randomUUID().toString();
            List<Boolean> won = BarrierRace.race(16, i -> () -> store.put(sessionId,
                    new DeviceKey("gw-race", Mac.parse(String.format("02:00:00:00:00:%02x", i + 1)))));
            assertEquals(1, Collections.frequency(won, true), "round " + round);
            var winner = new DeviceKey("gw-race", Mac.parse(String.format("02:00:00:00:00:%02x", won.indexOf(true) + 1)));
            assertEquals(Optional.of(winner), store.find(sessionId), "round " + round);
        }
    }
}
