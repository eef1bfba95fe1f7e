package com.wifibilling.core.gateway;

import com.wifibilling.core.Mac;
import com.wifibilling.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The request attributes rlm_rest sends to {@code /api/radius/*} (contracts/gateways.md §3.3): each attribute
 * name with its values as text, in the order received. {@code integer} values arrive as JSON numbers (enumerated
 * ones too, thanks to {@code raw_value = yes}), {@code octets} as {@code 0x} + lowercase hex, addresses dotted.
 * Never printed whole: {@code User-Password} arrives decrypted.
 */
public record RadiusAttributes(Map<String, List<String>> values) {
    public static final String USER_NAME = "User-Name";
    public static final String GATEWAY_ID = "WB-Gateway-Id";
    public static final String CALLING_STATION_ID = "Calling-Station-Id";

    public RadiusAttributes {
        var copy = new LinkedHashMap<String, List<String>>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** Returns the attribute's first value, when sent and not empty. */
    public Optional<String> first(String name) {
        List<String> list = values.getOrDefault(name, List.of());
        return list.isEmpty() || list.getFirst().isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
    }

    /** Returns the attribute's first value as a number; absent or not a whole number → empty. */
    public OptionalLong number(String name) {
        Optional<String> value = first(name);
        if (value.isEmpty()) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(value.get().strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Returns the gateway FreeRADIUS identified the client as ({@code WB-Gateway-Id}, set by our site from the
     * client's shortname); a request without it did not come through our site: 400.
     */
    public String gatewayId() {
        return first(GATEWAY_ID).orElseThrow(() -> ApiException.invalidField(GATEWAY_ID, "WB-Gateway-Id is required"));
    }

    /** Returns {@code Calling-Station-Id} as a MAC, when it is one (MikroTik sends it in capitals, others vary). */
    public Optional<Mac> callingStation() {
        return first(CALLING_STATION_ID).flatMap(RadiusAttributes::mac);
    }

    /** Returns the value as a MAC in any spelling DESIGN §3 accepts, or empty. */
    public static Optional<Mac> mac(String value) {
        try {
            return Optional.of(Mac.parse(value));
        } catch (ApiException notAMac) {
            return Optional.empty();
        }
    }

    /** Returns each value of an {@code octets} attribute as text ({@code 0x77623a…} → {@code wb:…}); malformed ones are left out. */
    public List<String> octetsAsText(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> v.startsWith("0x") && v.length() % 2 == 0).map(v -> {
            try {
                return new String(HexFormat.of().parseHex(v, 2, v.length()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }).filter(v -> !v.isEmpty()).toList();
    }

    /** Names only: values may hold a decrypted password. */
    @Override
    public String toString() {
        return "RadiusAttributes" + values.keySet();
    }
}
