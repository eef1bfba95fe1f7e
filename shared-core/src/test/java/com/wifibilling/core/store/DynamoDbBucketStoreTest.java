package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.TestClock;
import com.wifibilling.core.guard.TokenBucket;
import com.wifibilling.core.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-gateway token bucket of contracts/gateways.md §6 (burst 5, refill 1 a second) on dynalite's Guards table. */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbBucketStoreTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00.250Z"));
    private final TokenBucket bucket;

    DynamoDbBucketStoreTest(TestTables tables) {
        bucket = new TokenBucket(new DynamoDbBucketStore(tables.client(), tables.name("GuardsTable"), clock), "gateway-api", 5, 1, clock);
    }

    @Test
    void fiveBackToBackPassTheSixthWaitsOneSecondAndTheBucketRefillsToFiveOnly() {
        for (int i = 0; i < 5; i++) bucket.take("gw-a");
        ApiException limited = assertThrows(ApiException.class, () -> bucket.take("gw-a"));
        assertEquals(429, limited.status());
        assertEquals("1", limited.headers().get("Retry-After"));
        clock.advance(Duration.ofMillis(999));
        assertThrows(ApiException.class, () -> bucket.take("gw-a"));
        clock.advance(Duration.ofMillis(1));
        bucket.take("gw-a");
        clock.advance(Duration.ofMinutes(10)); // a long quiet spell refills to the burst, not beyond
        for (int i = 0; i < 5; i++) bucket.take("gw-a");
        assertThrows(ApiException.class, () -> bucket.take("gw-a"));
        bucket.take("gw-b"); // another gateway has its own bucket
    }

    @Test
    void tenRacersForOneFullBucketGetExactlyFiveTokens() throws Exception {
        var barrier = new CyclicBarrier(10);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            racers.add(() -> {
                barrier.await();
                try {
                    bucket.take("gw-race");
                    return true;
                } catch (ApiException limited) {
                    return false;
                }
            });
        }
        int passed = 0;
        try (var pool = Executors.newFixedThreadPool(10)) {
            for (Future<Boolean> answer : pool.invokeAll(racers)) if (answer.get()) passed++;
        }
        assertEquals(5, passed);
    }
}
