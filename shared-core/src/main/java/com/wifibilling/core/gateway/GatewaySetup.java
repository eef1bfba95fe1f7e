package com.wifibilling.core.gateway;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The setup material an operator pastes into a gateway (contracts/gateways.md §5): a RouterOS script for a
 * MikroTik hotspot (RADIUS client with a 5 s timeout, {@code /radius incoming} on the gateway's CoA port,
 * the hotspot profile using RADIUS with accounting, the walled garden for the portal and API hosts only), the
 * hotspot's {@code login.html} that redirects to the portal with the redirect variables, and settings text for
 * pfSense, UniFi and generic NAS. Secrets are filled in only when given (create and rotate answer them once);
 * otherwise placeholders stand in their place, as {@code GET …/setup} answers.
 */
public final class GatewaySetup {
    public static final String SECRET_PLACEHOLDER = "<RADIUS secret: shown once at create or rotate>";
    public static final String KEY_PLACEHOLDER = "<gateway API key: shown once at create or rotate>";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");

    /** Where the deployment lives: the portal's base URL, the API's base URL and the RADIUS server's address. */
    public record Target(String portalBaseUrl, String apiBaseUrl, String radiusAddress) {
        public Target {
            Objects.requireNonNull(portalBaseUrl, "portalBaseUrl");
            Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
            Objects.requireNonNull(radiusAddress, "radiusAddress");
        }
    }

    private final Target target;

    public GatewaySetup(Target target) {
        this.target = target;
    }

    /** Returns the setup text for the gateway's type; secrets filled in when given, placeholders otherwise. */
    public String forGateway(Gateway gateway, String radiusSecret, String apiKey) {
        return switch (gateway.type()) {
            case MIKROTIK -> mikrotik(gateway, radiusSecret, apiKey);
            case PFSENSE -> pfsense(gateway, radiusSecret);
            case UNIFI -> unifi(gateway);
            case GENERIC_RADIUS -> genericRadius(gateway, radiusSecret);
        };
    }

    /** Returns the RouterOS script of §5.1 for a hotspot profile named {@code hsprof1} (the default profile's name). */
    public String mikrotik(Gateway gateway, String radiusSecret, String apiKey) {
        String secret = radiusSecret == null ? SECRET_PLACEHOLDER : radiusSecret;
        var script = new StringBuilder();
        // The name is the operator's free text: only plain characters go into the comment.
        script.append("# serverless-wifi-billing setup for gateway ").append(gateway.gatewayId()).append(" (")
                .append(gateway.name().replaceAll("[^A-Za-z0-9 ._-]", "")).append(")\n");
        script.append("# RouterOS 7.15+. Import with /import file-name=wb-setup.rsc, then upload login.html to the wb-hotspot directory.\n");
        script.append("/system identity set name=").append(quote(gateway.gatewayId())).append('\n');
        script.append("/radius add service=hotspot address=").append(target.radiusAddress()).append(" secret=").append(quote(secret))
                .append(" authentication-port=1812 accounting-port=1813 timeout=5s comment=\"serverless-wifi-billing\"\n");
        if (gateway.controlMode() != ControlMode.POLL)
            script.append("/radius incoming set accept=yes port=").append(gateway.coaPort()).append('\n');
        script.append("/ip hotspot profile set [find name=hsprof1] use-radius=yes radius-accounting=yes radius-interim-update=received")
                .append(" login-by=http-chap,http-pap,mac-cookie html-directory=wb-hotspot\n");
        for (String host : wallHosts()) {
            script.append("/ip hotspot walled-garden ip add action=accept dst-host=").append(quote(host)).append('\n');
            script.append("/ip hotspot walled-garden add dst-host=").append(quote(host)).append('\n');
        }
        if (gateway.controlMode() == ControlMode.POLL) {
            script.append("# Behind NAT: this router polls the API instead of receiving CoA (contracts: polling API).\n");
            script.append(":global wbApi ").append(quote(target.apiBaseUrl())).append('\n');
            script.append(":global wbKey ").append(quote(apiKey == null ? KEY_PLACEHOLDER : gateway.gatewayId() + "." + apiKey)).append('\n');
            script.append("# Then import config/mikrotik's polling script and schedule it every 30 s (see docs/GATEWAY_SETUP.md).\n");
        }
        return script.toString();
    }

