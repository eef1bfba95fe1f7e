package com.wifibilling.core.session;

/** What a {@code gateway-commands} message asks coa-function to do (contracts/gateways.md §4.3 {@code type}). */
public enum CommandType {
    /** A new session: UniFi authorize-guest, polling {@code allow}; RADIUS gateways need nothing on the wire. */
    AUTHORIZE,
    /** An extension (time, rates): CoA-Request, UniFi authorize-guest again, polling {@code update}. */
    UPDATE,
    /** End the device's gateway login: Disconnect-Request, unauthorize-guest, polling {@code drop}. */
    DISCONNECT
}
