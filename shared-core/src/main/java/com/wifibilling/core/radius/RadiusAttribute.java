package com.wifibilling.core.radius;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One attribute as it sits on the wire (RFC 2865 §5): a type octet and up to 253 value octets. Vendor-Specific
 * attributes (26) keep their whole value (vendor id, then the vendor's type/length/value); {@link #vendorValue}
 * reads them. Immutable: the value is copied in and out.
 */
public record RadiusAttribute(int type, byte[] value) {
    public static final int MAX_VALUE_LENGTH = 253;
    private static final int MESSAGE_AUTHENTICATOR_LENGTH = 16;

    public RadiusAttribute {
        if (type < 1 || type > 255) throw new IllegalArgumentException("Attribute type must be 1-255, was " + type);
        if (value.length > MAX_VALUE_LENGTH)
            throw new IllegalArgumentException("Attribute " + type + " value is " + value.length + " octets, over " + MAX_VALUE_LENGTH);
        value = value.clone();
    }

    public static RadiusAttribute of(AttributeType type, byte[] value) {
        return new RadiusAttribute(type.code(), value);
    }

    /** Returns a text attribute (User-Name, Acct-Session-Id, …) as UTF-8. */
    public static RadiusAttribute text(AttributeType type, String text) {
        return of(type, textBytes(text));
    }

    /** Returns an integer attribute (Session-Timeout, Event-Timestamp, Error-Cause, …): 32 bits, unsigned. */
    public static RadiusAttribute integer(AttributeType type, long value) {
        return of(type, integerBytes(value));
    }

    public static RadiusAttribute ipv4(AttributeType type, Inet4Address address) {
        return of(type, address.getAddress());
    }

    /** Returns a Message-Authenticator of zeros; signing fills in the HMAC where it stands. */
    public static RadiusAttribute messageAuthenticatorPlaceholder() {
        return of(AttributeType.MESSAGE_AUTHENTICATOR, new byte[MESSAGE_AUTHENTICATOR_LENGTH]);
    }

    /** Returns a Vendor-Specific attribute (26) holding one sub-attribute: vendor id, vendor type, length, value. */
    public static RadiusAttribute vendor(VendorAttribute attribute, byte[] value) {
        if (value.length > MAX_VALUE_LENGTH - 6)
            throw new IllegalArgumentException(attribute + " value is " + value.length + " octets, over " + (MAX_VALUE_LENGTH - 6));
        ByteBuffer vsa = ByteBuffer.allocate(6 + value.length)
                .putInt(attribute.vendorId()).put((byte) attribute.type()).put((byte) (2 + value.length)).put(value);
        return of(AttributeType.VENDOR_SPECIFIC, vsa.array());
    }

    public static RadiusAttribute vendorText(VendorAttribute attribute, String text) {
        return vendor(attribute, textBytes(text));
    }

    public static RadiusAttribute vendorInteger(VendorAttribute attribute, long value) {
        return vendor(attribute, integerBytes(value));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public boolean is(AttributeType attributeType) {
        return type == attributeType.code();
    }

    /** Returns the value as UTF-8 text. */
    public String asText() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Returns the value as a 32-bit unsigned integer; anything but 4 octets is malformed. */
    public long asInteger() {
        return readInteger(value, "Attribute " + type);
    }

    public Inet4Address asIpv4() {
        if (value.length != 4) throw new InvalidPacketException("Attribute " + type + " should be an IPv4 address (4 octets), has " + value.length);
        try {
            return (Inet4Address) InetAddress.getByAddress(value);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("Four octets are always an address", impossible);
        }
    }

    /** Returns the vendor id of a Vendor-Specific attribute, or empty for any other attribute or one too short to hold it. */
    public Optional<Integer> vendorId() {
        if (!is(AttributeType.VENDOR_SPECIFIC) || value.length < 4) return Optional.empty();
        return Optional.of(ByteBuffer.wrap(value, 0, 4).getInt());
    }

    /**
     * Returns the value of {@code wanted} if this is a Vendor-Specific attribute of its vendor holding it. Throws
     * {@link InvalidPacketException} if that vendor's sub-attributes overrun the attribute.
     */
    public Optional<byte[]> vendorValue(VendorAttribute wanted) {
        if (vendorId().filter(id -> id == wanted.vendorId()).isEmpty()) return Optional.empty();
        int at = 4;
        while (at < value.length) {
            if (value.length - at < 2) throw new InvalidPacketException("Vendor " + wanted.vendorId() + " sub-attribute header is cut short");
            int subType = value[at] & 0xff;
            int subLength = value[at + 1] & 0xff;
            if (subLength < 2 || at + subLength > value.length)
                throw new InvalidPacketException("Vendor " + wanted.vendorId() + " sub-attribute " + subType + " has length " + subLength
                        + ", which does not fit the " + (value.length - at) + " octets left");
            if (subType == wanted.type()) return Optional.of(Arrays.copyOfRange(value, at + 2, at + subLength));
            at += subLength;
        }
        return Optional.empty();
    }

    static long readInteger(byte[] octets, String what) {
        if (octets.length != 4) throw new InvalidPacketException(what + " should be an integer (4 octets), has " + octets.length);
        return Integer.toUnsignedLong(ByteBuffer.wrap(octets).getInt());
    }

    private static byte[] textBytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) throw new IllegalArgumentException("A text attribute cannot be empty (RFC 2865 §5)");
        return bytes;
    }

    private static byte[] integerBytes(long value) {
        if (value < 0 || value > 0xffff_ffffL) throw new IllegalArgumentException("A RADIUS integer is 0 to 2^32-1, was " + value);
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RadiusAttribute that && type == that.type && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return type + "=0x" + HexFormat.of().formatHex(value);
    }
}
