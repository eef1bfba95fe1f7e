package com.wifibilling.core.http;

import java.util.Map;
import java.util.Optional;

/**
 * An expected failure that becomes an HTTP answer with the JSON error shape of DESIGN §3:
 * {@code {"error":{"code":"INVALID_PHONE","message":"…"}}}. Domain code throws it; {@link Api#respond} is the
 * only place that turns it into a response. Codes are stable UPPER_SNAKE strings the portal translates.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message, String field, Map<String, String> headers) {
        super(message, null, false, false); // expected answers need no stack trace
        this.status = status;
        this.code = code;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null, Map.of());
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    /** Returns a 400 {@code INVALID_FIELD} naming the field, so a client can point at the input. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "INVALID_FIELD", message, field, Map.of());
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "UNAUTHORIZED", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException gone(String code, String message) {
        return new ApiException(410, code, message);
    }

    /** Returns a 429 {@code RATE_LIMITED} (or another code) with {@code Retry-After} in whole seconds. */
    public static ApiException rateLimited(String code, String message, long retryAfterSeconds) {
        return new ApiException(429, code, message, null, Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Returns the offending field for {@code INVALID_FIELD} answers. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** Returns extra response headers, such as {@code Retry-After} or {@code Allow}. */
    public Map<String, String> headers() {
        return headers;
    }
}
