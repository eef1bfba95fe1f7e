package com.wifibilling.core.voucher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbVoucherBatchStore;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.store.TestTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Vouchers sent by SMS on dynalite: one code per phone, never one code to two phones, all or nothing. */
@ExtendWith(DynaliteExtension.class)
class VoucherSendingTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final TimePackage HOUR = new TimePackage("send-hour", "1 hour", "", 60, 2, 2, 20, true, 1);

    private final TestClock clock = new TestClock(NOW);
    private final List<VoucherSms> queued = new CopyOnWriteArrayList<>();
    private final AtomicBoolean enabled = new AtomicBoolean(true);
    private final DynamoDbVoucherStore vouchers;
    private final VoucherBatches batches;
    private final VoucherSending sending;
    private final DynamoDbEventStore events;

    VoucherSendingTest(TestTables tables) {
        vouchers = new DynamoDbVoucherStore(tables.client(), tables.name("VouchersTable"));
        var packages = new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable"));
        packages.create(HOUR);
        var generator = new VoucherGenerator(vouchers, packages, new DynamoDbStatsStore(tables.client(), tables.name("StatsTable")),
                new Metrics("test", clock, line -> { }), clock, 16);
        batches = new VoucherBatches(new DynamoDbVoucherBatchStore(tables.client(), tables.name("VouchersTable")), generator, id -> { },
                packages, clock);
        events = new DynamoDbEventStore(tables.client(), tables.name("EventsTable"));
        sending = new VoucherSending(batches, vouchers, packages, new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable")),
                queued::add, events, enabled::get, clock);
    }

    private static List<String> phones(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> String.format("07%08d", 10_000_000 + i)).toList();
    }

    @Test
    void eachPhoneGetsItsOwnUnusedCodeAndARepeatSendsOthers() {
        VoucherBatch batch = batches.order(new VoucherOrder("send-hour", 6, null, null, 7), "admin-1");
        String used = vouchers.byBatch(batch.batchId(), 1, null).items().getFirst().code();
        vouchers.redeem(used, new DeviceKey("gw-send", Mac.parse("02:00:00:00:00:01")), "s-send-1", NOW);

        var first = sending.send(new VoucherSending.Request(batch.batchId(), List.of("0712000001", "+254712000002"), "sw"), "admin-1");
        assertEquals(List.of("254712000001", "254712000002"), first.items().stream().map(VoucherSending.Sent::phone).toList());
        assertEquals(2, queued.size());
        assertEquals(List.of("sw", "sw"), queued.stream().map(VoucherSms::lang).toList());
        assertEquals("1 hour", queued.getFirst().packageName());
        assertTrue(queued.stream().noneMatch(q -> q.code().equals(used)), "a used code is never sent");
        assertEquals(first.items().getFirst().code(), CodeFormat.display(queued.getFirst().code()), "the answer shows what the SMS carries");

        var second = sending.send(new VoucherSending.Request(batch.batchId(), List.of("0712000001"), null), "admin-1");
        assertEquals(3, new HashSet<>(queued.stream().map(VoucherSms::code).toList()).size(), "a code is sent once, even to the same phone");
        assertEquals("en", queued.getLast().lang());
        assertTrue(events.onDay(com.wifibilling.core.BusinessDay.of(NOW), 50, null).items().stream()
                .anyMatch(e -> e.type().equals("admin.vouchers.sent") && e.subject().equals(batch.batchId())));
        assertEquals(1, second.items().size());
    }

    @Test
    void tooFewCodesLeftSendsNothingAndFreesTheCodesItHadReserved() {
        VoucherBatch batch = batches.order(new VoucherOrder("send-hour", 3, null, null, 7), "admin-1");
        ApiException short1 = assertThrows(ApiException.class, () ->
                sending.send(new VoucherSending.Request(batch.batchId(), phones(0, 4), "en"), "admin-1"));
        assertEquals(List.of(409, "NOT_ENOUGH_VOUCHERS"), List.of(short1.status(), short1.code()));
        assertTrue(short1.getMessage().contains("has 3"), short1.getMessage());
        assertEquals(List.of(), queued);
        assertEquals(3, sending.send(new VoucherSending.Request(batch.batchId(), phones(0, 3), "en"), "admin-1").items().size(),
                "the three reserved by the refused send were released");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsReserved() {
        VoucherBatch batch = batches.order(new VoucherOrder("send-hour", 2, null, null, 7), "admin-1");
        record Case(VoucherSending.Request request, int status, String code, String field) {}
        var tooMany = phones(0, VoucherSending.MAX_PHONES + 1);
        for (Case c : List.of(
                new Case(new VoucherSending.Request(batch.batchId(), List.of(), "en"), 400, "INVALID_FIELD", "phones"),
                new Case(new VoucherSending.Request(batch.batchId(), null, "en"), 400, "INVALID_FIELD", "phones"),
                new Case(new VoucherSending.Request(batch.batchId(), tooMany, "en"), 400, "INVALID_FIELD", "phones"),
                new Case(new VoucherSending.Request(batch.batchId(), List.of("0712000001", "12345"), "en"), 400, "INVALID_PHONE", "phones[1]"),
                new Case(new VoucherSending.Request(batch.batchId(), List.of("0712000001", "254712000001"), "en"), 400, "INVALID_FIELD", "phones[1]"),
                new Case(new VoucherSending.Request(batch.batchId(), List.of("0712000001"), "fr"), 400, "INVALID_FIELD", "lang"),
                new Case(new VoucherSending.Request("no-such-batch", List.of("0712000001"), "en"), 404, "NOT_FOUND", null))) {
            ApiException refused = assertThrows(ApiException.class, () -> sending.send(c.request(), "admin-1"), c.toString());
            assertEquals(List.of(c.status(), c.code(), String.valueOf(c.field())),
                    List.of(refused.status(), refused.code(), refused.field().orElse("null")), c.toString());
        }
        enabled.set(false);
        ApiException off = assertThrows(ApiException.class, () ->
                sending.send(new VoucherSending.Request(batch.batchId(), List.of("0712000001"), "en"), "admin-1"));
        assertEquals(List.of(409, "VOUCHER_SMS_DISABLED"), List.of(off.status(), off.code()));
        assertEquals(List.of(), queued);
        enabled.set(true);
        assertEquals(2, sending.send(new VoucherSending.Request(batch.batchId(), phones(0, 2), "en"), "admin-1").items().size(),
                "every code still free");
    }

    @Test
    void twoAdminsSendingFromOneBatchAtOnceNeverSendOneCodeTwice() throws Exception {
        VoucherBatch batch = batches.order(new VoucherOrder("send-hour", 30, null, null, 7), "admin-1");
        var barrier = new CyclicBarrier(4);
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> sends = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t * 10;
                sends.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        return sending.send(new VoucherSending.Request(batch.batchId(), phones(from, 10), "en"), "admin-" + from).items().size();
                    } catch (ApiException notEnough) {
                        assertEquals("NOT_ENOUGH_VOUCHERS", notEnough.code());
                        return 0;
                    }
                }));
            }
            int sent = 0;
            for (var f : sends) sent += f.get();
            assertEquals(sent, queued.size());
            assertEquals(sent, new HashSet<>(queued.stream().map(VoucherSms::code).toList()).size(), "no code went to two phones");
            assertTrue(sent == 30 || sent == 20, "30 codes for 40 phones: three sends of 10 succeed (or two, if the losers' reservations overlapped); sent " + sent);
        }
    }
}
