package com.wifibilling.core.auth;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shared token FreeRADIUS sends as {@code X-Radius-Token} on {@code /api/radius/*} (contracts/gateways.md
 * §3.1), compared in constant time. Without one configured the RADIUS routes refuse every call: a deployment
 * without RADIUS gateways needs none. A wrong or missing token is 403, not 401: to rlm_rest a 401 means "reject
 * with the body's Reply-Message", a 403 "userlock" — both a Reject, but only 403 is the contract's word for it.
 */
public final class RadiusApiToken {
    /** Letters, digits, '-' and '_': it is written into FreeRADIUS's config inside a quoted header line. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,256}");
    private final byte[] expected;

    private RadiusApiToken(byte[] expected) {
        this.expected = expected;
    }

    /** Returns the token of {@code RADIUS_API_TOKEN}; empty means RADIUS is off; a malformed one stops INIT naming it. */
    public static RadiusApiToken of(Optional<String> configured) {
        String value = configured.map(String::strip).orElse("");
        if (value.isEmpty()) return new RadiusApiToken(null);
        if (!FORMAT.matcher(value).matches())
            throw new ConfigException("RADIUS_API_TOKEN must be 16-256 letters, digits, '-' or '_' (32 random ones in production)");
        return new RadiusApiToken(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns normally when {@code presented} is the token; otherwise 403 {@code FORBIDDEN}. */
    public void check(Optional<String> presented) {
        byte[] given = presented.orElse("").getBytes(StandardCharsets.UTF_8);
        // MessageDigest.isEqual takes the same time wherever the first difference is.
        if (expected == null || !MessageDigest.isEqual(expected, given))
            throw ApiException.forbidden("This route is for the RADIUS server only");
    }

    @Override
    public String toString() {
        return "RadiusApiToken[" + (expected == null ? "off" : "set") + "]";
    }
}
