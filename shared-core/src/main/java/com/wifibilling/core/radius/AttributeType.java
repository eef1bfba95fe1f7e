package com.wifibilling.core.radius;

/**
 * The standard attributes the contract uses (RFC 2865, 2866, 2869, 3579, 5176; contracts/gateways.md §3.4 and
 * §4.2), with their data format. Other attribute numbers still decode, as raw {@link RadiusAttribute}s.
 */
public enum AttributeType {
    USER_NAME(1, Format.TEXT),
    NAS_IP_ADDRESS(4, Format.IPV4),
    SERVICE_TYPE(6, Format.INTEGER),
    FRAMED_IP_ADDRESS(8, Format.IPV4),
    LOGIN_IP_HOST(14, Format.IPV4),
    REPLY_MESSAGE(18, Format.TEXT),
    CLASS(25, Format.OCTETS),
    VENDOR_SPECIFIC(26, Format.OCTETS),
    SESSION_TIMEOUT(27, Format.INTEGER),
    IDLE_TIMEOUT(28, Format.INTEGER),
    CALLING_STATION_ID(31, Format.TEXT),
    NAS_IDENTIFIER(32, Format.TEXT),
    ACCT_SESSION_ID(44, Format.TEXT),
    EVENT_TIMESTAMP(55, Format.INTEGER),
    MESSAGE_AUTHENTICATOR(80, Format.OCTETS),
    ACCT_INTERIM_INTERVAL(85, Format.INTEGER),
    ERROR_CAUSE(101, Format.INTEGER);

    /** How an attribute's value octets read: UTF-8 text, a 32-bit unsigned integer, an IPv4 address or raw octets. */
    public enum Format { TEXT, INTEGER, IPV4, OCTETS }

    private final int code;
    private final Format format;

    AttributeType(int code, Format format) {
        this.code = code;
        this.format = format;
    }

    /** Returns the Type octet. */
    public int code() {
        return code;
    }

    public Format format() {
        return format;
    }
}
