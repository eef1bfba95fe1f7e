package com.wifibilling.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.http.Json;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pay-to-online (contracts/gateways.md §8): how long after the portal sees a purchase {@code completed} the device
 * is online. Each purchase is a fresh device on the simulated hotspot: login page (CHAP values) → initiate through
 * the Daraja simulator → the status poll (every 20 ms) returns {@code completed} with the {@code login} object =
 * <b>t0</b> → the login fields are submitted to the hotspot → Access-Request → FreeRADIUS → rlm_rest →
 * {@code /api/radius/authorize} → Access-Accept (the simulator's {@code startedAt}) → Accounting Start → 302.
 *   scripts/bench/pay-to-online [PURCHASES=200] [PARALLEL=4]
 */
public final class PayToOnlineBench {
    private PayToOnlineBench() {}

    record Sample(double toAcceptMs, double toRedirectMs) {}

    public static void main(String[] args) throws Exception {
        int purchases = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        PrintStream out = BenchOutput.takeStdout();
        try (BenchRuntime bench = BenchRuntime.start(BenchOutput.RUNTIME_OPTIONS)) {
            var runtime = bench.runtime;
            if (runtime.radiusAuthPort().isEmpty()) throw new IllegalStateException("FreeRADIUS is not running: install it");
            URI base = runtime.baseUri();
            for (int i = 0; i < 10; i++) purchase(base, 9_000 + i); // warm-up, not measured
            List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
            try (var pool = Executors.newFixedThreadPool(parallel)) {
                List<Future<Sample>> running = new ArrayList<>();
                for (int i = 0; i < purchases; i++) {
                    int n = i;
                    running.add(pool.submit((Callable<Sample>) () -> purchase(base, n)));
                }
                for (Future<Sample> sample : running) samples.add(sample.get());
            }
            out.println("Pay-to-online (" + BenchOutput.machine() + "), " + purchases + " purchases, " + parallel + " at a time");
            out.println();
            out.println("| measurement | n | p50 | p90 | p99 | max |");
            out.println("|---|---|---|---|---|---|");
            row(out, "status `completed` seen by the portal → Access-Accept at the hotspot", samples.stream().map(Sample::toAcceptMs).toList());
            row(out, "status `completed` seen by the portal → hotspot's 302 to dst (Accounting Start sent)",
                    samples.stream().map(Sample::toRedirectMs).toList());
        }
    }

    private static Sample purchase(URI base, int n) throws InterruptedException {
        String mac = String.format("02:B0:00:%02X:%02X:%02X", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
        String ip = "10.6." + ((n >> 8) & 0xff) + "." + (n & 0xff);
        String[] device = {"X-Sim-Client-Mac", mac, "X-Sim-Client-Ip", ip};
        JsonNode page = BenchRuntime.ok(BenchRuntime.send("GET", base.resolve("/sim/gateway/default/login"), null,
                device[0], device[1], device[2], device[3], "Accept", "application/json"));
        String phone = String.format("0708%06d", n % 1_000_000);
        JsonNode initiated = BenchRuntime.ok(BenchRuntime.send("POST", base.resolve("/api/payment/initiate"), Json.write(Map.of("phone", phone,
                "packageId", "basic", "gateway", Map.of("mac", mac, "ip", ip, "loginUrl", page.get("link-login-only").asText(),
                        "chapId", page.get("chapId").asText(), "chapChallenge", page.get("chapChallenge").asText()))),
                "Content-Type", "application/json"));
        JsonNode login = null;
        long t0 = 0;
        Instant deadline = Instant.now().plusSeconds(30);
        while (login == null) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("purchase " + n + " did not complete");
            JsonNode status = BenchRuntime.ok(BenchRuntime.send("GET", base.resolve("/api/payment/status?transactionId="
                    + initiated.get("transactionId").asText()), null, "X-Client-Token", initiated.get("clientToken").asText()));
            if (status.has("login")) {
                t0 = System.currentTimeMillis();
                login = status.get("login");
            } else {
                Thread.sleep(20);
            }
        }
        StringJoiner query = new StringJoiner("&");
        login.get("fields").properties().forEach(f -> query.add(f.getKey() + "=" + URLEncoder.encode(f.getValue().asText(), StandardCharsets.UTF_8)));
        HttpResponse<String> submitted = BenchRuntime.send("GET", base.resolve("/sim/gateway/default/login?" + query), null, device);
        long redirected = System.currentTimeMillis();
        if (submitted.statusCode() != 302) throw new IllegalStateException("login " + n + " answered " + submitted.statusCode());
        JsonNode entry = BenchRuntime.ok(BenchRuntime.send("GET", base.resolve("/simulator/gateway/logins?mac=" + mac), null)).get("items").get(0);
        long accepted = Instant.parse(entry.get("startedAt").asText()).toEpochMilli();
        return new Sample(accepted - t0, redirected - t0);
    }

    private static void row(PrintStream out, String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        out.printf(Locale.ROOT, "| %s | %,d | %.0f ms | %.0f ms | %.0f ms | %.0f ms |%n", what, sorted.size(), pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.getLast());
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
