package com.wifibilling.core.daraja;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code Password} of an STK Push or Query (contracts/daraja.md §3): Base64 of the ASCII string
 * {@code BusinessShortCode + Passkey + Timestamp}, plain concatenation. It is a credential: never log it.
 */
public final class DarajaPassword {
    private DarajaPassword() {}

    /** Returns the password for {@code timestamp}, which must be the very string sent as {@code Timestamp}. */
    public static String of(String shortcode, String passkey, String timestamp) {
        return Base64.getEncoder().encodeToString((shortcode + passkey + timestamp).getBytes(StandardCharsets.US_ASCII));
    }
}
