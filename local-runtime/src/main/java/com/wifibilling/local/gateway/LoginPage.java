package com.wifibilling.local.gateway;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hotspot's {@code login.html} with the variables RouterOS fills in (contracts/gateways.md §2.2): {@code mac},
 * {@code ip}, {@code link-login-only}, {@code link-orig}, {@code chap-id} and {@code chap-challenge} (octal escapes,
 * as RouterOS writes them, plus their hex for the portal), {@code error}, {@code identity}, {@code server-name}.
 * Instead of redirecting, as the shipped page does, it shows the portal link that redirect would follow and a plain
 * login form, so a person can use it by hand.
 */
record LoginPage(String gatewayId, String mac, String ip, String linkLoginOnly, String linkOrig, Devices.Challenge challenge,
                 String error, String portalBase) {
    /** The variables by RouterOS name, with the hex CHAP values the portal takes ({@code chapId}, {@code chapChallenge}). */
    Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("mac", mac == null ? "---" : mac);
        variables.put("ip", ip == null ? "" : ip);
        variables.put("link-login-only", linkLoginOnly);
        variables.put("link-orig", linkOrig == null ? "" : linkOrig);
        variables.put("chap-id", challenge == null ? "" : octal(new byte[] {(byte) challenge.id()}));
        variables.put("chap-challenge", challenge == null ? "" : octal(challenge.challenge()));
        variables.put("chapId", challenge == null ? "" : challenge.idHex());
        variables.put("chapChallenge", challenge == null ? "" : challenge.challengeHex());
        variables.put("error", error == null ? "" : error);
        variables.put("identity", gatewayId);
        variables.put("server-name", "hotspot1");
        variables.put("portal-url", portalUrl());
        return variables;
    }

    /** What the shipped redirect page sends the phone to: the portal with the §2.2 parameters. */
    String portalUrl() {
        StringBuilder url = new StringBuilder(portalBase).append("?gw=").append(encode(gatewayId));
        if (mac != null) url.append("&mac=").append(encode(mac));
        if (ip != null) url.append("&ip=").append(encode(ip));
        url.append("&login=").append(encode(linkLoginOnly));
        if (linkOrig != null) url.append("&dst=").append(encode(linkOrig));
        if (error != null) url.append("&error=").append(encode(error));
        if (challenge != null) url.append("&chapId=").append(challenge.idHex()).append("&chapChallenge=").append(challenge.challengeHex());
        return url.toString();
    }

    String html() {
        StringBuilder rows = new StringBuilder();
        variables().forEach((name, value) -> rows.append("<tr><th>$(").append(SimHttp.escape(name)).append(")</th><td><code>")
                .append(SimHttp.escape(value)).append("</code></td></tr>\n"));
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>%s hotspot (simulator)</title></head><body>
                <h1>Hotspot %s (gateway simulator)</h1>
                %s
                <p><a href="%s">Continue to the portal</a> (where the shipped login.html redirects)</p>
                <form method="post" action="%s"><input name="username" placeholder="username">
                <input name="password" placeholder="password"><input type="hidden" name="dst" value="%s">
                <input type="hidden" name="popup" value="false"><button>Log in</button></form>
                <table>%s</table></body></html>
                """.formatted(SimHttp.escape(gatewayId), SimHttp.escape(gatewayId),
                error == null ? "" : "<p class=\"error\">" + SimHttp.escape(error) + "</p>", SimHttp.escape(portalUrl()),
                SimHttp.escape(linkLoginOnly), SimHttp.escape(linkOrig), rows);
    }

    /** RouterOS writes binary values as octal escapes such as {@code \371}. */
    static String octal(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) out.append('\\').append(String.format("%03o", b & 0xff));
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
