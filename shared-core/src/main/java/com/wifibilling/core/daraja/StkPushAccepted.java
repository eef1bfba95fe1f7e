package com.wifibilling.core.daraja;

import java.util.Objects;

/**
 * Daraja's "accepted for processing" answer to a push (contracts/daraja.md §3.1, {@code ResponseCode "0"}): the
 * prompt was accepted for sending, nothing more; no money has moved. Both ids are opaque (at most 64 characters);
 * {@code checkoutRequestId} is how callbacks and queries find the transaction. {@code customerMessage} is
 * Daraja's text, for logs and people, never for decisions.
 */
public record StkPushAccepted(String merchantRequestId, String checkoutRequestId, String customerMessage) {
    public StkPushAccepted {
        Objects.requireNonNull(merchantRequestId, "merchantRequestId");
        Objects.requireNonNull(checkoutRequestId, "checkoutRequestId");
    }
}
