package com.wifibilling.core.gateway;

/** How a polling gateway logs devices in (contracts/gateways.md §6): through {@code radius} (the default) or as {@code local-user}s it creates from polled {@code allow} items. */
public enum PollLogin {
    RADIUS, LOCAL_USER
}
