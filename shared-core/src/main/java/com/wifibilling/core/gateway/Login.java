package com.wifibilling.core.gateway;

import com.wifibilling.core.session.GatewayState;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code login} object (contracts/gateways.md §2.1) that tells the portal how to log the device in: the
 * method ({@code redirect-get} for MikroTik and generic RADIUS NAS), the gateway's login URL, the fields to send,
 * the session's gateway state and its expiry. The portal only follows it; it never computes CHAP.
 */
public record Login(String method, String url, Map<String, String> fields, GatewayState gatewayState, Instant expiresAt) {
    public Login {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields)); // field order as sent
    }

    /** Never print credentials: a stray log line must not hand out a login. */
    @Override
    public String toString() {
        return "Login[method=" + method + ", url=" + url + ", fields=" + fields.keySet() + ", expiresAt=" + expiresAt + "]";
    }
}
