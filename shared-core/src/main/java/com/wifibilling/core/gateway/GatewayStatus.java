package com.wifibilling.core.gateway;

import java.util.Arrays;

/** Whether a gateway may serve devices (contracts/gateways.md §1), stored as {@code active} or {@code disabled}. */
public enum GatewayStatus {
    ACTIVE("active"),
    DISABLED("disabled");

    private final String value;

    GatewayStatus(String value) {
        this.value = value;
    }

    /** Returns the stored and API spelling. */
    public String value() {
        return value;
    }

    /** Returns the constant spelled {@code value}; anything else is bad stored data, so it throws. */
    public static GatewayStatus fromValue(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown GatewayStatus " + value));
    }
}
