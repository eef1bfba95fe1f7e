package com.wifibilling.core.session;

import com.wifibilling.core.Mac;
import com.wifibilling.core.http.ApiException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One device on one gateway: the key of its session (DESIGN §4, Sessions: {@code gatewayId#MAC}). The same phone
 * on another hotspot is another device, so time bought at one hotspot is never usable at another.
 */
public record DeviceKey(String gatewayId, Mac mac) {
    /** A FreeRADIUS client shortname: letters, digits, dot, dash, underscore; never '#', the separator. */
    private static final Pattern GATEWAY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final char SEPARATOR = '#';

    public DeviceKey {
        if (gatewayId == null || !GATEWAY_ID.matcher(gatewayId).matches())
            throw ApiException.invalidField("gatewayId", "gatewayId must be 1-64 letters, digits, dots, dashes or underscores");
        Objects.requireNonNull(mac, "mac");
    }

    /**
     * Returns the key for its stored form {@code gw-nairobi-01#AA:BB:CC:DD:EE:01}; anything else (no separator,
     * a bad gateway id, a MAC not in canonical form) throws 400 {@code INVALID_FIELD} naming {@code deviceKey}.
     */
    public static DeviceKey parse(String value) {
        int separator = value == null ? -1 : value.indexOf(SEPARATOR);
        if (separator < 0) throw invalid();
        try {
            return new DeviceKey(value.substring(0, separator), new Mac(value.substring(separator + 1)));
        } catch (ApiException e) {
            throw invalid();
        }
    }

    /** Returns {@code gatewayId#AA:BB:CC:DD:EE:FF}, the form stored in every table. */
    public String value() {
        return gatewayId + SEPARATOR + mac.value();
    }

    @Override
    public String toString() {
        return value();
    }

    private static ApiException invalid() {
        return ApiException.invalidField("deviceKey", "deviceKey must look like gatewayId#AA:BB:CC:DD:EE:FF");
    }
}
