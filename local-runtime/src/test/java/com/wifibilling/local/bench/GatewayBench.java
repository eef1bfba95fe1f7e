package com.wifibilling.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.radius.CoaClient;
import com.wifibilling.core.radius.CoaReply;
import com.wifibilling.core.radius.CoaTarget;
import com.wifibilling.core.radius.DynamicRequest;
import com.wifibilling.core.radius.FreeRadiusDas;
import com.wifibilling.core.radius.RadiusSecret;
import com.wifibilling.local.LocalSecrets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Gateways (issue "gateways", measure): {@code POST /api/radius/authorize} latency over HTTP as rlm_rest calls it,
 * Access-Requests through the runtime's FreeRADIUS (radclient, sequential), and the CoA round trip from our
 * {@link CoaClient} to FreeRADIUS as a CoA listener. Needs FreeRADIUS installed.
 *   scripts/bench/gateways [AUTHORIZE=1000] [RADCLIENT=200] [COA=500]
 */
public final class GatewayBench {
    private GatewayBench() {}

    public static void main(String[] args) throws Exception {
        int authorizations = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int accessRequests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int coas = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        PrintStream out = BenchOutput.takeStdout();
        try (BenchRuntime bench = BenchRuntime.start(BenchOutput.RUNTIME_OPTIONS)) {
            var runtime = bench.runtime;
            out.println("Gateways (" + BenchOutput.machine() + ")");
            int radiusPort = runtime.radiusAuthPort().orElseThrow(() -> new IllegalStateException("FreeRADIUS is not running: install it"));
            String mac = "02:BE:00:00:00:01";
            JsonNode login = buy(bench, mac);
            String username = login.at("/fields/username").asText();
            String password = login.at("/fields/password").asText();

            String body = Json.write(Map.of("User-Name", Map.of("type", "string", "value", List.of(username)),
                    "Calling-Station-Id", Map.of("type", "string", "value", List.of(mac)),
                    "WB-Gateway-Id", Map.of("type", "string", "value", List.of("default"))));
            var url = runtime.baseUri().resolve("/api/radius/authorize");
            String token = runtime.secrets().get(LocalSecrets.RADIUS_API_TOKEN);
            for (int i = 0; i < 50; i++) BenchRuntime.send("POST", url, body, "Content-Type", "application/json", "X-Radius-Token", token);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < authorizations; i++) {
                long start = System.nanoTime();
                var response = BenchRuntime.send("POST", url, body, "Content-Type", "application/json", "X-Radius-Token", token);
                millis.add((System.nanoTime() - start) / 1e6);
                if (response.statusCode() != 200) throw new IllegalStateException("authorize answered " + response.statusCode());
            }
            out.println();
            out.println("| measurement | n | p50 | p90 | p99 | max |");
            out.println("|---|---|---|---|---|---|");
            row(out, "POST /api/radius/authorize over HTTP (accept)", millis);

            String secret = runtime.secrets().get(LocalSecrets.DEFAULT_GATEWAY_RADIUS_SECRET);
            String attributes = "User-Name = \"" + username + "\", User-Password = \"" + password + "\", Calling-Station-Id = \"" + mac + "\"";
            long start = System.nanoTime();
            String answer = radclient(radiusPort, secret, attributes, accessRequests);
            double totalMs = (System.nanoTime() - start) / 1e6;
            long accepts = answer.lines().filter(l -> l.contains("Access-Accept")).count();
            if (accepts < accessRequests) throw new IllegalStateException("only " + accepts + " accepts:\n" + answer);
            out.printf(Locale.ROOT, "| Access-Request → FreeRADIUS → rlm_rest → API → Access-Accept (radclient, sequential) | %d | mean %.1f ms"
                    + " (%.2f s in all) | | | |%n", accessRequests, totalMs / accessRequests, totalMs / 1000);

            Path dir = Files.createTempDirectory("bench-das-");
            try (FreeRadiusDas das = FreeRadiusDas.start(dir, "BenchCoaSecret0123456789")) {
                var client = new CoaClient();
                var target = new CoaTarget(das.address(), RadiusSecret.of("BenchCoaSecret0123456789"));
                List<Double> coaMillis = new ArrayList<>();
                for (int i = 0; i < coas + 20; i++) {
                    CoaReply reply = client.send(target, DynamicRequest.coa().userName("bench-" + i).acctSessionId("815" + i)
                            .sessionTimeout(1800).mikrotikRateLimit("2000k/5000k").eventTimestamp(Instant.now()).build());
                    if (reply.outcome() != CoaReply.Outcome.ACK) throw new IllegalStateException("CoA answered " + reply.outcome());
                    if (i >= 20) coaMillis.add(reply.latency().toNanos() / 1e6);
                }
                row(out, "CoA-Request → FreeRADIUS (CoA listener) → CoA-ACK", coaMillis);
            }
        }
    }

    private static JsonNode buy(BenchRuntime bench, String mac) throws InterruptedException {
        var runtime = bench.runtime;
        JsonNode initiated = BenchRuntime.ok(BenchRuntime.send("POST", runtime.baseUri().resolve("/api/payment/initiate"),
                Json.write(Map.of("phone", "0708374149", "packageId", "basic", "gateway", Map.of("mac", mac))), "Content-Type", "application/json"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = BenchRuntime.ok(BenchRuntime.send("GET", runtime.baseUri().resolve("/api/payment/status?transactionId="
                    + initiated.get("transactionId").asText()), null, "X-Client-Token", initiated.get("clientToken").asText()));
            if (status.has("login")) return status.get("login");
            Thread.sleep(100);
        }
        throw new IllegalStateException("the purchase did not complete");
    }

    private static String radclient(int port, String secret, String attributes, int count) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("radclient", "-x", "-c", Integer.toString(count), "-p", "1", "-r", "1", "-t", "3",
                "127.0.0.1:" + port, "auth", secret).redirectErrorStream(true).start();
        process.getOutputStream().write(attributes.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) throw new IllegalStateException("radclient did not finish");
        return output;
    }

    private static void row(PrintStream out, String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        out.printf(Locale.ROOT, "| %s | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", what, sorted.size(), pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.getLast());
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
