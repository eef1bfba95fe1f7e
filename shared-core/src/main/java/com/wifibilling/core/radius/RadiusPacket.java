package com.wifibilling.core.radius;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A RADIUS packet (RFC 2865 §3): code, identifier, the 16-octet authenticator and the attributes in wire order.
 * The Length field is not stored: {@link RadiusCodec} derives it. Immutable.
 */
public record RadiusPacket(PacketCode code, int identifier, byte[] authenticator, List<RadiusAttribute> attributes) {
    public static final int AUTHENTICATOR_LENGTH = 16;

    public RadiusPacket {
        Objects.requireNonNull(code, "code");
        if (identifier < 0 || identifier > 255) throw new IllegalArgumentException("Identifier must be 0-255, was " + identifier);
        if (authenticator.length != AUTHENTICATOR_LENGTH)
            throw new IllegalArgumentException("Authenticator must be 16 octets, was " + authenticator.length);
        authenticator = authenticator.clone();
        attributes = List.copyOf(attributes);
    }

    @Override
    public byte[] authenticator() {
        return authenticator.clone();
    }

    /** Returns the first attribute of {@code type}. */
    public Optional<RadiusAttribute> first(AttributeType type) {
        return attributes.stream().filter(a -> a.is(type)).findFirst();
    }

    public Optional<String> text(AttributeType type) {
        return first(type).map(RadiusAttribute::asText);
    }

    public OptionalLong integer(AttributeType type) {
        return first(type).map(a -> OptionalLong.of(a.asInteger())).orElse(OptionalLong.empty());
    }

    /** Returns the Error-Cause of a NAK, if it carries one. */
    public Optional<ErrorCause> errorCause() {
        return first(AttributeType.ERROR_CAUSE).map(a -> new ErrorCause(a.asInteger()));
    }

    /** Returns the first value of a vendor attribute, searching every Vendor-Specific attribute in order. */
    public Optional<byte[]> vendorValue(VendorAttribute wanted) {
        for (RadiusAttribute attribute : attributes) {
            Optional<byte[]> value = attribute.vendorValue(wanted);
            if (value.isPresent()) return value;
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RadiusPacket that && code == that.code && identifier == that.identifier
                && Arrays.equals(authenticator, that.authenticator) && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, identifier, Arrays.hashCode(authenticator), attributes);
    }

    @Override
    public String toString() {
        return code + "[id=" + identifier + ", authenticator=" + HexFormat.of().formatHex(authenticator) + ", " + attributes + "]";
    }
}
