package com.wifibilling.local.daraja;

/**
 * A Daraja request that fails one of the simulator's checks: the endpoint answers with the error's envelope.
 * {@code requestId} is set where Daraja echoes something observed there (the pending query answers with the
 * CheckoutRequestID, §5 form P1); otherwise a fresh id is made.
 */
final class DarajaRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient DarajaError error;
    private final String requestId;

    DarajaRejection(DarajaError error) {
        this(error, null);
    }

    DarajaRejection(DarajaError error, String requestId) {
        super(error.errorCode() + " " + error.errorMessage(), null, false, false); // an answer, not a failure: no stack
        this.error = error;
        this.requestId = requestId;
    }

    DarajaError error() {
        return error;
    }

    /** Returns the requestId to answer with, or null for a fresh one. */
    String requestId() {
        return requestId;
    }
}
