package com.wifibilling.core.daraja;

import com.wifibilling.core.http.ApiException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Daraja refused a call, or could not be reached (contracts/daraja.md §3.2). {@link #kind()} is what the caller
 * decides on; Daraja's {@code errorCode}, {@code requestId} and {@code errorMessage} are kept whole for logs and
 * for the failed transaction's {@code resultCode}/{@code resultDesc} (§9). The message never holds a credential.
 */
public final class DarajaException extends RuntimeException {
    /** How the caller reacts, and which API error the portal gets ({@link #toApiException()}). */
    public enum Kind {
        /** {@code 400.002.02 Invalid PhoneNumber}: not an M-Pesa number. → 400 {@code INVALID_PHONE}. */
        INVALID_PHONE,
        /** Our bug or configuration (any other invalid field, wrong path, wrong shortcode or passkey, a token
         *  rejected twice): logged at ERROR. → 502 {@code PAYMENT_PROVIDER_ERROR}. */
        PROVIDER_ERROR,
        /** "Unable to lock subscriber": the phone already has an open prompt; wait a minute.
         *  → 409 {@code PAYMENT_IN_PROGRESS}. */
        SUBSCRIBER_LOCKED,
        /** System busy, spike arrest, quota, internal server error: try later, with backoff.
         *  → 503 {@code PAYMENT_PROVIDER_BUSY}. */
        BUSY,
        /** Network error, timeout, or a body that is not JSON. → 503 {@code PAYMENT_PROVIDER_UNAVAILABLE}. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String operation;
    private final int httpStatus;
    private final String errorCode;
    private final String requestId;
    private final String errorMessage;

    DarajaException(Kind kind, String operation, int httpStatus, String errorCode, String requestId, String errorMessage,
                    Throwable cause) {
        super(describe(kind, operation, httpStatus, errorCode, requestId, errorMessage), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.errorMessage = errorMessage;
    }

    public Kind kind() {
        return kind;
    }

    /** Returns which call failed: {@code oauth}, {@code stk-push} or {@code stk-query}. */
    public String operation() {
        return operation;
    }

    /** Returns the HTTP status Daraja answered with; empty when no answer came (network error, timeout). */
    public Optional<Integer> httpStatus() {
        return httpStatus == 0 ? Optional.empty() : Optional.of(httpStatus);
    }

    /** Returns Daraja's {@code errorCode} (e.g. {@code 500.001.1001}), or a push's non-{@code "0"} {@code ResponseCode}. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** Returns Daraja's {@code requestId}, to quote to Safaricom support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Returns Daraja's {@code errorMessage} (or {@code ResponseDescription}) whole, or what went wrong on our side. */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /**
     * Returns whether the same call may succeed later (busy, unavailable). A push is still never retried
     * automatically (contracts/daraja.md §3.2): one whose answer was lost may already have reached the phone.
     */
    public boolean retryable() {
        return kind == Kind.BUSY || kind == Kind.UNAVAILABLE;
    }

    /** Returns the API error contracts/daraja.md §3.2 names for this failure of a push. */
    public ApiException toApiException() {
        return switch (kind) {
            case INVALID_PHONE -> ApiException.badRequest("INVALID_PHONE",
                    "This number cannot pay with M-Pesa. Use a Safaricom M-Pesa number like 0712345678");
            case PROVIDER_ERROR -> new ApiException(502, "PAYMENT_PROVIDER_ERROR",
                    "M-Pesa could not take this payment request. Please try again later");
            case SUBSCRIBER_LOCKED -> ApiException.conflict("PAYMENT_IN_PROGRESS",
                    "Another M-Pesa request is open on this phone. Wait a minute and try again");
            case BUSY -> new ApiException(503, "PAYMENT_PROVIDER_BUSY",
                    "M-Pesa is busy. Please try again in a minute", null, Map.of("Retry-After", "60"));
            case UNAVAILABLE -> new ApiException(503, "PAYMENT_PROVIDER_UNAVAILABLE",
                    "M-Pesa is not available right now. Please try again in a minute", null, Map.of("Retry-After", "60"));
        };
    }

    private static String describe(Kind kind, String operation, int httpStatus, String errorCode, String requestId,
                                   String errorMessage) {
        var text = new StringBuilder("Daraja ").append(operation).append(' ').append(kind);
        if (httpStatus != 0) text.append(" http=").append(httpStatus);
        if (errorCode != null) text.append(" errorCode=").append(errorCode);
        if (requestId != null) text.append(" requestId=").append(requestId);
        if (errorMessage != null) text.append(" errorMessage=").append(errorMessage);
        return text.toString();
    }
}
