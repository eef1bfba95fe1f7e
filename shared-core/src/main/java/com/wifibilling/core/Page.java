package com.wifibilling.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list (DESIGN §3): {@code {"items":[…],"nextCursor":"…"|null}}. The cursor is opaque to clients;
 * stores make it from DynamoDB's last evaluated key, so no list ever scans a growing table.
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /** Returns a complete list as a single page (the packages list, which is small and cached). */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, null);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