    /** Returns the hotspot {@code login.html} of §2.2: a redirect to the portal carrying the router's variables. */
    public String loginHtml(Gateway gateway) {
        String portal = target.portalBaseUrl().endsWith("/") ? target.portalBaseUrl() : target.portalBaseUrl() + "/";
        return "<html><head><meta charset=\"utf-8\"><title>WiFi</title></head><body><script>\n"
                + "function hx(s){var h='';for(var i=0;i<s.length;i++)h+=('0'+(s.charCodeAt(i)&255).toString(16)).slice(-2);return h;}\n"
                + "location.replace('" + portal + "?gw=" + gateway.gatewayId() + "&mac=$(mac-esc)&ip=$(ip)&login=$(link-login-only-esc)'\n"
                + " +'&dst=$(link-orig-esc)&error=$(error-esc)&chapId='+hx('$(chap-id)')+'&chapChallenge='+hx('$(chap-challenge)'));\n"
                + "</script><noscript><a href=\"" + portal + "?gw=" + gateway.gatewayId() + "&mac=$(mac-esc)&ip=$(ip)"
                + "&login=$(link-login-only-esc)\">Continue</a></noscript></body></html>\n";
    }

    private String pfsense(Gateway gateway, String radiusSecret) {
        return "pfSense captive portal for gateway " + gateway.gatewayId() + "\n"
                + "1. System > User Manager > Authentication Servers > Add: type RADIUS, protocol PAP (or CHAP-MD5), host "
                + target.radiusAddress() + ", shared secret " + (radiusSecret == null ? SECRET_PLACEHOLDER : radiusSecret)
                + ", services: authentication and accounting, ports 1812/1813, timeout 5 s.\n"
                + "2. Services > Captive Portal > zone: that server as backend; Reauthenticate users: on; RADIUS accounting: on,"
                + " Interim updates; per-user bandwidth restriction: on; NAS identifier: " + gateway.gatewayId() + ".\n"
                + "3. Allowed Hostnames: " + String.join(", ", wallHosts()) + ".\n"
                + "4. Portal page contents: a page that redirects to " + target.portalBaseUrl() + "/?gw=" + gateway.gatewayId()
                + " with $PORTAL_ACTION$, $PORTAL_REDIRURL$ and the client MAC, as docs/GATEWAY_SETUP.md shows.\n";
    }

    private String unifi(Gateway gateway) {
        return "UniFi guest portal for gateway " + gateway.gatewayId() + "\n"
                + "1. Settings > Guest Hotspot (or WiFi > guest network > Hotspot Portal): authentication External Portal Server,"
                + " address of " + target.portalBaseUrl() + ".\n"
                + "2. Pre-Authorization Access: " + String.join(", ", wallHosts()) + ".\n"
                + "3. A local controller account without 2FA for the API; store its credentials where the gateway's"
                + " credentialsRef points, and the controller certificate's SHA-256 in certSha256.\n";
    }

    private String genericRadius(Gateway gateway, String radiusSecret) {
        return "Generic RADIUS NAS for gateway " + gateway.gatewayId() + "\n"
                + "RADIUS server " + target.radiusAddress() + ", ports 1812/1813, shared secret "
                + (radiusSecret == null ? SECRET_PLACEHOLDER : radiusSecret) + ", timeout 5 s, accounting with interim updates every "
                + gateway.acctInterimSeconds() + " s" + (gateway.coaSupported() ? ", dynamic authorization (CoA/Disconnect) on port "
                + gateway.coaPort() : "") + ".\n"
                + "Walled garden: " + String.join(", ", wallHosts()) + ". Login page: redirect to " + target.portalBaseUrl()
                + "/?gw=" + gateway.gatewayId() + " with the client MAC and the login URL.\n";
    }

    /** The only hosts a device may reach before login: the portal's and the API's (never OS connectivity checks). */
    Set<String> wallHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        for (String url : new String[] {target.portalBaseUrl(), target.apiBaseUrl()}) {
            String host = URI.create(url).getHost();
            if (host != null && HOST.matcher(host).matches()) hosts.add(host.toLowerCase(Locale.ROOT));
        }
        return hosts;
    }

    /** RouterOS string literal: double quotes with {@code \ " $} escaped, so nothing in a value is read as syntax. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\"";
    }
}
