package com.wifibilling.core.radius;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A RADIUS shared secret (RFC 2865 §3). Its {@link #toString()} never shows the value, so it can sit in records
 * and log lines without leaking.
 */
public final class RadiusSecret {
    private final byte[] value;

    private RadiusSecret(byte[] value) {
        if (value.length == 0) throw new IllegalArgumentException("A RADIUS shared secret cannot be empty");
        this.value = value;
    }

    /** Returns the secret as its UTF-8 octets, as FreeRADIUS reads {@code secret = …} from clients.conf. */
    public static RadiusSecret of(String secret) {
        return new RadiusSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RadiusSecret that && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RadiusSecret[****]";
    }
}
