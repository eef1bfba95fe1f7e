package com.wifibilling.core.user;

import java.util.Arrays;

/** What a user is, stored as {@code portal} or {@code admin} (the partition key of {@code kind-index}). */
public enum UserKind {
    PORTAL("portal"),
    ADMIN("admin");

    private final String value;

    UserKind(String value) {
        this.value = value;
    }

    /** Returns the stored and API spelling. */
    public String value() {
        return value;
    }

    /** Returns the kind spelled {@code value}; anything else is a bug in stored data, so it throws. */
    public static UserKind fromValue(String value) {
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown user kind " + value));
    }
}
