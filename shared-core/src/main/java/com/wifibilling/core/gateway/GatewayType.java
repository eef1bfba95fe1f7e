package com.wifibilling.core.gateway;

import java.util.Arrays;

/** The kind of gateway, stored exactly as contracts/gateways.md §1 spells it: it decides how a device gets online. */
public enum GatewayType {
    MIKROTIK("mikrotik"),
    PFSENSE("pfsense"),
    UNIFI("unifi"),
    GENERIC_RADIUS("generic-radius");

    private final String value;

    GatewayType(String value) {
        this.value = value;
    }

    /** Returns the stored and API spelling. */
    public String value() {
        return value;
    }

    /** Returns the constant spelled {@code value}; anything else is bad stored data, so it throws. */
    public static GatewayType fromValue(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown GatewayType " + value));
    }
}
