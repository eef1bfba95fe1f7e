package com.wifibilling.local.bench;

import com.wifibilling.core.http.Json;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.voucher.CodeFormat;
import com.wifibilling.core.voucher.VoucherGenerator;
import com.wifibilling.core.voucher.VoucherOrder;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Vouchers (the auth/vouchers issue): the time to generate and store N codes into the local runtime's dynalite, the
 * way the batch worker does it (VoucherGenerator, 32 conditional writes at a time), RUNS times; then the latency of
 * redeeming codes over HTTP ({@code POST /api/auth/voucher}), one at a time, each from a fresh device.
 *   scripts/bench/vouchers [COUNT=10000] [RUNS=3] [REDEMPTIONS=1000]
 */
public final class VoucherBench {
    private VoucherBench() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int redemptions = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        PrintStream out = BenchOutput.takeStdout();
        try (BenchRuntime bench = BenchRuntime.start(BenchOutput.RUNTIME_OPTIONS)) {
            out.println("Vouchers (" + BenchOutput.machine() + ")");
            var runtime = bench.runtime;
            var vouchers = new DynamoDbVoucherStore(bench.dynamoDb, runtime.tableName("VouchersTable"));
            var packages = new DynamoDbPackageStore(AwsClients.enhanced(bench.dynamoDb), runtime.tableName("PackagesTable"));
            var generator = new VoucherGenerator(vouchers, packages, new DynamoDbStatsStore(bench.dynamoDb, runtime.tableName("StatsTable")),
                    new Metrics("bench", Clock.systemUTC(), line -> { }), Clock.systemUTC(), 32);
            generator.generate(new VoucherOrder("basic", 500, null, null, null), "bench-warm", "bench", n -> { }); // JIT and connections

            out.println();
            out.println("| run | codes | seconds | codes/s |");
            out.println("|---|---|---|---|");
            List<String> codes = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                var batch = generator.generate(new VoucherOrder("basic", count, null, null, 30), "bench-" + run, "bench", n -> { });
                double took = (System.nanoTime() - start) / 1e9;
                seconds.add(took);
                if (codes.size() < redemptions) codes.addAll(batch.codes());
                out.printf(Locale.ROOT, "| %d | %,d | %.2f | %,.0f |%n", run, count, took, count / took);
            }
            out.printf(Locale.ROOT, "%nmedian: %.2f s for %,d codes%n", seconds.stream().sorted().toList().get(seconds.size() / 2), count);

            List<Double> millis = new ArrayList<>();
            var url = runtime.baseUri().resolve("/api/auth/voucher");
            for (int i = 0; i < Math.min(redemptions, codes.size()); i++) {
                String mac = String.format("02:aa:%02x:%02x:%02x:%02x", (i >> 24) & 0xff, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
                String body = Json.write(Map.of("code", CodeFormat.display(codes.get(i)), "gateway", Map.of("mac", mac)));
                long start = System.nanoTime();
                var response = BenchRuntime.send("POST", url, body, "Content-Type", "application/json");
                millis.add((System.nanoTime() - start) / 1e6);
                if (response.statusCode() != 200) throw new IllegalStateException("redemption answered " + response.statusCode() + ": " + response.body());
            }
            List<Double> sorted = millis.stream().sorted().toList();
            out.println();
            out.println("| redemptions over HTTP, one at a time | p50 | p90 | p99 | max |");
            out.println("|---|---|---|---|---|");
            out.printf(Locale.ROOT, "| %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", sorted.size(), pct(sorted, 50), pct(sorted, 90),
                    pct(sorted, 99), sorted.getLast());
        }
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
