package com.wifibilling.core.radius;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RADIUS packet layout (RFC 2865 §3, §5): pure, no I/O, no secrets (signing lives in
 * {@link RadiusAuthenticators}). Decoding is strict: every length is checked against the datagram before it is
 * used, so hostile input ends in an {@link InvalidPacketException} that says what was wrong, never in an index
 * error.
 */
public final class RadiusCodec {
    public static final int HEADER_LENGTH = 20;
    /** RFC 2865 §3 and RFC 5176 §3: the largest packet either side may send. */
    public static final int MAX_LENGTH = 4096;

    private RadiusCodec() {}

    /** Returns the packet's octets, with the Length field computed. */
    public static byte[] encode(RadiusPacket packet) {
        int length = HEADER_LENGTH;
        for (RadiusAttribute attribute : packet.attributes()) length += 2 + attribute.value().length;
        if (length > MAX_LENGTH)
            throw new IllegalArgumentException("A " + packet.code() + " of " + length + " octets is over the RADIUS limit of " + MAX_LENGTH);
        ByteBuffer out = ByteBuffer.allocate(length)
                .put((byte) packet.code().value()).put((byte) packet.identifier()).putShort((short) length)
                .put(packet.authenticator());
        for (RadiusAttribute attribute : packet.attributes()) {
            byte[] value = attribute.value();
            out.put((byte) attribute.type()).put((byte) (2 + value.length)).put(value);
        }
        return out.array();
    }

    public static RadiusPacket decode(byte[] datagram) {
        return decode(datagram, datagram.length);
    }

    /**
     * Reads the first {@code received} octets of {@code datagram}. Octets past the Length field are padding and
     * ignored (RFC 2865 §3); a Length beyond what arrived, outside 20-4096, an unknown code, an attribute that
     * overruns the packet or a Message-Authenticator that is not 16 octets is rejected.
     */
    public static RadiusPacket decode(byte[] datagram, int received) {
        if (received < 0 || received > datagram.length)
            throw new IllegalArgumentException("received must be within the buffer: " + received + " of " + datagram.length);
        if (received < HEADER_LENGTH)
            throw new InvalidPacketException("A RADIUS packet is at least 20 octets; " + received + " arrived");
        int code = datagram[0] & 0xff;
        int identifier = datagram[1] & 0xff;
        int length = ((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff);
        if (length < HEADER_LENGTH || length > MAX_LENGTH)
            throw new InvalidPacketException("Length field " + length + " is outside 20-" + MAX_LENGTH);
        if (length > received)
            throw new InvalidPacketException("Length field " + length + " is more than the " + received + " octets that arrived");
        PacketCode packetCode = PacketCode.of(code)
                .orElseThrow(() -> new InvalidPacketException("Unknown RADIUS code " + code));
        byte[] authenticator = Arrays.copyOfRange(datagram, 4, HEADER_LENGTH);
        return new RadiusPacket(packetCode, identifier, authenticator, attributes(datagram, length));
    }

    private static List<RadiusAttribute> attributes(byte[] datagram, int length) {
        List<RadiusAttribute> attributes = new ArrayList<>();
        int at = HEADER_LENGTH;
        while (at < length) {
            if (length - at < 2)
                throw new InvalidPacketException("Attribute header at offset " + at + " is cut short by the packet's end");
            int type = datagram[at] & 0xff;
            int attributeLength = datagram[at + 1] & 0xff;
            if (type == 0) throw new InvalidPacketException("Attribute type 0 at offset " + at + " is reserved");
            if (attributeLength < 2 || at + attributeLength > length)
                throw new InvalidPacketException("Attribute " + type + " at offset " + at + " has length " + attributeLength
                        + ", which does not fit the " + (length - at) + " octets left");
            if (type == AttributeType.MESSAGE_AUTHENTICATOR.code() && attributeLength != 18)
                throw new InvalidPacketException("Message-Authenticator must be 18 octets long, was " + attributeLength);
            attributes.add(new RadiusAttribute(type, Arrays.copyOfRange(datagram, at + 2, at + attributeLength)));
            at += attributeLength;
        }
        return attributes;
    }
}
