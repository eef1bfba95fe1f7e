package com.wifibilling.core.radius;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Round trips and tamper detection over arbitrary packets; hostile bytes never escape as anything but InvalidPacketException. */
class RadiusCodecPropertiesTest {
    static final RadiusSecret SECRET = RadiusSecret.of("s3cret-shared-with-the-nas");

    @Provide
    Arbitrary<RadiusAttribute> attribute() {
        // Any type but Message-Authenticator (80), which signing places; values 0-253 octets.
        Arbitrary<Integer> type = Arbitraries.integers().between(1, 255).filter(t -> t != 80);
        return Combinators.combine(type, Arbitraries.bytes().array(byte[].class).ofMaxSize(253)).as(RadiusAttribute::new);
    }

    @Provide
    Arbitrary<List<RadiusAttribute>> attributes() {
        return attribute().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<PacketCode> dynamicRequest() {
        return Arbitraries.of(PacketCode.COA_REQUEST, PacketCode.DISCONNECT_REQUEST);
    }

    @Property
    void anyPacketDecodesToItself(@ForAll PacketCode code, @ForAll @IntRange(max = 255) int identifier,
                                  @ForAll("attributes") List<RadiusAttribute> attributes) {
        var packet = new RadiusPacket(code, identifier, new byte[16], attributes);
        byte[] wire = RadiusCodec.encode(packet);
        assertEquals(packet, RadiusCodec.decode(wire));
        assertArrayEquals(wire, RadiusCodec.encode(RadiusCodec.decode(wire)));
    }

    @Property
    void aSignedRequestVerifiesAndDecodesToItself(@ForAll("dynamicRequest") PacketCode code, @ForAll @IntRange(max = 255) int identifier,
                                                  @ForAll("attributes") List<RadiusAttribute> attributes) {
        RadiusPacket signed = RadiusAuthenticators.signRequest(code, identifier, attributes, SECRET);
        byte[] wire = RadiusCodec.encode(signed);
        assertEquals(signed, RadiusAuthenticators.verifyRequest(wire, wire.length, SECRET));
        assertEquals(attributes.size() + 1, signed.attributes().size());
    }

    @Property
    void anySingleByteCorruptionOfASignedResponseFailsValidation(
            @ForAll("dynamicRequest") PacketCode code, @ForAll("attributes") List<RadiusAttribute> attributes,
            @ForAll boolean nak, @ForAll boolean messageAuthenticator, @ForAll @IntRange(max = 4095) int position,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        RadiusPacket request = RadiusAuthenticators.signRequest(code, 42, List.of(), SECRET);
        PacketCode answerCode = code == PacketCode.COA_REQUEST ? (nak ? PacketCode.COA_NAK : PacketCode.COA_ACK)
                : (nak ? PacketCode.DISCONNECT_NAK : PacketCode.DISCONNECT_ACK);
        List<RadiusAttribute> answerAttributes = messageAuthenticator
                ? concat(attributes, RadiusAttribute.messageAuthenticatorPlaceholder()) : attributes;
        byte[] wire = RadiusCodec.encode(RadiusAuthenticators.signResponse(answerCode, 42, answerAttributes, request.authenticator(), SECRET));
        assertEquals(answerCode, RadiusAuthenticators.verifyResponse(wire, wire.length, request, SECRET).code());
        wire[position % wire.length] ^= (byte) flip;
        assertThrows(InvalidPacketException.class, () -> RadiusAuthenticators.verifyResponse(wire, wire.length, request, SECRET));
    }

    @Property
    void anySingleByteCorruptionOfASignedRequestFailsValidation(
            @ForAll("dynamicRequest") PacketCode code, @ForAll("attributes") List<RadiusAttribute> attributes,
            @ForAll @IntRange(max = 4095) int position, @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] wire = RadiusCodec.encode(RadiusAuthenticators.signRequest(code, 9, attributes, SECRET));
        wire[position % wire.length] ^= (byte) flip;
        assertThrows(InvalidPacketException.class, () -> RadiusAuthenticators.verifyRequest(wire, wire.length, SECRET));
    }

    @Property(tries = 2000)
    void arbitraryBytesDecodeOrFailWithAReason(@ForAll byte[] datagram) {
        try {
            RadiusPacket packet = RadiusCodec.decode(datagram);
            packet.errorCause(); // typed reads are checked too
        } catch (InvalidPacketException expected) {
            // the only way a datagram may fail
        }
    }

    @Property(tries = 2000)
    void headerShapedBytesDecodeOrFailWithAReason(@ForAll @IntRange(min = 40, max = 45) int code,
                                                  @ForAll @IntRange(max = 300) int length, @ForAll("body") byte[] body) {
        byte[] datagram = new byte[20 + body.length];
        datagram[0] = (byte) code;
        datagram[2] = (byte) (length >> 8);
        datagram[3] = (byte) length;
        System.arraycopy(body, 0, datagram, 20, body.length);
        try {
            RadiusPacket packet = RadiusCodec.decode(datagram);
            for (RadiusAttribute attribute : packet.attributes()) attribute.vendorValue(VendorAttribute.MIKROTIK_RATE_LIMIT);
        } catch (InvalidPacketException expected) {
            // malformed lengths are reported, never an index error
        }
    }

    @Provide
    Arbitrary<byte[]> body() {
        // Mostly small numbers, so attribute lengths land near the packet's end and VSAs near their vendor's layout.
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(0, 12).map(Integer::byteValue)),
                        Tuple.of(1, Arbitraries.bytes()))
                .array(byte[].class).ofMaxSize(280);
    }

    private static List<RadiusAttribute> concat(List<RadiusAttribute> attributes, RadiusAttribute last) {
        var all = new ArrayList<>(attributes);
        all.add(last);
        return all;
    }
}
