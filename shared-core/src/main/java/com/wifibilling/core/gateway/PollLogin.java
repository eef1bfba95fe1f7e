package com.wifibilling.core.gateway;

import java.util.Arrays;

/** How a polling gateway logs devices in (contracts/gateways.md §6): through {@code radius} (the default) or as {@code local-user}s it creates from polled {@code allow} items. */
public enum PollLogin {
    RADIUS("radius"),
    LOCAL_USER("local-user");

    private final String value;

    PollLogin(String value) {
        this.value = value;
    }

    /** Returns the stored and API spelling. */
    public String value() {
        return value;
    }

    /** Returns the constant spelled {@code value}; anything else is bad stored data, so it throws. */
    public static PollLogin fromValue(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown PollLogin " + value));
    }
}
