package com.wifibilling.core.radius;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a gateway listens for CoA and Disconnect (its {@code coaAddress}, {@code coaPort}) and the secret it
 * shares with us. The secret never shows in {@link #toString()}.
 */
public record CoaTarget(InetSocketAddress address, RadiusSecret secret) {
    /** RFC 5176 §3.6: the port a NAS listens on unless configured otherwise. */
    public static final int DEFAULT_PORT = 3799;

    public CoaTarget {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(secret, "secret");
        if (address.isUnresolved()) throw new IllegalArgumentException("CoA address " + address.getHostString() + " is not resolved");
    }
}
