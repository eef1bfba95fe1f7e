package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.gateway.OutboxCommand;
import com.wifibilling.core.gateway.OutboxEntry;
import com.wifibilling.core.gateway.OutboxPage;
import com.wifibilling.core.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbGatewayOutboxStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00.250Z");
    private static final Mac MAC = Mac.parse("aa:bb:cc:dd:ee:01");

    private final TestTables tables;
    private final DynamoDbGatewayOutboxStore outbox;

    DynamoDbGatewayOutboxStoreTest(TestTables tables) {
        this.tables = tables;
        this.outbox = new DynamoDbGatewayOutboxStore(tables.client(), tables.name("GatewayOutboxTable"));
    }

    private static OutboxEntry drop(String gatewayId, long seq) {
        return new OutboxEntry(gatewayId, seq, OutboxCommand.DROP, MAC, "session-" + seq, null, Map.of("reason", "expiry"), T0);
    }

    @Test
    void entryReadsBackWithEveryField() {
        var allow = new OutboxEntry("gw-trip", 1, OutboxCommand.ALLOW, MAC, "9f1c2d3e-aaaa", T0.plusSeconds(3600),
                Map.of("downloadKbps", "5000", "uploadKbps", "2000", "rateLimit", "2000k/5000k", "password", "Q7mX"), T0);
        var bare = new OutboxEntry("gw-trip", 2, OutboxCommand.UPDATE, MAC, "9f1c2d3e-aaaa", null, Map.of(), T0);
        assertTrue(outbox.append(allow));
        assertTrue(outbox.append(bare));
        assertEquals(List.of(allow, bare), outbox.since("gw-trip", 0, 10).entries());
    }

    @Test
    void timesAreStoredAsTheTableExpects() {
        outbox.append(new OutboxEntry("gw-times", 1, OutboxCommand.ALLOW, MAC, "s-1", T0.plusSeconds(60), Map.of(), T0));
        Map<String, AttributeValue> item = tables.client().getItem(r -> r.tableName(tables.name("GatewayOutboxTable"))
                .key(Map.of("gatewayId", AttributeValue.fromS("gw-times"), "seq", AttributeValue.fromN("1")))).item();
        assertEquals(Long.toString(T0.plus(Duration.ofHours(24)).getEpochSecond()), item.get("ttl").n());
        assertEquals(Long.toString(T0.plusSeconds(60).getEpochSecond()), item.get("expiresAt").n());
        assertEquals("2026-11-25T07:00:00.250Z", item.get("createdAt").s());
        assertEquals("gw-times#AA:BB:CC:DD:EE:01", item.get("deviceKey").s());
        assertEquals("allow", item.get("command").s());
    }

    @Test
    void secondEntryWithTheSameSeqWritesNothing() {
        assertTrue(outbox.append(drop("gw-dup", 1)));
        assertFalse(outbox.append(new OutboxEntry("gw-dup", 1, OutboxCommand.ALLOW, MAC, "other", null, Map.of(), T0)));
        assertEquals(List.of(drop("gw-dup", 1)), outbox.since("gw-dup", 0, 10).entries());
    }

    @Test
    void sixteenRacersAppendingOneSeqLeaveExactlyOneEntryEveryRound() throws Exception {
        for (long seq = 1; seq <= 20; seq++) {
            long s = seq;
            List<Boolean> answers = BarrierRace.race(16, i -> () -> outbox.append(
                    new OutboxEntry("gw-race", s, OutboxCommand.ALLOW, MAC, "racer-" + i, null, Map.of(), T0)));
            assertEquals(1, answers.stream().filter(won -> won).count(), "seq " + seq);
            assertEquals("racer-" + answers.indexOf(true), outbox.since("gw-race", s - 1, 1).entries().getFirst().sessionId());
        }
    }

    @Test
    void sinceReadsAscendingPagesAfterTheGivenSeq() {
        for (long seq = 1; seq <= 7; seq++) outbox.append(drop("gw-pages", seq));
        outbox.append(drop("gw-other", 1));
        List<Long> seen = new ArrayList<>();
        long after = 0;
        OutboxPage page;
        int reads = 0;
        do {
            page = outbox.since("gw-pages", after, 3);
            page.entries().forEach(e -> seen.add(e.seq()));
            after = page.lastSeq();
            reads++;
        } while (page.more());
        assertEquals(LongStream.rangeClosed(1, 7).boxed().toList(), seen);
        assertEquals(3, reads);
        assertEquals(7, after);
        assertEquals(List.of(5L, 6L, 7L), outbox.since("gw-pages", 4, 100).entries().stream().map(OutboxEntry::seq).toList());
    }

    @Test
    void nothingNewAnswersTheAskedForSeq() {
        assertEquals(new OutboxPage(List.of(), 42, false), outbox.since("gw-quiet", 42, 100));
    }

    @Test
    void limitOutsideOneToHundredIsAnInvalidField() {
        for (int limit : new int[] {0, 101}) {
            ApiException e = assertThrows(ApiException.class, () -> outbox.since("gw", 0, limit));
            assertEquals(Optional.of("limit"), e.field());
        }
    }
}
