package com.wifibilling.core.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * A Daraja callback as the callback endpoint received it (contracts/daraja.md §4.1): the raw body, kept whole for
 * the processor's checks and for reconciling real money, with when, from where and under which request id it
 * arrived. It travels on the {@code payment-callbacks} queue.
 */
public record ReceivedCallback(String body, Instant receivedAt, String sourceIp, String requestId) {
    public ReceivedCallback {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Never print the body: it carries the payer's phone number. */
    @Override
    public String toString() {
        return "ReceivedCallback[receivedAt=" + receivedAt + ", requestId=" + requestId + ", bytes=" + body.length() + "]";
    }
}
