package com.wifibilling.core.gateway;

import java.time.Instant;
import java.util.List;

/** The answer to {@code GET /api/gateway/sessions} and its JSON shape (contracts/gateways.md §6). */
public record PollAnswer(List<PollItem> items, String nextCursor, int pollAfterSeconds, Instant serverTime) {
    public PollAnswer {
        items = List.copyOf(items);
    }

    /**
     * Returns the {@code format=lines} form for scripts without a JSON parser (§6): {@code cursor;<nextCursor>}, then
     * one {@code action;sessionId;username;password;mac;secondsLeft;rateLimit} per item, absent fields empty. No
     * field can hold a {@code ;} or a line break: ids are UUIDs, passwords letters and digits, rates {@code 2000k/5000k}.
     */
    public String lines() {
        var text = new StringBuilder("cursor;").append(nextCursor == null ? "" : nextCursor).append('\n');
        for (PollItem item : items) {
            text.append(String.join(";", item.action(), item.sessionId(), item.username(), blank(item.password()), item.mac(),
                    item.secondsLeft() == null ? "" : item.secondsLeft().toString(), blank(item.rateLimit()))).append('\n');
        }
        return text.toString();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
