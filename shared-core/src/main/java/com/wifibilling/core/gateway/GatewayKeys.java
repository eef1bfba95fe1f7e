package com.wifibilling.core.gateway;

import com.wifibilling.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks a polling router's {@code X-Gateway-Key: <gatewayId>.<secret>} (contracts/gateways.md §6): the gateway
 * named before the dot is loaded, and SHA-256 of the secret, as lowercase hex in {@code apiKeyHash}, is compared
 * in constant time. Wrong, missing or unknown → 401 {@code INVALID_GATEWAY_KEY}, with the same answer and the same
 * work whichever part was wrong; a right key of a disabled gateway → 403 {@code GATEWAY_DISABLED}. The key itself
 * is never logged or stored.
 */
public final class GatewayKeys {
    public static final String HEADER = "X-Gateway-Key";
    /** Compared against when the gateway is unknown or has no key, so that case costs the same hash and compare. */
    private static final byte[] NO_HASH = new byte[32];

    private final GatewayStore gateways;

    public GatewayKeys(GatewayStore gateways) {
        this.gateways = gateways;
    }

    /** Returns the gateway whose key this is, active. */
    public Gateway authenticate(Optional<String> header) {
        String key = header.map(String::strip).orElse("");
        int dot = key.indexOf('.');
        if (dot < 1 || dot > 40 || dot == key.length() - 1) throw invalid();
        Optional<Gateway> gateway = gateways.find(key.substring(0, dot));
        byte[] stored = gateway.map(Gateway::apiKeyHash).map(GatewayKeys::decode).orElse(NO_HASH);
        boolean matches = MessageDigest.isEqual(sha256(key.substring(dot + 1)), stored);
        if (!matches || gateway.isEmpty() || gateway.get().apiKeyHash() == null) throw invalid();
        if (gateway.get().status() != GatewayStatus.ACTIVE)
            throw new ApiException(403, "GATEWAY_DISABLED", "This gateway is disabled");
        return gateway.get();
    }

    /** Returns what {@code apiKeyHash} holds for {@code secret}: SHA-256 of its UTF-8 bytes, lowercase hex. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] decode(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return NO_HASH; // a malformed stored hash matches nothing a router can send
        }
    }

    private static ApiException invalid() {
        return new ApiException(401, "INVALID_GATEWAY_KEY", "The X-Gateway-Key header is missing or wrong");
    }
}
