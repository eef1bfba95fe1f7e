package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.guard.Claim;
import com.wifibilling.core.guard.Guard;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.guard.RollingCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbGuardStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final int RACERS = 16;
    private static final int ROUNDS = 20;

    private final TestTables tables;
    private final DynamoDbGuardStore guards;

    DynamoDbGuardStoreTest(TestTables tables) {
        this.tables = tables;
        this.guards = storeAt(NOW);
    }

    private DynamoDbGuardStore storeAt(Instant instant) {
        return new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable"), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void claimOfAnAbsentKeyNamesTheCallerUntilItsTtl() {
        Instant ttl = NOW.plus(Duration.ofDays(1));
        assertEquals(Claim.CLAIMED, guards.claim("receipt#QK1", "tx-1", ttl));
        assertEquals(Optional.of(new Guard("receipt#QK1", "tx-1", ttl)), guards.find("receipt#QK1"));
    }

    @Test
    void repeatedClaimBySameOwnerAnswersSameOwnerAndMovesTheTtl() {
        guards.claim("inflight#a", "tx-2", NOW.plusSeconds(60));
        assertEquals(Claim.SAME_OWNER, guards.claim("inflight#a", "tx-2", NOW.plusSeconds(120)));
        assertEquals(NOW.plusSeconds(120), guards.find("inflight#a").orElseThrow().ttl());
    }

    @Test
    void claimOfAKeyHeldByAnotherNamesTheHolderAndWritesNothing() {
        guards.claim("receipt#QK2", "tx-3", NOW.plusSeconds(600));
        assertEquals(Claim.takenBy("tx-3"), guards.claim("receipt#QK2", "tx-4", NOW.plusSeconds(9999)));
        assertEquals(Optional.of(new Guard("receipt#QK2", "tx-3", NOW.plusSeconds(600))), guards.find("receipt#QK2"));
    }

    @Test
    void expiredGuardIsAbsentAndCanBeClaimedAgainBeforeTtlDeletesIt() {
        guards.claim("inflight#b", "tx-5", NOW.plusSeconds(60));
        DynamoDbGuardStore later = storeAt(NOW.plusSeconds(61));
        assertEquals(Optional.empty(), later.find("inflight#b"));
        assertEquals(Claim.CLAIMED, later.claim("inflight#b", "tx-6", NOW.plusSeconds(300)));
        assertEquals("tx-6", later.find("inflight#b").orElseThrow().owner());
    }

    @Test
    void expiredGuardReclaimedByItsFormerOwnerIsAFreshClaim() {
        guards.claim("inflight#c", "tx-7", NOW.plusSeconds(60));
        assertEquals(Claim.CLAIMED, storeAt(NOW.plusSeconds(60)).claim("inflight#c", "tx-7", NOW.plusSeconds(600)));
    }

    @Test
    void guardWithoutTtlNeverExpires() {
        assertEquals(Claim.CLAIMED, guards.claim("email#a@b", "user-1"));
        DynamoDbGuardStore inTenYears = storeAt(NOW.plus(Duration.ofDays(3650)));
        assertEquals(Claim.takenBy("user-1"), inTenYears.claim("email#a@b", "user-2"));
        assertEquals(Optional.of(new Guard("email#a@b", "user-1", null)), inTenYears.find("email#a@b"));
    }

    @Test
    void releaseByTheOwnerDeletesTheGuardAndFreesTheKey() {
        guards.claim("inflight#d", "tx-8", NOW.plusSeconds(60));
        assertTrue(guards.release("inflight#d", "tx-8"));
        assertEquals(Optional.empty(), guards.find("inflight#d"));
        assertEquals(Claim.CLAIMED, guards.claim("inflight#d", "tx-9", NOW.plusSeconds(60)));
    }

    @Test
    void releaseByAnotherOwnerKeepsTheGuard() {
        guards.claim("inflight#e", "tx-10", NOW.plusSeconds(60));
        assertFalse(guards.release("inflight#e", "tx-11"));
        assertFalse(guards.release("inflight#absent", "tx-11"));
        assertEquals("tx-10", guards.find("inflight#e").orElseThrow().owner());
    }

    @Test
    void sixteenRacersClaimingOneKeyLeaveExactlyOneWinnerEveryRound() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String key = GuardKeys.receipt("RACE" + round);
            List<Claim> answers = BarrierRace.race(RACERS, i -> () -> guards.claim(key, "tx-" + i, NOW.plusSeconds(600)));
            List<Integer> winners = indexesOf(answers, Claim.CLAIMED);
            assertEquals(1, winners.size(), "round " + round + ": " + answers);
            String winner = "tx-" + winners.getFirst();
            for (Claim answer : answers)
                if (!answer.equals(Claim.CLAIMED)) assertEquals(Claim.takenBy(winner), answer);
            assertEquals(winner, guards.find(key).orElseThrow().owner());
        }
    }

    @Test
    void deleteRemovesAnOwnerlessCounterSoItCountsFromOneAgain() {
        String key = GuardKeys.attempt("claim-device", "gw#AA:BB:CC:DD:EE:DE");
        guards.increment(key, NOW, NOW.plusSeconds(60));
        guards.increment(key, NOW, NOW.plusSeconds(60));
        guards.delete(key);
        assertEquals(1, guards.increment(key, NOW, NOW.plusSeconds(60)));
        guards.delete("absent#key"); // nothing to delete is fine
        guards.claim("inflight#del", "tx-del", NOW.plusSeconds(60));
        guards.delete("inflight#del");
        assertEquals(Optional.empty(), guards.find("inflight#del"));
    }

    @Test
    void incrementCountsWithinAWindowAndRestartsInTheNext() {
        Instant first = NOW;
        Instant second = NOW.plusSeconds(60);
        String key = GuardKeys.attempt("voucher", "default#AA:BB:CC:DD:EE:01");
        assertEquals(1, guards.increment(key, first, first.plusSeconds(60)));
        assertEquals(2, guards.increment(key, first, first.plusSeconds(60)));
        assertEquals(3, guards.increment(key, first, first.plusSeconds(60)));
        assertEquals(1, guards.increment(key, second, second.plusSeconds(60)));
        assertEquals(2, guards.increment(key, second, second.plusSeconds(60)));
    }

    @Test
    void lateIncrementForAnOlderWindowCountsIntoTheCurrentOne() {
        String key = GuardKeys.attempt("login", "admin@localhost");
        guards.increment(key, NOW.plusSeconds(60), NOW.plusSeconds(120));
        assertEquals(2, guards.increment(key, NOW, NOW.plusSeconds(60)));
    }

    @Test
    void incrementsRacedBySixteenThreadsAreEachCountedOnce() throws Exception {
        String key = GuardKeys.attempt("relogin", "race");
        List<List<Long>> counts = BarrierRace.race(RACERS, i -> () -> LongStream.range(0, 10)
                .map(n -> guards.increment(key, NOW, NOW.plusSeconds(60))).boxed().toList());
        Set<Long> all = counts.stream().flatMap(List::stream).collect(Collectors.toSet());
        assertEquals(LongStream.rangeClosed(1, 160).boxed().collect(Collectors.toSet()), all); // 160 distinct answers
        assertEquals(161, guards.increment(key, NOW, NOW.plusSeconds(60)));
    }

    @Test
    void appendTimestampStopsAtTheLimitUntilOldStampsLeaveTheWindow() {
        String key = GuardKeys.move("session-1");
        Duration day = Duration.ofHours(24);
        assertEquals(new RollingCount(1, true), guards.appendTimestamp(key, NOW, NOW.minus(day), 3));
        assertEquals(new RollingCount(2, true), guards.appendTimestamp(key, NOW.plusSeconds(3600), NOW.plusSeconds(3600).minus(day), 3));
        assertEquals(new RollingCount(3, true), guards.appendTimestamp(key, NOW.plusSeconds(7200), NOW.plusSeconds(7200).minus(day), 3));
        Instant stillInside = NOW.plus(day).minusSeconds(1);
        assertEquals(new RollingCount(3, false), guards.appendTimestamp(key, stillInside, stillInside.minus(day), 3));
        Instant firstLeft = NOW.plus(day).plusSeconds(1);
        assertEquals(new RollingCount(3, true), guards.appendTimestamp(key, firstLeft, firstLeft.minus(day), 3));
    }

    @Test
    void appendTimestampKeepsTwoStampsOfTheSameMillisecond() {
        String key = GuardKeys.move("session-same-ms");
        guards.appendTimestamp(key, NOW, NOW.minusSeconds(60), 5);
        assertEquals(new RollingCount(2, true), guards.appendTimestamp(key, NOW, NOW.minusSeconds(60), 5));
    }

    @Test
    void appendTimestampRacedBySixteenThreadsAppendsExactlyTheLimitEveryRound() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String key = GuardKeys.move("race-" + round);
            List<RollingCount> answers = BarrierRace.race(RACERS,
                    i -> () -> guards.appendTimestamp(key, NOW.plusMillis(i), NOW.minus(Duration.ofHours(24)), 3));
            assertEquals(3, answers.stream().filter(RollingCount::appended).count(), "round " + round + ": " + answers);
            Set<Integer> appendedCounts = new HashSet<>();
            for (RollingCount answer : answers) {
                if (answer.appended()) appendedCounts.add(answer.count());
                else assertEquals(3, answer.count());
            }
            assertEquals(Set.of(1, 2, 3), appendedCounts);
        }
    }

    private static List<Integer> indexesOf(List<Claim> answers, Claim wanted) {
        return java.util.stream.IntStream.range(0, answers.size()).filter(i -> answers.get(i).equals(wanted)).boxed().toList();
    }
}
