package com.wifibilling.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The generated setup material (contracts/gateways.md §5): RouterOS syntax, secrets only when given, a tight walled garden. */
class GatewaySetupTest {
    private static final GatewaySetup SETUP = new GatewaySetup(new GatewaySetup.Target("https://portal.example.co.ke",
            "https://api.example.co.ke", "radius.example.co.ke"));
    /** The RouterOS menus the script may touch, each with the verbs used. */
    private static final Set<String> COMMANDS = Set.of("/system identity set", "/radius add", "/radius incoming set",
            "/ip hotspot profile set", "/ip hotspot walled-garden ip add", "/ip hotspot walled-garden add", ":global");
    private static final Pattern ARGUMENT = Pattern.compile("\\[find [a-z-]+=[A-Za-z0-9-]+\\]"
            + "|[a-z-]+=(\"([^\"\\\\$]|\\\\[\"\\\\$])*\"|[A-Za-z0-9.,:_/-]+)");

    private static Gateway gateway(GatewayType type, ControlMode mode) {
        var builder = Gateway.builder("gw-nairobi-01", "Nairobi \"CBD\" $hop", type, Instant.parse("2026-11-25T10:00:00Z"))
                .radiusClientAddress("203.0.113.7").radiusSecretRef("env:X").controlMode(mode).loginUrlHosts(List.of("10.5.50.1"));
        if (type == GatewayType.UNIFI) builder.unifi(new UnifiController("https://10.0.0.2:8443", "default", false, "env:UNIFI", null));
        return builder.build();
    }

    @Test
    void theMikrotikScriptIsRouterOsSyntaxWithTheSecretOnlyWhenGiven() {
        String withSecret = SETUP.mikrotik(gateway(GatewayType.MIKROTIK, ControlMode.PUSH), "Qx7Lm2Vb9Kd4Rt6Yw1Zs8Np3", null);
        assertValidRouterOs(withSecret);
        assertTrue(withSecret.contains("secret=\"Qx7Lm2Vb9Kd4Rt6Yw1Zs8Np3\""));
        assertTrue(withSecret.contains("timeout=5s"));
        assertTrue(withSecret.contains("/radius incoming set accept=yes port=3799"));
        assertTrue(withSecret.contains("use-radius=yes radius-accounting=yes"));

        String placeholders = SETUP.mikrotik(gateway(GatewayType.MIKROTIK, ControlMode.PUSH), null, null);
        assertValidRouterOs(placeholders);
        assertFalse(placeholders.contains("Qx7Lm2Vb9Kd4Rt6Yw1Zs8Np3"));
        assertTrue(placeholders.contains(GatewaySetup.SECRET_PLACEHOLDER));
    }

    @Test
    void aPollingRouterGetsNoCoaListenerButItsKeyAndTheApi() {
        String script = SETUP.mikrotik(gateway(GatewayType.MIKROTIK, ControlMode.POLL), "Qx7Lm2Vb9Kd4Rt6Yw1Zs8Np3", "k3y");
        assertValidRouterOs(script);
        assertFalse(script.contains("/radius incoming"));
        assertTrue(script.contains(":global wbKey \"gw-nairobi-01.k3y\""));
        assertTrue(script.contains(":global wbApi \"https://api.example.co.ke\""));
    }

    @Test
    void theWalledGardenAllowsThePortalAndTheApiOnly() {
        String script = SETUP.mikrotik(gateway(GatewayType.MIKROTIK, ControlMode.PUSH), null, null);
        List<String> hosts = script.lines().filter(l -> l.contains("walled-garden")).map(l -> l.replaceAll(".*dst-host=\"([^\"]+)\".*", "$1"))
                .distinct().toList();
        assertEquals(List.of("portal.example.co.ke", "api.example.co.ke"), hosts);
        assertFalse(script.contains("captive.apple.com") || script.contains("gstatic"));
    }

    @Test
    void theLoginPageRedirectsToThePortalWithTheRoutersVariables() {
        String html = SETUP.loginHtml(gateway(GatewayType.MIKROTIK, ControlMode.PUSH));
        for (String variable : List.of("$(mac-esc)", "$(ip)", "$(link-login-only-esc)", "$(link-orig-esc)", "$(chap-id)", "$(chap-challenge)"))
            assertTrue(html.contains(variable), variable);
        assertTrue(html.contains("location.replace('https://portal.example.co.ke/?gw=gw-nairobi-01&"));
    }

    @Test
    void otherTypesGetTheirSettingsWithoutSecretsUnlessGiven() {
        String pfsense = SETUP.forGateway(gateway(GatewayType.PFSENSE, ControlMode.PUSH), null, null);
        assertTrue(pfsense.contains("Reauthenticate users: on") && pfsense.contains(GatewaySetup.SECRET_PLACEHOLDER));
        assertTrue(SETUP.forGateway(gateway(GatewayType.UNIFI, ControlMode.PUSH), null, null).contains("External Portal Server"));
        assertTrue(SETUP.forGateway(gateway(GatewayType.GENERIC_RADIUS, ControlMode.PUSH), "s3cr3t", null).contains("shared secret s3cr3t"));
    }

    /** Every line a comment, or a known command followed by name=value arguments whose strings are properly escaped. */
    private static void assertValidRouterOs(String script) {
        for (String line : script.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String command = COMMANDS.stream().filter(line::startsWith).max((a, b) -> a.length() - b.length())
                    .orElseThrow(() -> new AssertionError("unknown command: " + line));
            String rest = line.substring(command.length()).strip();
            if (command.equals(":global")) {
                assertTrue(rest.matches("[A-Za-z]+ \"([^\"\\\\$]|\\\\[\"\\\\$])*\""), line);
                continue;
            }
            for (String argument : split(rest)) assertTrue(ARGUMENT.matcher(argument).matches(), "bad argument " + argument + " in " + line);
        }
    }

    /** Splits on spaces outside quotes and brackets. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        var current = new StringBuilder();
        boolean quoted = false;
        int brackets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') quoted = !quoted;
            if (!quoted && c == '[') brackets++;
            if (!quoted && c == ']') brackets--;
            if (c == ' ' && !quoted && brackets == 0) {
                if (!current.isEmpty()) parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        assertFalse(quoted, "unbalanced quotes in " + text);
        if (!current.isEmpty()) parts.add(current.toString());
        return parts;
    }
}
