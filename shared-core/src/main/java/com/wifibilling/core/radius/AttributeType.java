package com.wifibilling.core.radius;

/**
 * The standard attributes the contract uses (RFC 2865, 2866, 2869, 3579, 5176; contracts/gateways.md §3.4 and
 * §4.2), with their data format. Other attribute numbers still decode, as raw {@link RadiusAttribute}s.
 */
public enum AttributeType {
    USER_NAME(1, Format.TEXT),
    /** Hidden with the secret and the Request Authenticator (RFC 2865 §5.2); see {@link UserPassword}. */
    USER_PASSWORD(2, Format.OCTETS),
    /** The CHAP identifier octet followed by the 16-octet response (RFC 2865 §5.3). */
    CHAP_PASSWORD(3, Format.OCTETS),
    NAS_IP_ADDRESS(4, Format.IPV4),
    NAS_PORT(5, Format.INTEGER),
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
    /** 1 Start, 2 Stop, 3 Interim-Update, 7 Accounting-On, 8 Accounting-Off (RFC 2866 §5.1, RFC 2869 §5.1). */
    ACCT_STATUS_TYPE(40, Format.INTEGER),
    ACCT_DELAY_TIME(41, Format.INTEGER),
    /** Octets received from the device: its upload (RFC 2866 §5.3). */
    ACCT_INPUT_OCTETS(42, Format.INTEGER),
    /** Octets sent to the device: its download (RFC 2866 §5.4). */
    ACCT_OUTPUT_OCTETS(43, Format.INTEGER),
    ACCT_SESSION_ID(44, Format.TEXT),
    ACCT_SESSION_TIME(46, Format.INTEGER),
    /** 1 User-Request, 4 Idle-Timeout, 5 Session-Timeout, 6 Admin-Reset, … (RFC 2866 §5.10). */
    ACCT_TERMINATE_CAUSE(49, Format.INTEGER),
    ACCT_INPUT_GIGAWORDS(52, Format.INTEGER),
    ACCT_OUTPUT_GIGAWORDS(53, Format.INTEGER),
    EVENT_TIMESTAMP(55, Format.INTEGER),
    /** The challenge the CHAP response was computed over, when it is not the Request Authenticator (RFC 2865 §5.40). */
    CHAP_CHALLENGE(60, Format.OCTETS),
    /** 19 Wireless-802.11 (RFC 2865 §5.41). */
    NAS_PORT_TYPE(61, Format.INTEGER),
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
