package com.wifibilling.core.user;

import java.util.Arrays;

/** Whether a user may sign in, stored as {@code active} or {@code disabled}. */
public enum UserStatus {
    ACTIVE("active"),
    DISABLED("disabled");

    private final String value;

    UserStatus(String value) {
        this.value = value;
    }

    /** Returns the stored and API spelling. */
    public String value() {
        return value;
    }

    public static UserStatus fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown user status " + value));
    }
}
