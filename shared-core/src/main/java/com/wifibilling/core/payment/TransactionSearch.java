package com.wifibilling.core.payment;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.DayRangePages;
import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.ListLimit;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The admin's transaction list, newest first, always through an index (DESIGN §4), never a Scan: by phone through
 * phone-index, otherwise business day by business day (EAT) through day-index, from {@code to} back to {@code from}
 * (default: the last 30 days, at most 92). {@code status} filters the entries each page reads, so a filtered page may
 * hold fewer than {@code limit} items (even none) while {@code nextCursor} is set: follow it until it is null. One
 * request reads at most {@code limit} index entries, plus one query per empty day of the range.
 */
public final class TransactionSearch {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 92;

    private final TransactionStore store;
    private final Clock clock;

    public TransactionSearch(TransactionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The list's filters as the query string gave them; each is checked here, 400 naming it. */
    public record Filter(Optional<String> status, Optional<String> from, Optional<String> to, Optional<String> phone,
                         Optional<String> limit, Optional<String> cursor) {}

    public Page<Transaction> search(Filter filter) {
        int limit = ListLimit.parse(filter.limit());
        Optional<TransactionStatus> status = filter.status().map(TransactionSearch::status);
        LocalDate to = filter.to().map(v -> DayRangePages.day("to", v)).orElseGet(() -> BusinessDay.of(clock.instant()));
        LocalDate from = filter.from().map(v -> DayRangePages.day("from", v)).orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to)) throw ApiException.invalidField("from", "from must not be after to");
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1)))
            throw ApiException.invalidField("from", "a day range holds at most " + MAX_DAYS + " days");
        if (filter.phone().isPresent()) return byPhone(Phone.parseFilter(filter.phone().get()), status, from, to, limit, filter.cursor().orElse(null));
        return byDays(status, from, to, limit, filter.cursor().orElse(null));
    }

    /** Returns one transaction; 404 for an unknown or malformed id. */
    public Transaction find(String transactionId) {
        if (transactionId == null || !transactionId.matches("[A-Za-z0-9-]{1,64}")) throw notFound();
        return store.find(transactionId).orElseThrow(TransactionSearch::notFound);
    }

    private Page<Transaction> byPhone(Phone phone, Optional<TransactionStatus> status, LocalDate from, LocalDate to, int limit,
                                      String cursor) {
        Page<Transaction> page = store.byPhone(phone, limit, cursor);
        List<Transaction> items = new ArrayList<>();
        for (Transaction t : page.items()) {
            if (t.day().isBefore(from)) return new Page<>(items, null); // newest first: nothing older is wanted
            if (!t.day().isAfter(to) && matches(t, status)) items.add(t);
        }
        return new Page<>(items, page.nextCursor());
    }

    private Page<Transaction> byDays(Optional<TransactionStatus> status, LocalDate from, LocalDate to, int limit, String cursor) {
        return DayRangePages.list(store::byDay, t -> matches(t, status), from, to, limit, cursor);
    }

    private static boolean matches(Transaction t, Optional<TransactionStatus> status) {
        return status.isEmpty() || status.get() == t.status();
    }

    private static TransactionStatus status(String value) {
        for (TransactionStatus s : TransactionStatus.values())
            if (s.name().equalsIgnoreCase(value.strip())) return s;
        throw ApiException.invalidField("status", "status is pending, completed, cancelled, expired or failed");
    }

    private static ApiException notFound() {
        return ApiException.notFound("NOT_FOUND", "There is no such transaction");
    }
}
