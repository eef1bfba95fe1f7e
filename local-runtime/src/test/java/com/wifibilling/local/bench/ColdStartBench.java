package com.wifibilling.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.http.Json;
import com.wifibilling.local.LocalSecrets;
import com.wifibilling.local.coldstart.FreshJvm;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Cold start of each API function's hot path in a fresh JVM from its deployable jar (scripts/bench/cold-start):
 * PaymentApi {@code GET /api/payment/packages} and {@code POST /api/payment/initiate} (dynalite and the Daraja
 * simulator, paying number 254708374149), AuthApi {@code POST /api/radius/authorize} for a real session (a voucher
 * redeemed through the running runtime first). Each run is {@link FreshJvm}: the function's jar plus the harness,
 * the environment the local runtime resolves for the function, the handler built through its no-arg constructor.
 * Reports the median over RUNS of JVM start → first response, INIT (constructor) and first invocation; the classes
 * loaded until the response and their biggest package groups; the jar's size; the same with a JDK AOT cache
 * (trained by one run: a stand-in for SnapStart's restore); and a fresh Node 20 process with the AWS SDK v3 making
 * the same DynamoDB (and Daraja) calls (scripts/bench/node-baseline).
 */
public final class ColdStartBench {
    private static final String ADMIN_PASSWORD = "cold-start-bench-password";
    private static final String PAYING_PHONE = "254708374149";

    private ColdStartBench() {}

    /** One measured path: which function, the event of run {@code i}, and the Node baseline's case and settings. */
    private record Case(String label, String function, IntFunction<Map<String, String>> event, Map<String, String> envChanges,
                        String nodeCase, IntFunction<Map<String, String>> nodeEnv) {}

    /** Medians of one configuration. */
    private record Row(String label, long firstResponseMs, long initMs, long invokeMs, int classes, String status) {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PrintStream out = BenchOutput.takeStdout();
        Path work = Files.createTempDirectory("cold-start-bench");
        try (BenchRuntime bench = BenchRuntime.start(Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD), "--no-radius",
                "--daraja-time-scale", "0.05", "--schedule-scale", "1000")) {
            String sessionId = voucherSession(bench);
            String radiusToken = bench.runtime.secrets().get(LocalSecrets.RADIUS_API_TOKEN);
            FreshJvm jvm = FreshJvm.in(work);
            Map<String, SamTemplate.FunctionSpec> functions = new LinkedHashMap<>();
            SamTemplate.load(RepoPaths.template()).functions().forEach(f -> functions.put(f.logicalId(), f));

            List<Case> cases = List.of(
                    new Case("PaymentApi GET /api/payment/packages", "PaymentApi",
                            i -> Map.of("kind", "http", "method", "GET", "path", "/api/payment/packages"), Map.of(),
                            "packages", i -> Map.of()),
                    new Case("PaymentApi POST /api/payment/initiate", "PaymentApi",
                            i -> Map.of("kind", "http", "method", "POST", "path", "/api/payment/initiate",
                                    "header.content-type", "application/json", "body", """
                                    {"phone":"%s","packageId":"basic","gateway":{"mac":"%s","ip":"10.5.50.23","dst":"http://example.com/"},"lang":"en"}"""
                                    .formatted(PAYING_PHONE, mac(1, i))),
                            // The inline STK queries' pauses are sleeps, not start-up: none here (and none in Node's).
                            Map.of("INLINE_POLL_PAUSE_MILLIS", "0"),
                            "initiate", i -> Map.of("BENCH_PHONE", PAYING_PHONE, "BENCH_MAC", mac(2, i))),
                    new Case("AuthApi POST /api/radius/authorize", "AuthApi",
                            i -> Map.of("kind", "http", "method", "POST", "path", "/api/radius/authorize",
                                    "header.content-type", "application/json", "header.x-radius-token", radiusToken,
                                    "body", "{\"User-Name\":{\"type\":\"string\",\"value\":[\"" + sessionId + "\"]},"
                                            + "\"Calling-Station-Id\":{\"type\":\"string\",\"value\":[\"02-C0-1D-00-00-01\"]},"
                                            + "\"WB-Gateway-Id\":{\"type\":\"string\",\"value\":[\"default\"]}}"),
                            Map.of(), "authorize", i -> Map.of("BENCH_SESSION_ID", sessionId)));

            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            out.printf(Locale.ROOT, "Cold start in a fresh JVM from the function's jar; median of %d runs (%s; load average %.2f at start)%n",
                    runs, BenchOutput.machine(), load);
            out.println("| path | jar | run | JVM/process start → first response | INIT | first invoke | classes loaded | answer |");
            out.println("|---|---|---|---|---|---|---|---|");
            Map<String, Map<String, Integer>> contributors = new LinkedHashMap<>();
            int counter = 0;
            for (Case c : cases) {
                SamTemplate.FunctionSpec spec = functions.get(c.function());
                Path jar = RepoPaths.home().resolve(spec.codeUri());
                Map<String, String> env = new LinkedHashMap<>(bench.runtime.functionEnvironment(c.function()).vars());
                env.putAll(c.envChanges());
                String jarSize = String.format(Locale.ROOT, "%.1f MB", Files.size(jar) / 1e6);
                final int base = counter;
                IntFunction<FreshJvm.Run> once = i -> jvm.run(jar, spec.handlerClass(), env, c.event().apply(base + i), List.of());
                Row plain = measure("plain", runs, once, () -> {
                    Path log = work.resolve(c.nodeCase() + "-classes.txt");
                    FreshJvm.Run run = jvm.run(jar, spec.handlerClass(), env, c.event().apply(base + runs + 1),
                            List.of("-Xlog:class+load:file=" + log));
                    check(run);
                    List<String> classes = FreshJvm.classesBeforeResponse(log);
                    contributors.put(c.label(), groups(classes));
                    return classes.size();
                });
                Path aot = work.resolve(c.nodeCase() + ".aot");
                check(jvm.run(jar, spec.handlerClass(), env, c.event().apply(base + runs + 2), List.of("-XX:AOTCacheOutput=" + aot)));
                Row cached = measure("AOT cache", runs, i -> jvm.run(jar, spec.handlerClass(), env, c.event().apply(base + runs + 4 + i),
                        List.of("-XX:AOTCache=" + aot)), () -> {
                    Path log = work.resolve(c.nodeCase() + "-aot-classes.txt");
                    FreshJvm.Run run = jvm.run(jar, spec.handlerClass(), env, c.event().apply(base + 2 * runs + 5),
                            List.of("-XX:AOTCache=" + aot, "-Xlog:class+load:file=" + log));
                    check(run);
                    return FreshJvm.classesBeforeResponse(log).size();
                });
                counter += 2 * runs + 10;
                if (!plain.status().equals("200") || !cached.status().equals("200")) // each path's success, not a reject
                    throw new IllegalStateException(c.label() + " answered " + plain.status() + " / " + cached.status() + ", not 200");
                Row node = node(c, env, runs, base);
                for (Row row : List.of(plain, cached, node))
                    out.printf(Locale.ROOT, "| %s | %s | %s | **%d ms** | %s | %s | %s | %s |%n", c.label(),
                            row == node ? "Node 20 + SDK v3" : jarSize, row.label(), row.firstResponseMs(),
                            row.initMs() < 0 ? "" : row.initMs() + " ms", row.invokeMs() < 0 ? "" : row.invokeMs() + " ms",
                            row.classes() < 0 ? "" : String.format(Locale.ROOT, "%,d", row.classes()), row.status());
                out.printf(Locale.ROOT, "|  |  | plain ÷ Node | %.1f× |  |  |  |  |%n", (double) plain.firstResponseMs() / node.firstResponseMs());
            }
            out.println();
            out.println("Classes loaded until the first response, by package (plain run):");
            contributors.forEach((label, groups) -> out.println("- " + label + ": " + groups.entrySet().stream().limit(10)
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        }
    }

    private interface ClassCount {
        int count();
    }

    private static Row measure(String label, int runs, IntFunction<FreshJvm.Run> once, ClassCount classes) {
        check(once.apply(-1)); // warm the OS file cache once; every measured run is still a fresh JVM
        List<FreshJvm.Run> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) measured.add(check(once.apply(i)));
        String statuses = measured.stream().map(r -> r.get("status")).distinct().collect(Collectors.joining(" "));
        return new Row(label, median(measured, "jvmStartToResponseUs") / 1000, median(measured, "initUs") / 1000,
                median(measured, "invokeUs") / 1000, classes.count(), statuses);
    }

    private static FreshJvm.Run check(FreshJvm.Run run) {
        if (run.exitCode() != 0 || run.get("status").isEmpty() || run.get("status").startsWith("5"))
            throw new IllegalStateException("the function did not answer: " + run.describe());
        return run;
    }

    private static long median(List<FreshJvm.Run> runs, String field) {
        List<Long> values = runs.stream().map(r -> r.micros(field)).sorted().toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** A fresh {@code node} process per run (plus one unmeasured), with the function's own table names and Daraja settings. */
    private static Row node(Case c, Map<String, String> functionEnv, int runs, int base) {
        Path dir = RepoPaths.home().resolve("scripts/bench/node-baseline");
        if (!Files.isDirectory(dir.resolve("node_modules")))
            throw new IllegalStateException("run (cd scripts/bench/node-baseline && npm ci) first: scripts/bench/cold-start does");
        List<Long> millis = new ArrayList<>();
        String answer = "";
        for (int i = -1; i < runs; i++) {
            Map<String, String> env = new LinkedHashMap<>(functionEnv);
            env.remove("JAVA_TOOL_OPTIONS");
            env.putAll(c.nodeEnv().apply(base + i + 1));
            var builder = new ProcessBuilder("node", "cold-start.mjs", c.nodeCase()).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().keySet().retainAll(List.of("PATH"));
            builder.environment().putAll(env);
            try {
                Process process = builder.start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (process.waitFor() != 0) throw new IllegalStateException("node baseline failed: " + output);
                String line = output.lines().filter(l -> l.startsWith("{\"processStartToResponseMs\"")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("node printed no result: " + output));
                JsonNode result = Json.MAPPER.readTree(line);
                if (i >= 0) millis.add(Math.round(result.get("processStartToResponseMs").asDouble()));
                answer = "ok";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        millis.sort(Comparator.naturalOrder());
        long median = runs % 2 == 1 ? millis.get(runs / 2) : (millis.get(runs / 2 - 1) + millis.get(runs / 2)) / 2;
        return new Row("Node baseline", median, -1, -1, -1, answer);
    }

    /** Orders vouchers as the admin, redeems one on the default gateway and returns the session's RADIUS User-Name. */
    private static String voucherSession(BenchRuntime bench) throws IOException {
        var base = bench.runtime.baseUri();
        JsonNode login = BenchRuntime.ok(BenchRuntime.send("POST", base.resolve("/api/auth/login"),
                Json.write(Map.of("email", "admin@localhost", "password", ADMIN_PASSWORD)), "Content-Type", "application/json"));
        String admin = "Bearer " + login.get("token").asText();
        var ordered = BenchRuntime.send("POST", base.resolve("/api/admin/vouchers/generate"),
                Json.write(Map.of("packageId", "basic", "count", 1, "validDays", 30)), "Content-Type", "application/json", "Authorization", admin);
        if (ordered.statusCode() != 201) throw new IllegalStateException("voucher order failed: " + ordered.body());
        String batchId = Json.MAPPER.readTree(ordered.body()).get("batchId").asText();
        JsonNode listed = BenchRuntime.ok(BenchRuntime.send("GET", base.resolve("/api/admin/vouchers?batchId=" + batchId + "&limit=10"),
                null, "Authorization", admin));
        String code = listed.get("items").get(0).get("code").asText();
        JsonNode redeemed = BenchRuntime.ok(BenchRuntime.send("POST", base.resolve("/api/auth/voucher"),
                Json.write(Map.of("code", code, "gateway", Map.of("gatewayId", "default", "mac", "02:C0:1D:00:00:01"))),
                "Content-Type", "application/json"));
        JsonNode username = redeemed.at("/login/fields/username");
        if (username.isMissingNode()) throw new IllegalStateException("no login username in the redemption's answer: " + redeemed);
        return username.asText();
    }

    private static String mac(int series, int i) {
        return String.format(Locale.ROOT, "02:C0:%02X:00:%02X:%02X", series, (i >> 8) & 0xff, i & 0xff);
    }

    /** Classes by package group (the JDK by its first two names, the rest by three, the AWS SDK by four), largest first. */
    private static Map<String, Integer> groups(List<String> classes) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String name : classes) {
            String[] parts = name.split("\\.");
            int depth = name.startsWith("software.amazon.awssdk.") ? 4 : name.startsWith("java.") || name.startsWith("jdk.")
                    || name.startsWith("sun.") ? 2 : 3;
            String group = String.join(".", Arrays.copyOf(parts, Math.min(depth, parts.length - 1)));
            counts.merge(group.isEmpty() ? "(default)" : group, 1, Integer::sum);
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
