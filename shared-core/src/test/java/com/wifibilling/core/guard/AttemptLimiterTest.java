package com.wifibilling.core.guard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.TestClock;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
class AttemptLimiterTest {
    private static final AttemptLimit CLAIM = AttemptLimit.CLAIM_DEVICE; // 5 per 15 min, locked 15 min
    private static final AttemptLimit LOGIN = new AttemptLimit("login", 3, Duration.ofMinutes(15), Duration.ofMinutes(30));
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:07Z"));
    private final GuardStore guards;
    private final AttemptLimiter limiter;

    AttemptLimiterTest(TestTables tables) {
        guards = new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable"), clock);
        limiter = new AttemptLimiter(guards, List.of(CLAIM, LOGIN), new Metrics("test", clock, line -> { }), clock);
    }

    private static String subject() {
        return "gw-nairobi-01#AA:BB:CC:DD:EE:" + String.format("%02X", SUBJECTS.incrementAndGet());
    }

    @Test
    void fiveFailuresLockTheSubjectOutAndTheSixthAttemptIsRefusedWithRetryAfter() {
        String subject = subject();
        for (int i = 1; i <= 4; i++) {
            assertDoesNotThrow(() -> limiter.check(CLAIM.kind(), subject));
            assertFalse(limiter.recordFailure(CLAIM.kind(), subject), "failure " + i + " is allowed");
        }
        limiter.check(CLAIM.kind(), subject);
        assertTrue(limiter.recordFailure(CLAIM.kind(), subject), "the fifth failure locks");
        clock.advance(Duration.ofSeconds(60));
        ApiException refused = assertThrows(ApiException.class, () -> limiter.check(CLAIM.kind(), subject));
        assertEquals(429, refused.status());
        assertEquals("RATE_LIMITED", refused.code());
        assertEquals("840", refused.headers().get("Retry-After"), "15 minutes from the fifth failure, 1 minute gone");
    }

    @Test
    void lockoutEndsWhenItsTimeIsUpAndCountingStartsAgain() {
        String subject = subject();
        for (int i = 0; i < 5; i++) limiter.recordFailure(CLAIM.kind(), subject);
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThrows(ApiException.class, () -> limiter.check(CLAIM.kind(), subject));
        clock.advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> limiter.check(CLAIM.kind(), subject));
        assertFalse(limiter.recordFailure(CLAIM.kind(), subject), "a new window counts from one");
    }

    @Test
    void lockoutLastsItsFullLengthEvenWhenTheWindowEndsRightAfterTheLimit() {
        String subject = subject();
        clock.set(Instant.parse("2026-11-25T10:14:58Z")); // the 10:00–10:15 window is about to end
        for (int i = 0; i < 3; i++) limiter.recordFailure(LOGIN.kind(), subject);
        clock.set(Instant.parse("2026-11-25T10:15:30Z")); // a new counting window
        ApiException refused = assertThrows(ApiException.class, () -> limiter.check(LOGIN.kind(), subject));
        assertEquals(Long.toString(30 * 60 - 32), refused.headers().get("Retry-After"));
    }

    @Test
    void failuresOfOneSubjectOrKindDoNotLockAnother() {
        String guesser = subject();
        String neighbour = subject();
        for (int i = 0; i < 5; i++) limiter.recordFailure(CLAIM.kind(), guesser);
        assertThrows(ApiException.class, () -> limiter.check(CLAIM.kind(), guesser));
        assertDoesNotThrow(() -> limiter.check(CLAIM.kind(), neighbour));
        assertDoesNotThrow(() -> limiter.check(LOGIN.kind(), guesser));
    }

    @Test
    void resetForgetsFailuresAndEndsALockout() {
        String subject = subject();
        for (int i = 0; i < 4; i++) limiter.recordFailure(CLAIM.kind(), subject);
        limiter.reset(CLAIM.kind(), subject);
        assertFalse(limiter.recordFailure(CLAIM.kind(), subject), "counted from one again");
        for (int i = 0; i < 4; i++) limiter.recordFailure(CLAIM.kind(), subject);
        assertThrows(ApiException.class, () -> limiter.check(CLAIM.kind(), subject));
        limiter.reset(CLAIM.kind(), subject);
        assertDoesNotThrow(() -> limiter.check(CLAIM.kind(), subject));
    }

    @Test
    void eachLockoutCountsOnceInTheLockoutsMetricWithItsKind() {
        List<String> lines = new CopyOnWriteArrayList<>();
        var metrics = new Metrics("test", clock, lines::add);
        var counting = new AttemptLimiter(guards, List.of(CLAIM), metrics, clock);
        String subject = subject();
        for (int i = 0; i < 7; i++) counting.recordFailure(CLAIM.kind(), subject); // the 6th and 7th find it locked
        metrics.flush();
        assertEquals(1, lines.size());
        assertTrue(lines.getFirst().contains("\"Lockouts\":1"), lines.getFirst());
        assertTrue(lines.getFirst().contains("\"kind\":\"claim-device\""), lines.getFirst());
    }

    @Test
    void unknownKindIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> limiter.check("nope", subject()));
    }
}
