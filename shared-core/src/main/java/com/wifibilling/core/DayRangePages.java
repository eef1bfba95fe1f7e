package com.wifibilling.core;

import com.wifibilling.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lists a table kept per business day (a day-keyed index or partition) newest first over a range of days, from {@code to}
 * back to {@code from}: one request reads at most {@code limit} entries, plus one query per empty day. The cursor names the
 * day and the store's own cursor within it. {@code wanted} filters what was read, so a page may be short (even empty) while
 * {@code nextCursor} is set: follow it until it is null. Nothing is lost or repeated: items written later are newer than
 * the cursor's position and do not shift it.
 */
public final class DayRangePages {
    /** One day's page from the store. */
    @FunctionalInterface
    public interface DayQuery<T> {
        Page<T> page(LocalDate day, int limit, String cursor);
    }

    private DayRangePages() {}

    public static <T> Page<T> list(DayQuery<T> query, Predicate<T> wanted, LocalDate from, LocalDate to, int limit, String cursor) {
        Position at = cursor == null ? new Position(to, null) : Position.decode(cursor, from, to);
        List<T> items = new ArrayList<>();
        int left = limit;
        LocalDate day = at.day();
        String inner = at.inner();
        while (!day.isBefore(from)) {
            Page<T> page = query.page(day, left, inner);
            page.items().stream().filter(wanted).forEach(items::add);
            left -= page.items().size();
            if (page.hasMore()) {
                if (left <= 0) return new Page<>(items, new Position(day, page.nextCursor()).encode());
                inner = page.nextCursor(); // a short page with more behind it: keep reading the same day
                continue;
            }
            day = day.minusDays(1);
            inner = null;
            if (left <= 0) return new Page<>(items, day.isBefore(from) ? null : new Position(day, null).encode());
        }
        return new Page<>(items, null);
    }

    /** Returns a {@code yyyy-MM-dd} business day from the query string; 400 naming {@code field} otherwise. */
    public static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, field + " is a business day, yyyy-MM-dd (East Africa Time)");
        }
    }

    /** Where a list goes on: the business day, and the store's cursor within it (null: the day's start). */
    record Position(LocalDate day, String inner) {
        String encode() {
            String plain = day + "|" + (inner == null ? "" : inner);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor, LocalDate from, LocalDate to) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = plain.indexOf('|');
                if (bar < 0) throw invalidCursor();
                LocalDate day = LocalDate.parse(plain.substring(0, bar));
                if (day.isBefore(from) || day.isAfter(to)) throw invalidCursor();
                String inner = plain.substring(bar + 1);
                return new Position(day, inner.isEmpty() ? null : inner);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw invalidCursor();
            }
        }
    }

    private static ApiException invalidCursor() {
        return ApiException.invalidField("cursor", "cursor is not one this list returned");
    }
}
