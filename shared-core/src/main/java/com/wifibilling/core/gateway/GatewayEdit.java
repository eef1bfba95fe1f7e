package com.wifibilling.core.gateway;

import com.wifibilling.core.WireName;
import com.wifibilling.core.http.ApiException;
import java.util.List;

/**
 * The body of {@code PUT /api/admin/gateways/{gatewayId}}: the configuration an operator may change after onboarding,
 * each field optional (absent keeps the stored value). The type, id, secrets and running counters never change here
 * (rotate renews secrets). {@code version}, when given, must be the one the admin read (409 {@code STALE_GATEWAY}).
 * {@link #applyTo} runs the onboarding rules of {@link GatewaySpec} on the result, so an edit can never store a
 * gateway that create would refuse.
 */
public record GatewayEdit(Long version, String name, String status, List<String> loginUrlHosts, String defaultLoginUrl,
                          String radiusClientAddress, String coaAddress, Integer coaPort, Boolean coaSupported,
                          Integer idleTimeoutSeconds, Integer acctInterimSeconds) {

    /** Returns {@code read} with this edit applied and checked; 400 naming the first bad field. */
    public Gateway applyTo(Gateway read) {
        if (version != null && version != read.version())
            throw ApiException.conflict("STALE_GATEWAY", "Someone changed this gateway since you opened it: reload and apply your change again");
        GatewayStatus nextStatus = read.status();
        if (status != null) {
            try {
                nextStatus = WireName.parse(GatewayStatus.class, status.strip());
            } catch (IllegalArgumentException unknown) {
                throw ApiException.invalidField("status", "status must be active or disabled");
            }
        }
        String client = radiusClientAddress == null ? read.radiusClientAddress() : radiusClientAddress;
        // A CoA address that only followed the old RADIUS address follows the new one; "" makes it follow again.
        String coa = coaAddress != null ? (coaAddress.isBlank() ? null : coaAddress)
                : radiusClientAddress != null && read.coaAddress() != null && read.coaAddress().equals(read.radiusClientAddress())
                ? null : read.coaAddress();
        boolean radius = read.type() != GatewayType.UNIFI;
        // pfSense and UniFi take only what the edit says (create's rules refuse CoA for them); others keep theirs.
        Boolean coaAfter = coaSupported;
        if (coaAfter == null && radius && read.type() != GatewayType.PFSENSE) coaAfter = read.coaSupported();
        GatewaySpec spec = new GatewaySpec(read.gatewayId(), name == null ? read.name() : name, WireName.of(read.type()),
                WireName.of(read.controlMode()), WireName.of(read.pollLogin()), radius ? client : null, radius ? coa : null,
                coaPort == null ? read.coaPort() : coaPort,
                coaAfter,
                read.eventTimestamp(), loginUrlHosts == null ? read.loginUrlHosts() : loginUrlHosts,
                defaultLoginUrl == null ? read.defaultLoginUrl() : blankToNull(defaultLoginUrl),
                idleTimeoutSeconds == null ? read.idleTimeoutSeconds() : zeroToNull(idleTimeoutSeconds),
                acctInterimSeconds == null ? read.acctInterimSeconds() : acctInterimSeconds, read.unifi());
        Gateway checked = spec.toGateway(read.gatewayId(), read.createdAt());
        return read.toBuilder().name(checked.name()).status(nextStatus).radiusClientAddress(checked.radiusClientAddress())
                .coaAddress(checked.coaAddress()).coaPort(checked.coaPort()).coaSupported(checked.coaSupported())
                .loginUrlHosts(checked.loginUrlHosts()).defaultLoginUrl(checked.defaultLoginUrl())
                .idleTimeoutSeconds(checked.idleTimeoutSeconds()).acctInterimSeconds(checked.acctInterimSeconds()).build();
    }

    /** Returns true when this edit changes what FreeRADIUS's clients.conf holds for the gateway (it reloads at start). */
    public boolean touchesRadiusClient() {
        return radiusClientAddress != null || status != null;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    /** An idle timeout of 0 switches it off. */
    private static Integer zeroToNull(Integer seconds) {
        return seconds == 0 ? null : seconds;
    }
}
