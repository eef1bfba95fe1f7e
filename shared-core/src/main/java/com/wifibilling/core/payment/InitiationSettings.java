package com.wifibilling.core.payment;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link PaymentInitiation} is set up: the gateway meant when the portal names none ({@code DEFAULT_GATEWAY_ID},
 * {@code default} locally), the {@code CallBackURL} of new pushes, the inline polling, and how long the in-flight
 * guard of one phone + device lives at most (past the sweeper's expiry window, so it never outlives a purchase
 * that is still pending; a finished purchase's guard is taken over at once).
 */
public record InitiationSettings(String defaultGatewayId, URI callbackUrl, InlinePolling inlinePolling, Duration inflightFor) {
    public InitiationSettings {
        if (defaultGatewayId == null || defaultGatewayId.isBlank()) throw new IllegalArgumentException("defaultGatewayId is required");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(inlinePolling, "inlinePolling");
        if (inflightFor == null || inflightFor.toSeconds() < 1) throw new IllegalArgumentException("inflightFor is at least a second");
    }
}
