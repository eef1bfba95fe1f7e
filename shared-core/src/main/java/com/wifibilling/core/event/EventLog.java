package com.wifibilling.core.event;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.DayRangePages;
import com.wifibilling.core.Page;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.ListLimit;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The admin's view of the Events table, newest first, business day by business day (its partition key), never a Scan:
 * {@code type=audit} keeps admin actions ({@code admin.*}), {@code type=anomaly} everything the system flagged
 * (suspicious callbacks, stats drift); default the last 7 days, at most 92.
 */
public final class EventLog {
    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 92;

    private final EventStore store;
    private final Clock clock;

    public EventLog(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** How many events of one day {@link #about} reads at most: a bound on a detail view's cost, whatever the day held. */
    static final int ABOUT_READ_LIMIT = 1_000;

    /**
     * Returns the events about {@code subject} (a transactionId, gatewayId, …) recorded on the business days
     * {@code from} to {@code to}, oldest first: each day's partition is read (at most {@link #ABOUT_READ_LIMIT}
     * events a day) and filtered, so the cost is that of the days, never of the table.
     */
    public List<AuditEvent> about(String subject, LocalDate from, LocalDate to) {
        List<AuditEvent> found = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            String cursor = null;
            int read = 0;
            do {
                Page<AuditEvent> page = store.onDay(day, 100, cursor);
                read += page.items().size();
                page.items().stream().filter(e -> subject.equals(e.subject())).forEach(found::add);
                cursor = page.nextCursor();
            } while (cursor != null && read < ABOUT_READ_LIMIT);
        }
        return found;
    }

    public Page<AuditEvent> search(Optional<String> type, Optional<String> from, Optional<String> to, Optional<String> limit,
                                   Optional<String> cursor) {
        int size = ListLimit.parse(limit);
        Predicate<AuditEvent> wanted = switch (type.orElse("all")) {
            case "all" -> e -> true;
            case "audit" -> e -> e.type().startsWith("admin.");
            case "anomaly" -> e -> !e.type().startsWith("admin.");
            default -> throw ApiException.invalidField("type", "type is audit or anomaly");
        };
        LocalDate last = to.map(v -> DayRangePages.day("to", v)).orElseGet(() -> BusinessDay.of(clock.instant()));
        LocalDate first = from.map(v -> DayRangePages.day("from", v)).orElse(last.minusDays(DEFAULT_DAYS - 1));
        if (first.isAfter(last)) throw ApiException.invalidField("from", "from must not be after to");
        if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1)))
            throw ApiException.invalidField("from", "a day range holds at most " + MAX_DAYS + " days");
        return DayRangePages.list(store::onDay, wanted, first, last, size, cursor.orElse(null));
    }
}
