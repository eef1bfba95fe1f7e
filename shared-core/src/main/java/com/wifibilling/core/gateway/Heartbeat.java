package com.wifibilling.core.gateway;

import java.time.Instant;

/** The body of {@code POST /api/gateway/heartbeat} (contracts/gateways.md §6); every field is informational. */
public record Heartbeat(String routerOsVersion, String identity, Long uptimeSeconds, Integer activeSessions, String cursor) {
    /** The answer: our time, and how long the router should wait before its next poll. */
    public record Answer(Instant serverTime, int pollAfterSeconds) {}
}
