package com.wifibilling.core.radius;

/**
 * The Vendor-Specific attributes the contract sends (contracts/gateways.md §3.4, §4.2), numbered as in FreeRADIUS
 * 3.2's {@code dictionary.mikrotik}, {@code dictionary.wispr} and {@code dictionary.pfsense}. All three vendors use
 * the RFC 2865 §5.26 suggested layout: one type octet and one length octet per sub-attribute.
 */
public enum VendorAttribute {
    /** {@code "<upKbps>k/<downKbps>k"}, rx/tx from the router's view: rx = the device's upload. */
    MIKROTIK_RATE_LIMIT(Vendor.MIKROTIK, 8, AttributeType.Format.TEXT),
    /** bit/s. */
    WISPR_BANDWIDTH_MAX_UP(Vendor.WISPR, 7, AttributeType.Format.INTEGER),
    /** bit/s. */
    WISPR_BANDWIDTH_MAX_DOWN(Vendor.WISPR, 8, AttributeType.Format.INTEGER),
    /** bit/s. */
    PFSENSE_BANDWIDTH_MAX_UP(Vendor.PFSENSE, 1, AttributeType.Format.INTEGER),
    /** bit/s. */
    PFSENSE_BANDWIDTH_MAX_DOWN(Vendor.PFSENSE, 2, AttributeType.Format.INTEGER);

    /** The IANA private enterprise numbers of the vendors above. */
    public static final class Vendor {
        public static final int MIKROTIK = 14988;
        public static final int WISPR = 14122;
        public static final int PFSENSE = 13644;

        private Vendor() {}
    }

    private final int vendorId;
    private final int type;
    private final AttributeType.Format format;

    VendorAttribute(int vendorId, int type, AttributeType.Format format) {
        this.vendorId = vendorId;
        this.type = type;
        this.format = format;
    }

    public int vendorId() {
        return vendorId;
    }

    /** Returns the vendor's type octet. */
    public int type() {
        return type;
    }

    public AttributeType.Format format() {
        return format;
    }
}
