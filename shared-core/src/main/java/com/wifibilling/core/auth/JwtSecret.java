package com.wifibilling.core.auth;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import java.nio.charset.StandardCharsets;

/**
 * The HS256 key every token is signed and checked with (DESIGN §3): {@code JWT_SECRET}, at least 32 bytes as UTF-8
 * (RFC 7518 §3.2: a key at least as long as the hash). Shorter or missing stops start-up naming the variable, never
 * echoing the value; {@link #toString()} hides it too.
 */
public final class JwtSecret {
    public static final String VARIABLE = "JWT_SECRET";
    public static final int MIN_BYTES = 32;

    private final byte[] key;

    private JwtSecret(byte[] key) {
        this.key = key;
    }

    /** Returns the secret of {@code JWT_SECRET}; missing, blank or under 32 bytes → {@link ConfigException} naming it. */
    public static JwtSecret from(Env env) {
        return of(env.require(VARIABLE));
    }

    /** Returns the secret for a value already in hand (tests, tools). */
    public static JwtSecret of(String value) {
        byte[] key = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_BYTES)
            throw new ConfigException("Environment variable " + VARIABLE + " must be at least " + MIN_BYTES + " bytes (HS256)");
        return new JwtSecret(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "JwtSecret[hidden]";
    }
}
