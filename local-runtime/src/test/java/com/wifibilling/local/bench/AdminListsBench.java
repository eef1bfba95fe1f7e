package com.wifibilling.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import com.wifibilling.core.store.DynamoDbUserStore;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Admin dashboard and lists at two sizes of the Transactions table: the real local runtime in one JVM, a hotspot's
 * history seeded straight into its dynalite ({@link AdminListsSeed}: SMALL purchases over the last 30 business days),
 * then each admin route over HTTP with an admin JWT (the real AdminApi handler), WARMUP unmeasured rounds and
 * REQUESTS measured ones, one request at a time, the routes taking turns within each round; then the table is topped
 * up to LARGE purchases (same population, same 30 days) and the same requests are measured again. One extra request
 * per route and size runs with the DynamoDB call recorder open, to show which table and index each reads and that no
 * call is a Scan. The large/small p50 ratio is the figure: a route that read through its index stays near 1.
 *   scripts/bench/admin-lists [SMALL=1000] [LARGE=200000] [REQUESTS=200] [--threads N]
 */
public final class AdminListsBench {
    private static final int PHONES = 400;
    private static final int DAYS = 30;
    private static final int WARMUP = 400;
    /** Admin actions logged per day, and one anomaly event (a suspicious callback) per this many purchases. */
    private static final int ADMIN_EVENTS_PER_DAY = 5;
    private static final int PURCHASES_PER_ANOMALY = 100;
    /** A Scan of a table other than the three small configuration tables DESIGN §3 lets a request scan. */
    private static final Pattern GROWING_SCAN = Pattern.compile("Scan (?!Packages\\b|Gateways\\b|Settings\\b)");

    private AdminListsBench() {}

