package com.wifibilling.core.gateway;

import com.wifibilling.core.http.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Returns gateway addresses checked and normalised: login hosts as {@code host[:port]} (contracts/gateways.md §1:
 * no scheme, no path, lower case) and absolute {@code http(s)} URLs. A bad one is 400 {@code INVALID_FIELD}
 * naming the field, because these come from the admin's gateway form.
 */
final class GatewayUrls {
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern HOST_PORT = Pattern.compile("(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?");

    private GatewayUrls() {}

    /** Returns {@code 10.5.50.1}, {@code localhost:3000} or {@code [fe80::1]:8080}, lower-cased. */
    static String hostPort(String input, String field) {
        String value = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        var matcher = HOST_PORT.matcher(value);
        if (!matcher.matches()) throw ApiException.invalidField(field, "login hosts look like 10.5.50.1 or host:port, without scheme or path");
        if (matcher.group(1) != null) {
            int port = Integer.parseInt(matcher.group(1));
            if (port < 1 || port > 65535) throw ApiException.invalidField(field, "port must be between 1 and 65535");
        }
        return value;
    }

    /** Returns the URL unchanged when it is absolute {@code http} or {@code https} with a host. */
    static String absoluteHttp(String input, String field) {
        try {
            URI uri = new URI(input == null ? "" : input.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null)
                return uri.toString();
        } catch (URISyntaxException e) {
            // reported below, like every other bad URL
        }
        throw ApiException.invalidField(field, field + " must be an absolute http(s) URL");
    }
}
