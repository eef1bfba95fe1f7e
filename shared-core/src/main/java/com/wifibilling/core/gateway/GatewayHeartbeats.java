package com.wifibilling.core.gateway;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/gateway/heartbeat} (contracts/gateways.md §6): moves {@code lastSeenAt}; the dashboard flags 5 silent minutes. */
public final class GatewayHeartbeats {
    private static final Logger log = LoggerFactory.getLogger(GatewayHeartbeats.class);

    private final GatewayStore gateways;
    private final Clock clock;

    public GatewayHeartbeats(GatewayStore gateways, Clock clock) {
        this.gateways = gateways;
        this.clock = clock;
    }

    public Heartbeat.Answer beat(Gateway gateway, Heartbeat heartbeat) {
        Instant now = clock.instant();
        gateways.touch(gateway.gatewayId(), now); // false only when seen later already: nothing to do
        log.atInfo().addKeyValue("gatewayId", gateway.gatewayId()).addKeyValue("routerOsVersion", heartbeat.routerOsVersion())
                .addKeyValue("uptimeSeconds", heartbeat.uptimeSeconds()).addKeyValue("activeSessions", heartbeat.activeSessions())
                .log("gateway.heartbeat");
        return new Heartbeat.Answer(now, GatewayPolling.POLL_AFTER_SECONDS);
    }
}
