package com.wifibilling.core.unifi;

import java.util.Objects;
import java.util.Optional;

/**
 * A UniFi controller call that did not succeed, by {@link Kind} so coa-function can record {@code lastCommand}
 * and decide whether to retry. The message names the operation, the HTTP status and the controller's
 * {@code meta.msg}; it never holds a password, cookie or CSRF token.
 */
public final class UnifiException extends RuntimeException {
    /** How the caller reacts. */
    public enum Kind {
        /** The controller refused our login (wrong username or password, 2FA account): an operator must fix it. */
        LOGIN_REFUSED,
        /** The controller answered the command with an error ({@code api.err.…}) or an unexpected status. */
        REJECTED,
        /** No usable answer: connection refused or reset, timeout, a 5xx, or a body that is not the envelope. Retry later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String operation;
    private final int httpStatus;
    private final String controllerMessage;

    UnifiException(Kind kind, String operation, int httpStatus, String controllerMessage, Throwable cause) {
        super("UniFi " + operation + " " + kind + (httpStatus == 0 ? "" : " http=" + httpStatus)
                + (controllerMessage == null ? "" : " msg=" + controllerMessage), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.controllerMessage = controllerMessage;
    }

    public Kind kind() {
        return kind;
    }

    /** Returns which call failed: {@code login}, {@code authorize-guest} or {@code unauthorize-guest}. */
    public String operation() {
        return operation;
    }

    /** Returns the HTTP status the controller answered with; empty when no answer came. */
    public Optional<Integer> httpStatus() {
        return httpStatus == 0 ? Optional.empty() : Optional.of(httpStatus);
    }

    /** Returns the controller's {@code meta.msg}, e.g. {@code api.err.InvalidArgs}. */
    public Optional<String> controllerMessage() {
        return Optional.ofNullable(controllerMessage);
    }

    /** Returns whether the same call may succeed later without anyone changing anything. */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE;
    }
}
