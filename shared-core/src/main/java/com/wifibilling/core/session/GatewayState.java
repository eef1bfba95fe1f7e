package com.wifibilling.core.session;

/** What the gateway last told us about the device (contracts/gateways.md §1 and §4.3, {@code gatewayState}). */
public enum GatewayState {
    /** Credentials were handed out; the device has not logged in through the gateway yet. */
    AWAITING_LOGIN,
    /** Accounting says the device is logged in: the session is in the sparse expiry-index. */
    ONLINE,
    /** Accounting-Stop, a disconnect or a logout ended the gateway's login. */
    OFFLINE,
    /** UniFi: the controller accepted authorize-guest. */
    AUTHORIZED,
    /** UniFi: the controller refused or could not be reached. */
    FAILED
}
