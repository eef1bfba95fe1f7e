package com.wifibilling.core.gateway;

/** The kind of gateway, stored exactly as contracts/gateways.md §1 spells it: it decides how a device gets online. */
public enum GatewayType {
    MIKROTIK, PFSENSE, UNIFI, GENERIC_RADIUS
}
