package com.wifibilling.core.gateway;

/** Whether a gateway may serve devices (contracts/gateways.md §1), stored as {@code active} or {@code disabled}. */
public enum GatewayStatus {
    ACTIVE, DISABLED
}
