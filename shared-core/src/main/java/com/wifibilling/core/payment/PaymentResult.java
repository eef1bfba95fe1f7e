package com.wifibilling.core.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment's final answer as one caller saw it: Daraja's {@code ResultCode} (null when the sweeper expires a
 * payment nobody answered) and {@code ResultDesc}, the M-Pesa receipt (only from a trusted success callback; a
 * query never returns one, contracts/daraja.md §5), which path brought it, and when.
 */
public record PaymentResult(String resultCode, String resultDesc, String receipt, PaymentSource source, Instant at) {
    public PaymentResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
    }
}
