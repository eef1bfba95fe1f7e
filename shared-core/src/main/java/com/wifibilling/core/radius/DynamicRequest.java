package com.wifibilling.core.radius;

import java.net.Inet4Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a CoA-Request or Disconnect-Request carries before it is signed (contracts/gateways.md §4.2): the session's
 * identification as the NAS reported it in accounting, Event-Timestamp and, for a CoA, the new Session-Timeout and
 * rates. The Identifier, authenticators and Message-Authenticator are added by {@link CoaClient} when it sends.
 */
public record DynamicRequest(PacketCode code, List<RadiusAttribute> attributes) {
    public DynamicRequest {
        Objects.requireNonNull(code, "code");
        if (!code.isDynamicRequest()) throw new IllegalArgumentException(code + " is not a CoA or Disconnect request");
        attributes = List.copyOf(attributes);
    }

    /** Starts a CoA-Request (43): changes a live session's timeout and rates. */
    public static Builder coa() {
        return new Builder(PacketCode.COA_REQUEST);
    }

    /** Starts a Disconnect-Request (40): ends a live session. */
    public static Builder disconnect() {
        return new Builder(PacketCode.DISCONNECT_REQUEST);
    }

    /** Adds attributes in the order they are named; {@link #add} takes any other attribute. */
    public static final class Builder {
        private final PacketCode code;
        private final List<RadiusAttribute> attributes = new ArrayList<>();

        private Builder(PacketCode code) {
            this.code = code;
        }

        /** The User-Name the NAS used ({@code nasUserName}). */
        public Builder userName(String userName) {
            return add(RadiusAttribute.text(AttributeType.USER_NAME, userName));
        }

        public Builder acctSessionId(String acctSessionId) {
            return add(RadiusAttribute.text(AttributeType.ACCT_SESSION_ID, acctSessionId));
        }

        /** MikroTik needs it to find the hotspot session, not the wireless registration (§4.2). */
        public Builder framedIpAddress(Inet4Address address) {
            return add(RadiusAttribute.ipv4(AttributeType.FRAMED_IP_ADDRESS, address));
        }

        public Builder nasIpAddress(Inet4Address address) {
            return add(RadiusAttribute.ipv4(AttributeType.NAS_IP_ADDRESS, address));
        }

        public Builder nasIdentifier(String nasIdentifier) {
            return add(RadiusAttribute.text(AttributeType.NAS_IDENTIFIER, nasIdentifier));
        }

        public Builder callingStationId(String callingStationId) {
            return add(RadiusAttribute.text(AttributeType.CALLING_STATION_ID, callingStationId));
        }

        /** Replay guard: NASes accept about ±300 s around their clock (§4.1). */
        public Builder eventTimestamp(Instant at) {
            return add(RadiusAttribute.integer(AttributeType.EVENT_TIMESTAMP, at.getEpochSecond()));
        }

        public Builder sessionTimeout(long seconds) {
            return authorization(RadiusAttribute.integer(AttributeType.SESSION_TIMEOUT, seconds));
        }

        public Builder acctInterimInterval(long seconds) {
            return authorization(RadiusAttribute.integer(AttributeType.ACCT_INTERIM_INTERVAL, seconds));
        }

        /** {@code "<upKbps>k/<downKbps>k"}: rx = the device's upload (§3.4). */
        public Builder mikrotikRateLimit(String rateLimit) {
            return authorization(RadiusAttribute.vendorText(VendorAttribute.MIKROTIK_RATE_LIMIT, rateLimit));
        }

        public Builder wisprBandwidthMaxUp(long bitsPerSecond) {
            return authorization(RadiusAttribute.vendorInteger(VendorAttribute.WISPR_BANDWIDTH_MAX_UP, bitsPerSecond));
        }

        public Builder wisprBandwidthMaxDown(long bitsPerSecond) {
            return authorization(RadiusAttribute.vendorInteger(VendorAttribute.WISPR_BANDWIDTH_MAX_DOWN, bitsPerSecond));
        }

        public Builder add(RadiusAttribute attribute) {
            attributes.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        public DynamicRequest build() {
            return new DynamicRequest(code, attributes);
        }

        /** RFC 5176 §3.6: a Disconnect-Request carries no authorization changes; a NAS would NAK it (401). */
        private Builder authorization(RadiusAttribute attribute) {
            if (code == PacketCode.DISCONNECT_REQUEST)
                throw new IllegalStateException("A Disconnect-Request carries no new timeout or rates; send a CoA-Request");
            return add(attribute);
        }
    }
}
