package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import com.wifibilling.core.store.TestTables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin's transaction list on dynalite: newest first through day-index and phone-index, filters, and pages. */
@ExtendWith(DynaliteExtension.class)
class TransactionSearchTest {
    private static final DeviceKey DEVICE = new DeviceKey("gw-search-01", Mac.parse("aa:bb:cc:dd:ee:51"));
    private static final AtomicLong PHONES = new AtomicLong(254_710_000_000L + (System.nanoTime() % 100_000) * 100);
    private final DynamoDbTransactionStore store;

    TransactionSearchTest(TestTables tables) {
        store = new DynamoDbTransactionStore(tables.client(), tables.name("TransactionsTable"));
    }

    private TransactionSearch searchAt(String instant) {
        return new TransactionSearch(store, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static TransactionSearch.Filter filter(String status, String from, String to, String phone, Integer limit, String cursor) {
        return new TransactionSearch.Filter(Optional.ofNullable(status), Optional.ofNullable(from), Optional.ofNullable(to),
                Optional.ofNullable(phone), Optional.ofNullable(limit).map(String::valueOf), Optional.ofNullable(cursor));
    }

    private Transaction bought(Phone phone, Instant at) {
        var tx = Transaction.pending(UUID.randomUUID().toString(), phone, "basic", Money.kes(20), 3600, DEVICE, "hash", "en", at);
        assertTrue(store.create(tx));
        return tx;
    }

    private static Phone newPhone() {
        return new Phone(Long.toString(PHONES.incrementAndGet()));
    }

    /** Pages through the whole list with {@code limit}, calling {@code between} after each page. */
    private List<String> all(TransactionSearch search, String status, String from, String to, String phone, int limit, Runnable between) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Transaction> page = search.search(filter(status, from, to, phone, limit, cursor));
            assertTrue(page.items().size() <= limit);
            page.items().forEach(t -> ids.add(t.transactionId()));
            cursor = page.nextCursor();
            between.run();
            assertTrue(++pages < 100, "the list ends");
        } while (cursor != null);
        return ids;
    }

    @Test
    void pagesOverSeveralDaysLoseAndRepeatNothingWhileNewPurchasesArrive() {
        Phone phone = newPhone();
        List<Transaction> made = new ArrayList<>();
        // 2026-02-10 … 2026-02-14 (EAT); the 12th is empty.
        for (String day : List.of("2026-02-10", "2026-02-11", "2026-02-13", "2026-02-14"))
            for (int i = 0; i < 4; i++) made.add(bought(phone, Instant.parse(day + "T0" + (i + 5) + ":00:00Z")));
        var search = searchAt("2026-02-14T12:00:00Z");
        List<String> expected = made.stream().sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).map(Transaction::transactionId).toList();
        int[] later = {0};
        for (int limit : new int[] {1, 3, 4, 5, 100}) {
            List<String> ids = all(search, null, "2026-02-10", "2026-02-14", null, limit,
                    () -> bought(phone, Instant.parse("2026-02-14T11:00:00Z").plusSeconds(++later[0]))); // newer: before the cursor
            List<String> original = ids.stream().filter(expected::contains).toList();
            assertEquals(expected, original, "limit " + limit + ": newest first, none lost or repeated");
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no repeats");
        }
    }

    @Test
    void statusAndPhoneFilterThroughTheIndexes() {
        Phone phone = newPhone();
        Phone other = newPhone();
        var a = bought(phone, Instant.parse("2026-03-01T06:00:00Z"));
        var b = bought(phone, Instant.parse("2026-03-02T06:00:00Z"));
        var c = bought(other, Instant.parse("2026-03-02T07:00:00Z"));
        var d = bought(phone, Instant.parse("2026-03-05T06:00:00Z"));
        assertTrue(store.close(b.transactionId(), TransactionStatus.CANCELLED,
                new PaymentResult("1032", "Request cancelled by user", null, PaymentSource.CALLBACK, Instant.parse("2026-03-02T06:01:00Z"))));
        var search = searchAt("2026-03-06T12:00:00Z");

        assertEquals(List.of(d.transactionId(), b.transactionId(), a.transactionId()),
                all(search, null, null, null, "0" + phone.msisdn().substring(3), 2, () -> { }));
        assertEquals(List.of(b.transactionId()), all(search, "cancelled", null, null, phone.msisdn(), 1, () -> { }));
        assertEquals(List.of(b.transactionId()), all(search, null, "2026-03-02", "2026-03-03", phone.msisdn(), 10, () -> { }));
        Set<String> dayTwo = new HashSet<>(all(search, null, "2026-03-02", "2026-03-02", null, 10, () -> { }));
        assertTrue(dayTwo.containsAll(Set.of(b.transactionId(), c.transactionId())));
        assertEquals(List.of(b.transactionId()), all(search, "CANCELLED", "2026-03-01", "2026-03-05", null, 2, () -> { }).stream()
                .filter(id -> Set.of(a, b, c, d).stream().anyMatch(t -> t.transactionId().equals(id))).toList());
        assertEquals("Request cancelled by user", search.find(b.transactionId()).resultDesc());
        assertEquals(PaymentSource.CALLBACK, search.find(b.transactionId()).source());
    }

    @Test
    void withNoFilterTheLastThirtyDaysAreListed() {
        var tx = bought(newPhone(), Instant.parse("2026-04-20T06:00:00Z"));
        var old = bought(newPhone(), Instant.parse("2026-03-01T06:00:00Z"));
        List<String> ids = all(searchAt("2026-04-30T12:00:00Z"), null, null, null, null, 50, () -> { });
        assertTrue(ids.contains(tx.transactionId()));
        assertTrue(!ids.contains(old.transactionId()), "older than 30 days");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"status,paid", "from,yesterday", "to,2026-13-01", "phone,12345", "limit,0", "limit,101", "limit,ten", "cursor,bm9wZQ",
            "from,2026-01-01"})
    void invalidFiltersAreA400NamingTheField(String field, String value) {
        var f = switch (field) {
            case "status" -> filter(value, null, null, null, null, null);
            case "from" -> filter(null, value, "2026-06-01", null, null, null);
            case "to" -> filter(null, null, value, null, null, null);
            case "phone" -> filter(null, null, null, value, null, null);
            case "limit" -> filter(null, null, null, null, null, null);
            default -> filter(null, null, null, null, null, value);
        };
        if (field.equals("limit")) f = new TransactionSearch.Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(value), Optional.empty());
        var search = searchAt("2026-06-01T12:00:00Z");
        TransactionSearch.Filter wanted = f;
        var rejected = assertThrows(ApiException.class, () -> search.search(wanted));
        assertEquals(400, rejected.status());
        assertEquals(Optional.of(field), rejected.field());
    }

    @Test
    void anUnknownTransactionIsNotFound() {
        var search = searchAt("2026-06-01T12:00:00Z");
        assertEquals(404, assertThrows(ApiException.class, () -> search.find("no-such-id")).status());
        assertEquals(404, assertThrows(ApiException.class, () -> search.find("../etc")).status());
    }
}
