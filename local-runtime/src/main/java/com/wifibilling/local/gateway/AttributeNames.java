package com.wifibilling.local.gateway;

import com.wifibilling.core.radius.AttributeType;
import com.wifibilling.core.radius.RadiusAttribute;
import com.wifibilling.core.radius.RadiusPacket;
import com.wifibilling.core.radius.VendorAttribute;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Names and shows attributes as FreeRADIUS's dictionaries do ({@code NAS-IP-Address}, {@code Mikrotik-Rate-Limit}), for the received log. */
final class AttributeNames {
    private static final Set<String> ACRONYMS = Set.of("NAS", "IP", "CHAP");

    private AttributeNames() {}

    /** Returns the packet's attributes by name; integers as numbers, addresses dotted, octets as {@code 0x…}; repeats get a {@code #n} suffix. */
    static Map<String, Object> of(RadiusPacket packet) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (RadiusAttribute attribute : packet.attributes()) {
            String name = null;
            Object value = null;
            for (VendorAttribute vendor : VendorAttribute.values()) {
                var inside = attribute.vendorValue(vendor);
                if (inside.isPresent()) {
                    name = dictionaryName(vendor.name());
                    value = vendor.format() == AttributeType.Format.TEXT ? new String(inside.get(), StandardCharsets.UTF_8)
                            : (Object) Integer.toUnsignedLong(ByteBuffer.wrap(inside.get()).getInt());
                    break;
                }
            }
            if (name == null) {
                AttributeType type = known(attribute.type());
                name = type == null ? "Attr-" + attribute.type() : dictionaryName(type.name());
                value = type == null ? hex(attribute) : switch (type.format()) {
                    case TEXT -> attribute.asText();
                    case INTEGER -> attribute.value().length == 4 ? attribute.asInteger() : hex(attribute);
                    case IPV4 -> attribute.value().length == 4 ? attribute.asIpv4().getHostAddress() : hex(attribute);
                    case OCTETS -> hex(attribute);
                };
            }
            String key = name;
            for (int n = 2; named.containsKey(key); n++) key = name + "#" + n;
            named.put(key, value);
        }
        return named;
    }

    private static AttributeType known(int code) {
        for (AttributeType type : AttributeType.values()) if (type.code() == code) return type;
        return null;
    }

    /** {@code NAS_IP_ADDRESS} → {@code NAS-IP-Address}, {@code MIKROTIK_RATE_LIMIT} → {@code Mikrotik-Rate-Limit}. */
    static String dictionaryName(String enumName) {
        StringBuilder out = new StringBuilder();
        for (String word : enumName.split("_")) {
            if (!out.isEmpty()) out.append('-');
            out.append(ACRONYMS.contains(word) ? word : word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString().replace("Wispr", "WISPr").replace("Pfsense", "pfSense");
    }

    private static String hex(RadiusAttribute attribute) {
        return "0x" + HexFormat.of().formatHex(attribute.value());
    }
}
