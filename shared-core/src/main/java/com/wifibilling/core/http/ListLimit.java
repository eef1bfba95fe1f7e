package com.wifibilling.core.http;

import java.util.Optional;

/** The {@code ?limit=} of an admin list (DESIGN §3): 1 to 100, 50 when absent; anything else is 400 naming {@code limit}. */
public final class ListLimit {
    public static final int DEFAULT = 50;
    public static final int MAX = 100;

    private ListLimit() {}

    public static int parse(Optional<String> value) {
        if (value.isEmpty()) return DEFAULT;
        try {
            int limit = Integer.parseInt(value.get().strip());
            if (limit >= 1 && limit <= MAX) return limit;
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw ApiException.invalidField("limit", "limit must be a whole number from 1 to " + MAX);
    }
}
