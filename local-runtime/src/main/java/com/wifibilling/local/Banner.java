package com.wifibilling.local;

import java.io.PrintStream;
import java.util.Map;

/**
 * What the operator reads once the runtime is up: the URLs it serves, where data lives, and the secrets it
 * generated. Printed on stdout exactly once, and never through the JSON logger, because showing generated
 * secrets here is the point and keeping them out of logs is the rule (DESIGN §8).
 */
final class Banner {
    private static final int LABEL_WIDTH = 20; // "Daraja (simulator)" and two spaces
    private Banner() {}

    static void print(LocalRuntime runtime, PrintStream out) {
        out.print(text(runtime));
        out.flush();
    }

    static String text(LocalRuntime runtime) {
        String base = "http://localhost:" + runtime.port();
        StringBuilder b = new StringBuilder();
        b.append('\n').append("serverless-wifi-billing is running locally (started in ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", runtime.startupMillis() / 1000.0)).append(" s)\n\n");
        line(b, "API", base + "/api");
        line(b, "Health", base + "/api/health");
        line(b, "Packages", base + "/api/payment/packages");
        if (runtime.staticPrefixes().contains("/portal/")) line(b, "Portal", base + "/portal/");
        if (runtime.staticPrefixes().contains("/admin/")) line(b, "Admin UI", base + "/admin/");
        line(b, "DynamoDB", runtime.dynamoDbEndpoint() + " (dynalite)");
        line(b, "SQS", runtime.sqsEndpoint() + " (ElasticMQ)");
        line(b, "Daraja (simulator)", runtime.darajaBaseUri().toString());
        line(b, "SMS (simulator)", runtime.smsSimulator().baseUri() + "/simulator/sms/messages (what was sent)");
        line(b, "Hotspot (simulator)", base + "/sim/gateway/default/login (CoA/Disconnect on UDP 127.0.0.1:" + runtime.gatewayDasPort() + ")");
        line(b, "UniFi (simulator)", runtime.unifiSimulator().baseUri() + " (credentialsRef env:" + LocalRuntime.UNIFI_SIMULATOR_LOGIN + ")");
        line(b, "Secrets Manager", runtime.secretsManagerEndpoint() + " (emulator)");
        line(b, "RADIUS (FreeRADIUS)", runtime.radiusAuthPort().map(port -> "127.0.0.1:" + port + " auth, " + (port + 1)
                + " accounting (try it with radclient: docs/GATEWAY_SETUP.md §6)")
                .orElse("not running (" + LocalFreeRadius.INSTALL_HINT + ", then restart; --no-radius turns it off)"));
        line(b, "Data", runtime.options().dataDir().map(dir -> dir + " (kept across restarts)")
                .orElse("in memory (gone when this stops; --data-dir DIR keeps it)"));
        runtime.packagesSeeded().ifPresent(seeded -> line(b, "Packages seeded",
                seeded.created() + " created, " + seeded.kept() + " already there (config/packages.json)"));

        runtime.gatewaySeeded().ifPresent(gateway -> line(b, "Gateway", "'" + gateway.gatewayId() + "' (MikroTik type, RADIUS client 127.0.0.1; "
                + switch (gateway.outcome()) {
                    case CREATED -> "created)";
                    case KEPT -> "kept as it was)";
                    case UPDATED -> "login URLs moved to this port)";
                }));
        runtime.adminSeeded().ifPresent(admin -> {
            b.append('\n');
            line(b, "Admin login", admin.email() + " / " + admin.generatedPassword().orElse(switch (admin.outcome()) {
                case CREATED -> "(password from ADMIN_PASSWORD)";
                default -> "(existing account: password unchanged)";
            }));
            if (admin.generatedPassword().isPresent())
                b.append(" ".repeat(2 + LABEL_WIDTH)).append("(generated now and shown once; set ADMIN_PASSWORD to choose it)\n");
        });

        Map<String, String> generated = runtime.secrets().generatedNow();
        b.append('\n');
        if (generated.isEmpty()) {
            b.append("  Local secrets: from the environment").append(runtime.secrets().keptIn()
                    .map(file -> " or " + file).orElse("")).append(" (not shown)\n");
        } else {
            b.append("  Local secrets generated now (shown once; set them in the environment to choose your own):\n");
            generated.forEach((name, value) -> b.append("    ").append(name).append('=').append(value).append('\n'));
            runtime.secrets().keptIn().ifPresent(file -> b.append("    kept in ").append(file).append(" for the next start\n"));
        }
        b.append("\nPress Ctrl-C to stop.\n\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append("  ").append(String.format(java.util.Locale.ROOT, "%-" + LABEL_WIDTH + "s", label)).append(value).append('\n');
    }
}
