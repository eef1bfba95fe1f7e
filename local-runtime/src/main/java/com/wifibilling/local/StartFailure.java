package com.wifibilling.local;

/** The local runtime cannot start for a reason the operator can fix; the message says what to do. */
public final class StartFailure extends RuntimeException {
    public StartFailure(String message) {
        super(message);
    }

    public StartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
