package com.wifibilling.core.gateway;

import com.wifibilling.core.WireName;
import com.wifibilling.core.http.ApiException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/admin/gateways}: the operator-set fields of contracts/gateways.md §1, everything else
 * (secrets, key hash, counters) made by the system. {@link #toGateway} checks every field and answers 400
 * {@code INVALID_FIELD} naming the first bad one, before anything is written. Rules beyond the record's own:
 * a RADIUS-type gateway needs the address its RADIUS packets come from (one address or a network, never
 * {@code 0.0.0.0/0}) and the hosts its login page is served on; CoA goes to the RADIUS address unless told
 * otherwise; pfSense has no RFC 5176 receiver, so CoA is off for it; UniFi needs its controller and no RADIUS.
 */
public record GatewaySpec(String gatewayId, String name, String type, String controlMode, String pollLogin,
                          String radiusClientAddress, String coaAddress, Integer coaPort, Boolean coaSupported,
                          Boolean eventTimestamp, List<String> loginUrlHosts, String defaultLoginUrl, Integer idleTimeoutSeconds,
                          Integer acctInterimSeconds, UnifiController unifi) {
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    /** Returns the new gateway (active, version 0) with id {@code generatedId} when the body names none. */
    public Gateway toGateway(String generatedId, Instant now) {
        GatewayType kind = required(GatewayType.class, type, "type", "type must be mikrotik, pfsense, unifi or generic-radius");
        var builder = Gateway.builder(gatewayId == null ? generatedId : gatewayId.strip(), name, kind, now);
        if (controlMode != null) builder.controlMode(parse(ControlMode.class, controlMode, "controlMode", "controlMode must be push or poll"));
        if (pollLogin != null) builder.pollLogin(parse(PollLogin.class, pollLogin, "pollLogin", "pollLogin must be radius or local-user"));
        if (coaPort != null) builder.coaPort(coaPort);
        if (eventTimestamp != null) builder.eventTimestamp(eventTimestamp);
        if (loginUrlHosts != null) builder.loginUrlHosts(loginUrlHosts);
        if (idleTimeoutSeconds != null) builder.idleTimeoutSeconds(idleTimeoutSeconds);
        if (acctInterimSeconds != null) builder.acctInterimSeconds(acctInterimSeconds);
        builder.defaultLoginUrl(defaultLoginUrl).unifi(unifi);
        if (kind == GatewayType.UNIFI) {
            if (radiusClientAddress != null || coaAddress != null)
                throw ApiException.invalidField(radiusClientAddress != null ? "radiusClientAddress" : "coaAddress",
                        "a unifi gateway is driven through its controller, not RADIUS");
            builder.coaSupported(false);
            return builder.build();
        }
        if (unifi != null) throw ApiException.invalidField("unifi", "only a unifi gateway has controller settings");
        String client = clientAddress(radiusClientAddress);
        builder.radiusClientAddress(client);
        if (kind == GatewayType.PFSENSE) {
            if (Boolean.TRUE.equals(coaSupported))
                throw ApiException.invalidField("coaSupported", "pfSense has no RFC 5176 receiver: changes apply at its re-authentication");
            builder.coaSupported(false);
        } else if (coaSupported != null) {
            builder.coaSupported(coaSupported);
        }
        if (coaAddress != null) builder.coaAddress(host(coaAddress, "coaAddress"));
        else if (!client.contains("/")) builder.coaAddress(client);
        Gateway gateway = builder.build();
        if (gateway.loginUrlHosts().isEmpty())
            throw ApiException.invalidField("loginUrlHosts", "loginUrlHosts lists the hotspot's login address as the portal sees it, e.g. 10.5.50.1");
        if (gateway.coaSupported() && gateway.controlMode() == ControlMode.PUSH && gateway.coaAddress() == null)
            throw ApiException.invalidField("coaAddress", "a RADIUS network sends CoA to one address: give coaAddress");
        return gateway;
    }

    /** An address or network FreeRADIUS can list as a client: never a catch-all, since the secret alone would then guard it. */
    static String clientAddress(String input) {
        if (input == null || input.isBlank())
            throw ApiException.invalidField("radiusClientAddress", "radiusClientAddress (the address the router's RADIUS packets come from) is required");
        String value = input.strip().toLowerCase(Locale.ROOT);
        String address = value;
        Integer prefix = null;
        int slash = value.indexOf('/');
        if (slash >= 0) {
            address = value.substring(0, slash);
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("radiusClientAddress", "the network prefix must be a number");
            }
        }
        boolean v4 = IPV4.matcher(address).matches();
        boolean v6 = !v4 && isIpv6(address);
        if (!v4 && !v6) throw ApiException.invalidField("radiusClientAddress", "radiusClientAddress must be an IP address or network, e.g. 203.0.113.7 or 10.8.0.0/24");
        int min = v4 ? 16 : 48;
        int max = v4 ? 32 : 128;
        if (prefix != null && (prefix < min || prefix > max))
            throw ApiException.invalidField("radiusClientAddress", "the network must be /" + min + " to /" + max + ": a wider one lets too many hosts try the secret");
        return value;
    }

    /** The pattern keeps letters and DNS out; the JDK then parses the literal (no lookup for a string with colons). */
    private static boolean isIpv6(String address) {
        if (!IPV6.matcher(address).matches()) return false;
        try {
            return InetAddress.getByName(address) instanceof Inet6Address;
        } catch (UnknownHostException malformed) {
            return false;
        }
    }

    private static String host(String input, String field) {
        String value = input.strip().toLowerCase(Locale.ROOT);
        if (IPV4.matcher(value).matches() || isIpv6(value) || value.length() <= 253 && HOST.matcher(value).matches())
            return value;
        throw ApiException.invalidField(field, field + " must be an IP address or host name");
    }

    private static <E extends Enum<E>> E required(Class<E> type, String spelling, String field, String message) {
        if (spelling == null) throw ApiException.invalidField(field, message);
        return parse(type, spelling, field, message);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String spelling, String field, String message) {
        try {
            return WireName.parse(type, spelling.strip());
        } catch (IllegalArgumentException unknown) {
            throw ApiException.invalidField(field, message);
        }
    }
}
