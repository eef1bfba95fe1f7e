package com.wifibilling.core.gateway;

import com.wifibilling.core.http.ApiException;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/gateway/usage} (contracts/gateways.md §6): the router's
 * {@code /ip hotspot active} counters, cumulative for each current login. {@code bytesIn} is what the device
 * uploaded. {@code observedAt} may be absent (then: when it arrived).
 */
public record UsageReport(Instant observedAt, List<Item> items) {
    /** At most this many logins per report: far above one hotspot's active list, and the 64 KB body limit bites first. */
    static final int MAX_ITEMS = 1000;

    public UsageReport {
        if (items == null) throw ApiException.invalidField("items", "items is required");
        if (items.size() > MAX_ITEMS) throw ApiException.invalidField("items", "at most " + MAX_ITEMS + " items per report");
        items = List.copyOf(items);
    }

    /** One active login as the router lists it. */
    public record Item(String username, String mac, String ip, long bytesIn, long bytesOut, Long uptimeSeconds) {
        public Item {
            if (username == null || username.isBlank()) throw ApiException.invalidField("items.username", "username is required");
            if (bytesIn < 0 || bytesOut < 0) throw ApiException.invalidField("items.bytesIn", "byte counters cannot be negative");
        }
    }

    /** The answer: how many logins were recorded, and the usernames the router should remove. */
    public record Answer(int accepted, List<String> unknown) {
        public Answer {
            unknown = List.copyOf(unknown);
        }
    }
}
