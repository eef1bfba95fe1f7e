package com.wifibilling.core.gateway;

import java.util.Arrays;

/** What a polling gateway does with an outbox item (contracts/gateways.md §6): {@code allow} a new session, {@code update} its time or rate, {@code drop} it. */
public enum OutboxCommand {
    ALLOW("allow"),
    UPDATE("update"),
    DROP("drop");

    private final String value;

    OutboxCommand(String value) {
        this.value = value;
    }

    /** Returns the stored and API spelling. */
    public String value() {
        return value;
    }

    /** Returns the constant spelled {@code value}; anything else is bad stored data, so it throws. */
    public static OutboxCommand fromValue(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown OutboxCommand " + value));
    }
}
