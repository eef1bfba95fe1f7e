package com.wifibilling.local.gateway;

import java.util.Locale;
import java.util.Set;

/**
 * How the DAS answers (contracts/gateways.md §8, {@code PUT /simulator/gateway/scenario}): {@code ack} behaves like
 * a NAS (ACK what it can apply, NAK {@code unknownSessionCause} for a session it does not have, 406 mimics
 * RouterOS); {@code nak} NAKs everything with {@code errorCause}; {@code timeout} never answers;
 * {@code ack-on-retry} ignores the first {@code retryCount − 1} copies of a request and answers the n-th;
 * {@code coaUnsupported} NAKs CoA-Requests with 401 Unsupported-Attribute.
 */
record DasScenario(String gatewayId, String mode, Long errorCause, Integer retryCount, Boolean coaUnsupported, Long unknownSessionCause) {
    static final Set<String> MODES = Set.of("ack", "nak", "timeout", "ack-on-retry");

    DasScenario {
        mode = mode == null ? "ack" : mode.toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) throw new IllegalArgumentException("mode must be one of ack, nak, timeout, ack-on-retry");
        errorCause = errorCause == null ? 503L : errorCause;
        retryCount = retryCount == null ? 2 : retryCount;
        coaUnsupported = coaUnsupported != null && coaUnsupported;
        unknownSessionCause = unknownSessionCause == null ? 503L : unknownSessionCause;
        if (retryCount < 1) throw new IllegalArgumentException("retryCount must be at least 1");
        if (errorCause < 0 || errorCause > 0xffff_ffffL || unknownSessionCause < 0 || unknownSessionCause > 0xffff_ffffL)
            throw new IllegalArgumentException("Error-Cause is a 32-bit unsigned integer");
    }

    static DasScenario acking(String gatewayId) {
        return new DasScenario(gatewayId, "ack", null, null, null, null);
    }
}
