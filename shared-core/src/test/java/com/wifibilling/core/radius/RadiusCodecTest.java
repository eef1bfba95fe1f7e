package com.wifibilling.core.radius;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RadiusCodecTest {
    static final HexFormat HEX = HexFormat.of();
    static final String ZEROS = "00000000000000000000000000000000";

    @Test
    void mikrotikRateLimitIsTheContractsVendorSpecificAttribute() {
        var vsa = RadiusAttribute.vendorText(VendorAttribute.MIKROTIK_RATE_LIMIT, "2M/5M");
        var packet = new RadiusPacket(PacketCode.COA_REQUEST, 1, new byte[16], List.of(vsa));
        byte[] wire = RadiusCodec.encode(packet);
        assertEquals("1a0d00003a8c0807324d2f354d", HEX.formatHex(wire, 20, wire.length));
        RadiusPacket decoded = RadiusCodec.decode(wire);
        assertEquals("2M/5M", new String(decoded.vendorValue(VendorAttribute.MIKROTIK_RATE_LIMIT).orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(Optional.of(14988), decoded.attributes().get(0).vendorId());
        assertEquals(Optional.empty(), decoded.vendorValue(VendorAttribute.WISPR_BANDWIDTH_MAX_UP));
    }

    @Test
    void vendorIntegersAndSeveralSubAttributesInOneVsaDecode() {
        // WISPr (14122): Bandwidth-Max-Up 7 = 2,000,000 and Bandwidth-Max-Down 8 = 5,000,000 in one attribute 26.
        byte[] wire = HEX.parseHex("2b010026" + ZEROS + "1a12" + "0000372a" + "0706001e8480" + "0806004c4b40");
        RadiusPacket decoded = RadiusCodec.decode(wire);
        assertArrayEquals(HEX.parseHex("001e8480"), decoded.vendorValue(VendorAttribute.WISPR_BANDWIDTH_MAX_UP).orElseThrow());
        assertArrayEquals(HEX.parseHex("004c4b40"), decoded.vendorValue(VendorAttribute.WISPR_BANDWIDTH_MAX_DOWN).orElseThrow());
        assertEquals(RadiusAttribute.vendorInteger(VendorAttribute.WISPR_BANDWIDTH_MAX_UP, 2_000_000).vendorValue(VendorAttribute.WISPR_BANDWIDTH_MAX_UP)
                .map(HEX::formatHex), Optional.of("001e8480"));
    }

    @Test
    void paddingAfterTheLengthFieldIsIgnored() {
        byte[] wire = HEX.parseHex("29010014" + ZEROS + "ffff");
        assertEquals(List.of(), RadiusCodec.decode(wire).attributes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            shorter than a header          | 2901001400                                          | A RADIUS packet is at least 20 octets; 5 arrived
            length below 20                | 29010013                                 + ZEROS    | Length field 19 is outside 20-4096
            length above 4096              | 29011001                                 + ZEROS    | Length field 4097 is outside 20-4096
            length beyond the datagram     | 29010016                                 + ZEROS    | Length field 22 is more than the 20 octets that arrived
            unknown code                   | 63010014                                 + ZEROS    | Unknown RADIUS code 99
            attribute header cut short     | 29010015                                 + ZEROS 01 | Attribute header at offset 20 is cut short by the packet's end
            attribute length 0             | 29010016                                 + ZEROS 0100 | Attribute 1 at offset 20 has length 0, which does not fit the 2 octets left
            attribute length 1             | 29010016                                 + ZEROS 0101 | Attribute 1 at offset 20 has length 1, which does not fit the 2 octets left
            attribute overruns the packet  | 29010017                                 + ZEROS 0105aa | Attribute 1 at offset 20 has length 5, which does not fit the 3 octets left
            attribute type 0               | 29010016                                 + ZEROS 0002 | Attribute type 0 at offset 20 is reserved
            short Message-Authenticator    | 29010017                                 + ZEROS 5003aa | Message-Authenticator must be 18 octets long, was 3
            """)
    void malformedPacketsAreRejectedWithTheReason(String name, String hex, String message) {
        byte[] wire = HEX.parseHex(hex.replace("+ ZEROS", ZEROS).replace(" ", ""));
        var e = assertThrows(InvalidPacketException.class, () -> RadiusCodec.decode(wire));
        assertEquals(message, e.getMessage());
    }

    @Test
    void malformedTypedValuesAreRejectedWhenRead() {
        RadiusPacket packet = RadiusCodec.decode(HEX.parseHex("2901001c" + ZEROS + "1b03aa" + "1a050000" + "3a"));
        assertEquals("Attribute 27 should be an integer (4 octets), has 1",
                assertThrows(InvalidPacketException.class, () -> packet.integer(AttributeType.SESSION_TIMEOUT)).getMessage());
        assertEquals(Optional.empty(), packet.attributes().get(1).vendorId()); // 3 octets cannot hold a vendor id
        RadiusPacket overrun = RadiusCodec.decode(HEX.parseHex("2901001d" + ZEROS + "1a09" + "00003a8c" + "0809aa"));
        assertEquals("Vendor 14988 sub-attribute 8 has length 9, which does not fit the 3 octets left",
                assertThrows(InvalidPacketException.class, () -> overrun.vendorValue(VendorAttribute.MIKROTIK_RATE_LIMIT)).getMessage());
    }

    @Test
    void encodingRefusesPacketsOverTheLimitAndValuesOverTheAttributeLimit() {
        var big = RadiusAttribute.of(AttributeType.CLASS, new byte[253]);
        var packet = new RadiusPacket(PacketCode.COA_REQUEST, 1, new byte[16], Collections.nCopies(17, big));
        assertThrows(IllegalArgumentException.class, () -> RadiusCodec.encode(packet));
        assertThrows(IllegalArgumentException.class, () -> RadiusAttribute.of(AttributeType.CLASS, new byte[254]));
        assertThrows(IllegalArgumentException.class, () -> RadiusAttribute.integer(AttributeType.SESSION_TIMEOUT, -1));
        assertThrows(IllegalArgumentException.class, () -> RadiusAttribute.text(AttributeType.USER_NAME, ""));
    }
}
