package com.wifibilling.core.gateway;

import java.util.Arrays;

/** How commands reach the gateway (contracts/gateways.md §1): {@code push} (CoA or the UniFi API, the default) or {@code poll} (the router fetches its outbox, §6). */
public enum ControlMode {
    PUSH("push"),
    POLL("poll");

    private final String value;

    ControlMode(String value) {
        this.value = value;
    }

    /** Returns the stored and API spelling. */
    public String value() {
        return value;
    }

    /** Returns the constant spelled {@code value}; anything else is bad stored data, so it throws. */
    public static ControlMode fromValue(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown ControlMode " + value));
    }
}