    /** One measured route and its samples at each size. */
    private record Probe(String name, String path, Map<String, List<Double>> millis, Map<String, String> reads,
                         Map<String, Integer> items) {
        Probe(String name, String path) {
            this(name, path, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }

    public static void main(String[] args) {
        List<String> positional = new ArrayList<>();
        int threads = 4;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads")) threads = Integer.parseInt(args[++i]);
            else positional.add(args[i]);
        }
        int small = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 1_000;
        int large = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 200_000;
        int requests = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 200;
        if (large < small) throw new IllegalArgumentException("LARGE must not be below SMALL");
        // The JDK's HTTP server leaves Nagle on unless told: a response written as headers then body waits for the
        // client's delayed ACK (≈ 40 ms on Linux loopback) whenever the body goes out as a second small segment, which
        // would measure TCP, not the route. Set before the runtime's server is created (the property is read once).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        PrintStream out = BenchOutput.takeStdout();
        String password = UUID.randomUUID().toString();
        String[] options = {BenchOutput.RUNTIME_OPTIONS[0], BenchOutput.RUNTIME_OPTIONS[1], BenchOutput.RUNTIME_OPTIONS[2],
                BenchOutput.RUNTIME_OPTIONS[3], "--no-radius"};
        try (BenchRuntime bench = BenchRuntime.start(Map.of("ADMIN_PASSWORD", password), options)) {
            out.println("Admin dashboard and lists (" + BenchOutput.machine() + ")");
            var runtime = bench.runtime;
            Instant now = Instant.now();
            var gateways = new DynamoDbGatewayStore(bench.dynamoDb, bench.table("GatewaysTable"));
            for (int g = 1; g < AdminListsSeed.GATEWAYS.size(); g++) {
                String id = AdminListsSeed.GATEWAYS.get(g);
                gateways.create(Gateway.builder(id, "Hotspot " + id, GatewayType.MIKROTIK, now).radiusClientAddress("10.20.0." + g).build());
            }
            var seed = new AdminListsSeed(bench.dynamoDb, bench.table("TransactionsTable"), PHONES, DAYS, now);
            var transactions = new DynamoDbTransactionStore(bench.dynamoDb, bench.table("TransactionsTable"));
            var stats = new DynamoDbStatsStore(bench.dynamoDb, bench.table("StatsTable"));
            var events = new DynamoDbEventStore(bench.dynamoDb, bench.table("EventsTable"));
            seed.learnShapes(transactions);
            seed.writeUsers(new DynamoDbUserStore(bench.dynamoDb, bench.table("UsersTable"),
                    new DynamoDbGuardStore(bench.dynamoDb, bench.table("GuardsTable"))));
            seed.writeSessions(new DynamoDbSessionStore(bench.dynamoDb, bench.table("SessionsTable")));
            out.printf(Locale.ROOT, "population: %d phones (Zipf %.1f), %d devices (one session each), %d gateways, %d packages; %d days%n",
                    seed.phoneCount(), 0.9, seed.deviceCount(), AdminListsSeed.GATEWAYS.size(), AdminListsSeed.PACKAGES.size(), DAYS);

            String busy = seed.busiestPhone().msisdn();
            List<Probe> probes = List.of(
                    new Probe("GET /api/admin/dashboard?range=today", "/api/admin/dashboard?range=today"),
                    new Probe("GET /api/admin/dashboard?range=30d", "/api/admin/dashboard?range=30d"),
                    new Probe("GET /api/admin/transactions", "/api/admin/transactions"),
                    new Probe("GET /api/admin/transactions?status=completed", "/api/admin/transactions?status=completed"),
                    new Probe("GET /api/admin/transactions?phone=<busiest>", "/api/admin/transactions?phone=" + busy),
                    new Probe("GET /api/admin/sessions?gatewayId=default", "/api/admin/sessions?gatewayId=default"),
                    new Probe("GET /api/admin/users", "/api/admin/users"),
                    new Probe("GET /api/admin/events", "/api/admin/events"));

            int stored = 0;
            int eventCount = 0;
            List<String> sizes = new ArrayList<>();
            for (int target : small == large ? List.of(small) : List.of(small, large)) {
                String size = String.format(Locale.ROOT, "%,d", target);
                sizes.add(size);
                long start = System.nanoTime();
                seed.writePurchases(target - stored, threads);
                double seconds = (System.nanoTime() - start) / 1e9;
                int statsKeys = seed.addStats(stats);
                eventCount += seed.writeEvents(events, target - stored, stored == 0 ? ADMIN_EVENTS_PER_DAY : 0, PURCHASES_PER_ANOMALY);
                out.printf(Locale.ROOT, "%nseeded %,d purchases in %.1f s (%,.0f items/s, BatchWriteItem, %d writers) → %s stored; "
                        + "%d Stats items added to; %,d events in all%n", target - stored, seconds, (target - stored) / seconds, threads, size,
                        statsKeys, eventCount);
                stored = target;
                String token = login(runtime.baseUri(), password);
                measure(bench, probes, size, token, requests, out);
            }
            report(probes, sizes, requests, out);
        }
    }

    private static String login(URI base, String password) {
        JsonNode login = BenchRuntime.ok(BenchRuntime.send("POST", base.resolve("/api/auth/login"),
                Json.write(Map.of("email", "admin@localhost", "password", password)), "Content-Type", "application/json"));
        return login.get("token").asText();
    }

    /** Warms up, records one request per route, then measures {@code requests} rounds of every route in turn. */
    private static void measure(BenchRuntime bench, List<Probe> probes, String size, String token, int requests, PrintStream out) {
        URI base = bench.runtime.baseUri();
        for (int i = 0; i < WARMUP; i++) for (Probe p : probes) get(base, p.path(), token);
        try (var recording = DynamoDbCallRecorder.open(bench.runtime.dynamoDbEndpoint(), bench.keyAttributes(), false, null)) {
            for (Probe p : probes) {
                recording.clear();
                JsonNode body = get(base, p.path(), token);
                p.reads().put(size, reads(bench, recording.calls()));
                JsonNode list = body.has("items") ? body.get("items") : body.get("days");
                p.items().put(size, list == null ? -1 : list.size());
            }
        }
        for (Probe p : probes) p.millis().put(size, new ArrayList<>());
        for (int i = 0; i < requests; i++)
            for (Probe p : probes) {
                long start = System.nanoTime();
                get(base, p.path(), token);
                p.millis().get(size).add((System.nanoTime() - start) / 1e6);
            }
        out.printf(Locale.ROOT, "measured %d rounds of %d routes at %s (load average %.2f on %d cores at the end)%n", requests, probes.size(),
                size, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    private static JsonNode get(URI base, String path, String token) {
        return BenchRuntime.ok(BenchRuntime.send("GET", base.resolve(path), null, "Authorization", "Bearer " + token));
    }

    /** Returns the request's DynamoDB calls, grouped: operation, table (logical) and index, how many, items a Query returned. */
    private static String reads(BenchRuntime bench, List<DynamoDbCall> calls) {
        Map<String, int[]> grouped = new LinkedHashMap<>();
        for (DynamoDbCall call : calls) {
            // The recorder names no table for BatchGetItem (its request has none of its own): the lists' reads of whole
            // items after an index page, and the dashboard's Stats keys.
            var spec = call.table() == null ? null : bench.tables.get(call.table());
            String table = call.table() == null ? "" : " " + (spec == null ? call.table() : spec.logicalId().replaceFirst("Table$", ""));
            String what = call.operation() + table + (call.index() == null ? "" : "/" + call.index());
            int[] counts = grouped.computeIfAbsent(what, k -> new int[2]);
            counts[0]++;
            counts[1] += call.returned().size();
        }
        List<String> parts = new ArrayList<>();
        grouped.forEach((what, counts) -> parts.add(what + " ×" + counts[0]
                + (what.startsWith("Query") || what.startsWith("Scan") ? " (" + counts[1] + " items)" : "")));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static void report(List<Probe> probes, List<String> sizes, int requests, PrintStream out) {
        String first = sizes.getFirst();
        String last = sizes.getLast();
        out.println();
        out.printf(Locale.ROOT, "| route (%d requests each, sequential) | p50 %s | p90 | p99 | p50 %s | p90 | p99 | p50 ratio |%n", requests, first, last);
        out.println("|---|---|---|---|---|---|---|---|");
        for (Probe p : probes) {
            List<Double> a = p.millis().get(first).stream().sorted().toList();
            List<Double> b = p.millis().get(last).stream().sorted().toList();
            out.printf(Locale.ROOT, "| `%s` | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | **%.2f** |%n", p.name(),
                    pct(a, 50), pct(a, 90), pct(a, 99), pct(b, 50), pct(b, 90), pct(b, 99), pct(b, 50) / pct(a, 50));
        }
        out.println();
        out.println("| route | items on the page | DynamoDB calls of one request |");
        out.println("|---|---|---|");
        long scans = 0;
        for (Probe p : probes) {
            for (String size : sizes) {
                out.printf(Locale.ROOT, "| `%s` at %s | %d | %s |%n", p.name(), size, p.items().get(size), p.reads().get(size));
                if (GROWING_SCAN.matcher(p.reads().get(size)).find()) scans++;
            }
        }
        out.printf(Locale.ROOT, "%nrequests that scanned a table that grows (anything but Packages, Gateways, Settings): %d%n", scans);
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
