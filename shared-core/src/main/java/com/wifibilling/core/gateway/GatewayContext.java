package com.wifibilling.core.gateway;

import com.wifibilling.core.Mac;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.DeviceKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Returns the checked context of one device behind one gateway (contracts/gateways.md §2.1): the gateway, known
 * and active; the device's MAC, normalised; the login URL the portal may submit credentials to — the redirect's
 * own when its {@code host[:port]} is one of the gateway's {@code loginUrlHosts} (credentials never go to an
 * arbitrary host), else the gateway's {@code defaultLoginUrl} — none for a UniFi, whose devices are let in through
 * its controller, so whatever the redirect says is ignored; and the CHAP id and challenge, both or neither.
 * Anything else is 400 {@code INVALID_GATEWAY_CONTEXT} ({@code INVALID_MAC} for the MAC) and nothing is written.
 */
public record GatewayContext(Gateway gateway, Mac mac, Optional<String> ip, Optional<URI> loginUrl, Optional<String> dst,
                             Optional<Chap> chap) {
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final int MAX_DST_LENGTH = 2048;

    /** CHAP values from a MikroTik redirect: the one-byte id and the 16-byte challenge. */
    public record Chap(byte id, byte[] challenge) {}

    /**
     * Returns the context of a request's redirect values, reading their gateway — or {@code defaultGatewayId}'s when
     * the portal named none (single-site hotspots) — from {@code gateways}.
     */
    public static GatewayContext of(GatewayParams params, String defaultGatewayId, GatewayStore gateways) {
        return of(params, lookUp(params, defaultGatewayId, gateways));
    }

    /**
     * Returns only the device a request speaks for — its known, active gateway and its MAC — for questions that
     * hand out no login (a device's remaining time): no login URL or CHAP values are needed.
     */
    public static DeviceKey device(GatewayParams params, String defaultGatewayId, GatewayStore gateways) {
        if (params == null) throw invalid("gateway is required: the portal passes the gateway's redirect parameters");
        Gateway known = lookUp(params, defaultGatewayId, gateways).filter(g -> g.status() == GatewayStatus.ACTIVE)
                .orElseThrow(() -> invalid("This hotspot is not known or not active"));
        return new DeviceKey(known.gatewayId(), Mac.parse(params.mac()));
    }

    private static Optional<Gateway> lookUp(GatewayParams params, String defaultGatewayId, GatewayStore gateways) {
        String named = params == null ? null : params.gatewayId();
        String gatewayId = named == null || named.isBlank() ? defaultGatewayId : named.strip();
        boolean plausible = gatewayId.length() <= 64
                && gatewayId.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'));
        return plausible ? gateways.find(gatewayId) : Optional.empty();
    }

    /** Returns the context; {@code gateway} is what the store found for the params' (or the default) gateway id. */
    public static GatewayContext of(GatewayParams params, Optional<Gateway> gateway) {
        if (params == null) throw invalid("gateway is required: the portal passes the gateway's redirect parameters");
        Gateway known = gateway.filter(g -> g.status() == GatewayStatus.ACTIVE)
                .orElseThrow(() -> invalid("This hotspot is not known or not active"));
        Mac mac = Mac.parse(params.mac());
        Optional<String> ip = blank(params.ip()).map(value -> {
            if (!IPV4.matcher(value).matches()) throw invalid("ip must be the device's IPv4 address");
            return value;
        });
        Optional<URI> loginUrl = known.type() == GatewayType.UNIFI ? Optional.empty() : Optional.of(loginUrl(params.loginUrl(), known));
        return new GatewayContext(known, mac, ip, loginUrl, dst(params.dst()),
                chap(params.chapId(), params.chapChallenge()));
    }

    private static URI loginUrl(String given, Gateway gateway) {
        Optional<String> raw = blank(given);
        if (raw.isEmpty()) {
            if (gateway.defaultLoginUrl() == null) throw invalid("The hotspot's login address is missing");
            return URI.create(gateway.defaultLoginUrl());
        }
        URI uri;
        try {
            uri = new URI(raw.get());
        } catch (URISyntaxException e) {
            throw invalid("loginUrl is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null)
            throw invalid("loginUrl must be an absolute http(s) URL");
        if (!gateway.loginUrlHosts().contains(hostPort(uri, scheme)))
            throw invalid("loginUrl is not one of this hotspot's login addresses");
        return uri;
    }

    /** {@code host[:port]} as loginUrlHosts spell it: the port only when it is not the scheme's default. */
    static String hostPort(URI uri, String scheme) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return defaultPort ? host : host + ":" + port;
    }

    /** The page the device was going to: kept only when it is a plain absolute URL (the router fills it in). */
    private static Optional<String> dst(String given) {
        return blank(given).filter(value -> value.length() <= MAX_DST_LENGTH).filter(value -> {
            try {
                URI uri = new URI(value);
                return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http") && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        });
    }

    private static Optional<Chap> chap(String id, String challenge) {
        Optional<String> chapId = blank(id);
        Optional<String> chapChallenge = blank(challenge);
        if (chapId.isEmpty() && chapChallenge.isEmpty()) return Optional.empty();
        if (chapId.isEmpty() || chapChallenge.isEmpty())
            throw invalid("chapId and chapChallenge come together, or not at all");
        if (chapId.get().length() != 2 || !HEX.matcher(chapId.get()).matches()
                || chapChallenge.get().length() != 32 || !HEX.matcher(chapChallenge.get()).matches())
            throw invalid("chapId must be 2 and chapChallenge 32 hexadecimal digits");
        return Optional.of(new Chap((byte) Integer.parseInt(chapId.get(), 16), HexFormat.of().parseHex(chapChallenge.get())));
    }

    private static Optional<String> blank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("INVALID_GATEWAY_CONTEXT", message);
    }
}
