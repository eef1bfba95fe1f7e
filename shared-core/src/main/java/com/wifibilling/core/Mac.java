package com.wifibilling.core;

import com.wifibilling.core.http.ApiException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A device's Ethernet/Wi-Fi MAC address, stored as {@code AA:BB:CC:DD:EE:FF}: upper case, colons (DESIGN §3
 * "MACs"). The constructor takes only that canonical form; {@link #parse(String)} takes what gateways and
 * people send.
 */
public record Mac(String value) {
    private static final Pattern CANONICAL = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2}){5}");
    private static final String HEX = "[0-9A-Fa-f]";
    // One separator style per address: "aa:bb-cc:…" is more likely a garbled field than a real spelling.
    private static final Pattern SPELLINGS = Pattern.compile(String.join("|",
            HEX + "{2}(:" + HEX + "{2}){5}",            // aa:bb:cc:dd:ee:ff (Linux, MikroTik, RADIUS)
            HEX + "{2}(-" + HEX + "{2}){5}",            // AA-BB-CC-DD-EE-FF (Windows, IEEE)
            HEX + "{4}(\\." + HEX + "{4}){2}",          // aabb.ccdd.eeff (Cisco)
            HEX + "{12}"));                             // aabbccddeeff (UniFi, bare)
    private static final String NO_DEVICE_ALL_ZERO = "00:00:00:00:00:00";
    private static final String NO_DEVICE_BROADCAST = "FF:FF:FF:FF:FF:FF";

    public Mac {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw ApiException.badRequest("INVALID_MAC", "MAC address must look like AA:BB:CC:DD:EE:FF");
        }
        // Gateways report these when they know no client; granting time to one would grant it to nobody.
        if (value.equals(NO_DEVICE_ALL_ZERO) || value.equals(NO_DEVICE_BROADCAST)) {
            throw ApiException.badRequest("INVALID_MAC", "MAC address " + value + " does not name a device");
        }
    }

    /**
     * Returns the MAC for any spelling DESIGN §3 accepts ({@code aa:bb:cc:dd:ee:ff}, {@code AA-BB-CC-DD-EE-FF},
     * {@code aabb.ccdd.eeff}, {@code aabbccddeeff}, any case, surrounding whitespace ignored); anything else,
     * and the all-zero and broadcast addresses, throws 400 {@code INVALID_MAC}.
     */
    public static Mac parse(String input) {
        String s = input == null ? "" : input.strip();
        if (!SPELLINGS.matcher(s).matches()) {
            throw ApiException.badRequest("INVALID_MAC", "MAC address must look like AA:BB:CC:DD:EE:FF");
        }
        byte[] octets = HexFormat.of().parseHex(s.replaceAll("[:.-]", ""));
        return new Mac(HexFormat.ofDelimiter(":").withUpperCase().formatHex(octets));
    }

    /**
     * Returns whether the locally administered bit (0x02 of the first octet, IEEE 802) is set: phones use such
     * randomised addresses per network, so one person may show up under several MACs over time.
     */
    public boolean isLocallyAdministered() {
        return (HexFormat.fromHexDigits(value, 0, 2) & 0x02) != 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
