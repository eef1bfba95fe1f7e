package com.wifibilling.core.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Returns what MikroTik's stock login page posts as {@code password} for http-chap (contracts/gateways.md §2.1):
 * lowercase hex of MD5(chap-id byte ‖ secret ‖ 16 challenge bytes), the CHAP response of RFC 1994 §4.1. The API
 * computes it so the portal never needs to.
 */
public final class ChapPassword {
    private ChapPassword() {}

    public static String of(GatewayContext.Chap chap, String secret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(chap.id());
            md5.update(secret.getBytes(StandardCharsets.US_ASCII)); // radiusSecret is [A-Za-z0-9] only
            md5.update(chap.challenge());
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has MD5", e);
        }
    }
}
