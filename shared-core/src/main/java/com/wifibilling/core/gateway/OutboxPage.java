package com.wifibilling.core.gateway;

import java.util.List;

/**
 * Returns one read of a gateway's outbox: the {@code entries} after the asked-for seq, ascending; {@code lastSeq},
 * the seq of the last entry (or the asked-for seq when there were none), to ask from next time; and {@code more},
 * true when the limit cut the read short.
 */
public record OutboxPage(List<OutboxEntry> entries, long lastSeq, boolean more) {
    public OutboxPage {
        entries = List.copyOf(entries);
    }
}
