package com.wifibilling.core.guard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.TestClock;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
class FloodGuardTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:15Z"));
    private final FloodGuard flood;

    FloodGuardTest(TestTables tables) {
        flood = new FloodGuard(new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable"), clock), "login-ip", 3, clock);
    }

    @Test
    void requestsPastTheLimitWaitForTheNextMinute() {
        for (int i = 0; i < 3; i++) flood.admit("196.201.214.200");
        ApiException refused = assertThrows(ApiException.class, () -> flood.admit("196.201.214.200"));
        assertEquals(429, refused.status());
        assertEquals("RATE_LIMITED", refused.code());
        assertEquals("45", refused.headers().get("Retry-After"), "10:00:15 → the window ends at 10:01:00");
        clock.advance(Duration.ofSeconds(45));
        assertDoesNotThrow(() -> flood.admit("196.201.214.200"), "a new minute counts from one");
    }

    @Test
    void eachSourceHasItsOwnCount() {
        for (int i = 0; i < 3; i++) flood.admit("41.90.0.1");
        assertThrows(ApiException.class, () -> flood.admit("41.90.0.1"));
        assertDoesNotThrow(() -> flood.admit("2c0f:fe38:2400::1"));
    }
}
