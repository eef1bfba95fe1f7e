package com.wifibilling.core.gateway;

/** What a polling gateway does with an outbox item (contracts/gateways.md §6): {@code allow} a new session, {@code update} its time or rate, {@code drop} it. */
public enum OutboxCommand {
    ALLOW, UPDATE, DROP
}
