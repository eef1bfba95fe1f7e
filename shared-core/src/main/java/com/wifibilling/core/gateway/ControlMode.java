package com.wifibilling.core.gateway;

/** How commands reach the gateway (contracts/gateways.md §1): {@code push} (CoA or the UniFi API, the default) or {@code poll} (the router fetches its outbox, §6). */
public enum ControlMode {
    PUSH, POLL
}
