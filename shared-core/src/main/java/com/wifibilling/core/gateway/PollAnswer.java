package com.wifibilling.core.gateway;

import java.time.Instant;
import java.util.List;

/** The answer to {@code GET /api/gateway/sessions} and its JSON shape (contracts/gateways.md §6). */
public record PollAnswer(List<PollItem> items, String nextCursor, int pollAfterSeconds, Instant serverTime) {
    public PollAnswer {
        items = List.copyOf(items);
    }
}
