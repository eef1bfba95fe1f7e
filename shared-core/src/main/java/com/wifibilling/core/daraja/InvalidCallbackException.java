package com.wifibilling.core.daraja;

import com.wifibilling.core.http.ApiException;

/**
 * A callback body that is not one Daraja sends (contracts/daraja.md §4.1, step 2): too big, not JSON, or without
 * the ids and the result. The message says what is missing and never quotes the body.
 */
public final class InvalidCallbackException extends RuntimeException {
    public InvalidCallbackException(String message) {
        super(message, null, false, false); // an expected rejection needs no stack trace
    }

    /** Returns the answer of the callback route: 400 {@code INVALID_CALLBACK}, nothing queued. */
    public ApiException toApiException() {
        return ApiException.badRequest("INVALID_CALLBACK", getMessage());
    }
}
