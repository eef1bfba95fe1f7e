package com.wifibilling.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.log.JsonLogger;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Benchmark 1 of the payments issue (scripts/bench/payment-capacity): every DynamoDB call of one completed purchase,
 * end to end through the local runtime over HTTP, with the units DynamoDB would bill for it ({@link BilledUnits});
 * then the same purchase again after preloading the Transactions table to each size, to show the units do not grow.
 *
 * <p>The purchase is the common one: the portal initiates (guards, gateway, pending transaction, STK Push, push
 * ids; the inline queries find the prompt still open), polls status once while the customer types the PIN, the
 * simulator delivers Daraja's success callback (intake → SQS → processor: claim, apply, publish, confirm, Stats),
 * and the portal's next poll finds it completed with its session. The phone's simulator scenario sends no callback
 * of its own ({@link BenchRuntime#SILENT_SCENARIO}); the bench has the simulator deliver it, so the order is fixed.
 */
public final class PaymentCapacityBench {
    static final int TARGET_WRU = 12;
    static final double TARGET_RRU = 2;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final long QUIET_MILLIS = 300;

    private final BenchRuntime bench;
    private final BilledUnits units;
    private final PrintStream report;
    private int purchases;

    PaymentCapacityBench(BenchRuntime bench, PrintStream report) {
        this.bench = bench;
        this.units = new BilledUnits(bench.tables);
        this.report = report;
    }

    /** {@code args}: the stored-transaction counts to measure at, ascending (default 1000 100000); {@code --threads N} preload writers. */
    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        int threads = 4;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads")) threads = Integer.parseInt(args[++i]);
            else sizes.add(Integer.parseInt(args[i].replace("_", "")));
        }
        if (sizes.isEmpty()) sizes = List.of(1_000, 100_000);
        PrintStream report = BenchOutput.takeStdout();
        try (var bench = BenchRuntime.start(BenchOutput.RUNTIME_OPTIONS)) {
            new PaymentCapacityBench(bench, report).run(sizes, threads);
        }
        System.exit(0); // the runtime's non-daemon threads (ElasticMQ) must not hold the bench open
    }

    /** Returns the bills of the purchase at each size, in order, after printing the report. */
    List<List<BilledUnits.Bill>> run(List<Integer> sizes, int threads) {
        report.printf(Locale.ROOT, "Payment capacity: one purchase end to end, units as DynamoDB on-demand bills them (%s)%n", BenchOutput.machine());
        Measured warmUp = purchase();
        report.printf(Locale.ROOT, "%nwarm-up purchase (first in fresh function containers): %d calls, %s RRU, %d WRU%n",
                warmUp.bills.size(), units(readUnits(warmUp.bills)), writeUnits(warmUp.bills));
        Map<String, AttributeValue> template = bench.item(bench.table("TransactionsTable"), "transactionId", warmUp.transactionId);
        var preload = new TransactionPreload(bench.dynamoDb, bench.table("TransactionsTable"), template, phone(2), Instant.now());
        List<List<BilledUnits.Bill>> results = new ArrayList<>();
        List<String> growth = new ArrayList<>();
        int stored = 1;
        for (int size : sizes) {
            long start = System.nanoTime();
            int add = Math.max(0, size - stored);
            preload.write(add, threads);
            long preloadMs = (System.nanoTime() - start) / 1_000_000;
            stored += add;
            Measured measured = purchase();
            stored += 1;
            if (results.isEmpty()) printCalls(measured.bills, size);
            boolean same = results.isEmpty() || signature(results.getFirst()).equals(signature(measured.bills));
            growth.add(String.format(Locale.ROOT, "| %,d | %,d in %.1f s (%,.0f items/s) | %d | %s | %d | %s | %,d |", size, add, preloadMs / 1000.0,
                    add * 1000.0 / Math.max(1, preloadMs), measured.bills.size(), units(readUnits(measured.bills)), writeUnits(measured.bills),
                    results.isEmpty() ? "(reference)" : same ? "yes" : "**no**", measured.wallMillis));
            results.add(measured.bills);
        }
        report.printf("%n### Growth: the same purchase with more stored transactions%n%n");
        report.println("| stored transactions before the purchase | preloaded (BatchWriteItem, 25 per call) | calls | RRU | WRU | every call's operation, table, index and units identical | purchase wall time (ms) |");
        report.println("|---|---|---|---|---|---|---|");
        growth.forEach(report::println);
        return results;
    }

    private record Measured(String transactionId, List<BilledUnits.Bill> bills, long wallMillis) {}

    /** Makes one purchase with a fresh phone and device and returns its bills, call by call. */
    private Measured purchase() {
        int n = ++purchases;
        String msisdn = phone(n);
        String mac = String.format(Locale.ROOT, "02:b0:00:00:%02x:%02x", n / 256, n % 256);
        bench.scenario(msisdn, BenchRuntime.SILENT_SCENARIO);
        try (var recording = DynamoDbCallRecorder.open(bench.runtime.dynamoDbEndpoint(), bench.keyAttributes(), true, null)) {
            long start = System.nanoTime();
            recording.step("1 initiate");
            JsonNode initiated = bench.initiate(msisdn, mac);
            expect("pending", initiated);
            String transactionId = initiated.get("transactionId").asText();
            String token = initiated.get("clientToken").asText();
            recording.step("2 status poll (pending)");
            expect("pending", bench.status(transactionId, token));
            recording.step("3 callback → grant");
            bench.deliverPaidCallback(initiated.get("checkoutRequestId").asText());
            awaitConfirmedAndQuiet(recording, transactionId);
            recording.step("4 status poll (completed)");
            JsonNode done = bench.status(transactionId, token);
            expect("completed", done);
            if (!done.has("session")) throw new IllegalStateException("The completed purchase came back without its session: " + done);
            long wall = (System.nanoTime() - start) / 1_000_000;
            return new Measured(transactionId, recording.calls().stream().map(units::bill).toList(), wall);
        }
    }

    /** Waits until the grant is confirmed and no DynamoDB call has been made for a while (the Stats additions come last). */
    private void awaitConfirmedAndQuiet(DynamoDbCallRecorder.Recording recording, String transactionId) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            var item = bench.item(bench.table("TransactionsTable"), "transactionId", transactionId);
            List<DynamoDbCall> calls = recording.calls();
            long quietFor = calls.isEmpty() ? 0 : (System.nanoTime() - calls.getLast().atNanos()) / 1_000_000;
            if (item != null && item.containsKey("grantId") && !item.containsKey("grantShard") && quietFor >= QUIET_MILLIS) return;
            sleep(20);
        }
        throw new IllegalStateException("The callback did not complete purchase " + transactionId + " within 15 s");
    }

    private void printCalls(List<BilledUnits.Bill> bills, int stored) {
        report.printf(Locale.ROOT, "%n### Every DynamoDB call of one purchase (%,d stored transactions)%n%n", stored);
        report.println("| # | step | function | call | table / index | key | what the write changed | item B | RRU | WRU table | WRU indexes |");
        report.println("|---|---|---|---|---|---|---|---|---|---|---|");
        int row = 0;
        for (BilledUnits.Bill bill : bills) {
            DynamoDbCall call = bill.call();
            report.printf(Locale.ROOT, "| %d | %s | %s | %s%s | %s | %s | %s | %,d | %s | %s | %s |%n", ++row, call.step(), call.function(),
                    call.operation(), call.consistentRead() ? " (strong)" : call.isWrite() ? "" : " (eventual)",
                    shortName(call.table()) + (call.index() == null ? "" : " / " + call.index()), key(call), change(call),
                    bill.itemBytes(), call.isWrite() ? "" : units(bill.readUnits()), call.isWrite() ? Integer.toString(bill.tableWriteUnits()) : "",
                    indexUnits(bill));
        }
        report.printf("%n| step | calls | RRU | WRU (table + indexes) |%n|---|---|---|---|%n");
        Map<String, List<BilledUnits.Bill>> bySteps = new LinkedHashMap<>();
        bills.forEach(bill -> bySteps.computeIfAbsent(bill.call().step(), s -> new ArrayList<>()).add(bill));
        bySteps.forEach((step, stepBills) -> report.printf(Locale.ROOT, "| %s | %d | %s | %d (%d + %d) |%n", step, stepBills.size(),
                units(readUnits(stepBills)), writeUnits(stepBills), stepBills.stream().mapToInt(PaymentCapacityBench::tableWrite).sum(),
                stepBills.stream().mapToInt(BilledUnits.Bill::indexWriteTotal).sum()));
        double rru = readUnits(bills);
        int wru = writeUnits(bills);
        report.printf(Locale.ROOT, "| **total** | %d | **%s** | **%d** (%d + %d) |%n", bills.size(), units(rru), wru,
                bills.stream().mapToInt(PaymentCapacityBench::tableWrite).sum(), bills.stream().mapToInt(BilledUnits.Bill::indexWriteTotal).sum());
        report.printf(Locale.ROOT, "%nTarget ≤ %d WRU + %s RRU: WRU %s, RRU %s.%n", TARGET_WRU, units(TARGET_RRU),
                wru <= TARGET_WRU ? "met" : "over by " + (wru - TARGET_WRU), rru <= TARGET_RRU ? "met" : "over by " + units(rru - TARGET_RRU));
        Map<String, Integer> byTable = new LinkedHashMap<>();
        bills.forEach(bill -> {
            if (bill.call().isWrite()) byTable.merge(shortName(bill.call().table()), bill.writeUnits(), Integer::sum);
        });
        report.println("WRU by table (table + its indexes): " + byTable);
        Map<String, Integer> byIndex = new LinkedHashMap<>();
        bills.forEach(bill -> bill.indexWriteUnits().forEach((index, u) -> byIndex.merge(shortName(bill.call().table()) + "/" + index, u, Integer::sum)));
        report.println("of which index writes: " + byIndex);
        double reported = bills.stream().filter(b -> b.call().reportedUnits() != null).mapToDouble(b -> b.call().reportedUnits()).sum();
        double computed = bills.stream().filter(b -> b.call().reportedUnits() != null)
                .mapToDouble(b -> b.call().isWrite() ? b.tableWriteUnits() : b.readUnits()).sum();
        long unreported = bills.stream().filter(b -> b.call().reportedUnits() == null).count();
        report.printf(Locale.ROOT, "Cross-check: dynalite reported %s table units for the %d calls it reported on; computed here for the same calls: %s"
                + " (%d failed conditional writes: dynalite reports none, DynamoDB bills them).%n", units(reported), bills.size() - unreported,
                units(computed), unreported);
    }

    /** Returns what must stay equal for the purchase to cost the same: each call's operation, table, index and units. */
    private static List<String> signature(List<BilledUnits.Bill> bills) {
        return bills.stream().map(b -> String.join("|", b.call().step(), b.call().operation(), b.call().table(), Objects.toString(b.call().index()),
                units(b.readUnits()), Integer.toString(b.tableWriteUnits()), b.indexWriteUnits().toString())).toList();
    }

    private static int tableWrite(BilledUnits.Bill bill) {
        return bill.call().isWrite() ? bill.tableWriteUnits() : 0;
    }

    static double readUnits(List<BilledUnits.Bill> bills) {
        return bills.stream().mapToDouble(BilledUnits.Bill::readUnits).sum();
    }

    static int writeUnits(List<BilledUnits.Bill> bills) {
        return bills.stream().filter(b -> b.call().isWrite()).mapToInt(BilledUnits.Bill::writeUnits).sum();
    }

    private static String indexUnits(BilledUnits.Bill bill) {
        if (bill.indexWriteUnits().isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        bill.indexWriteUnits().forEach((index, u) -> parts.add(index.replace("-index", "") + " " + u));
        return bill.indexWriteTotal() + " (" + String.join(", ", parts) + ")";
    }

    /** Returns the key without personal data: the phone masked, ids by their kind. */
    private String key(DynamoDbCall call) {
        if (call.key() == null || call.key().isEmpty()) {
            if (call.operation().equals("Query") && !call.returned().isEmpty()) return "by " + call.index().replace("-index", "");
            return "";
        }
        List<String> parts = new ArrayList<>();
        call.key().forEach((name, value) -> {
            String text = value.s() != null ? value.s() : value.n() != null ? value.n() : "?";
            text = UUID.matcher(JsonLogger.maskPhones(text)).replaceAll("<id>");
            if (Set.of("code", "sessionId").contains(name)) text = "<" + name + ">";
            parts.add(text.replaceAll("\\d{4}-\\d{2}-\\d{2}", "<day>").replaceAll("02:b0:00:00:[0-9a-f:]{5}", "<mac>"));
        });
        return String.join(" ", parts);
    }

    /** Returns which attributes a write added (+), changed (~) or removed (−), or that it made a new item. */
    private static String change(DynamoDbCall call) {
        if (!call.isWrite()) return call.operation().equals("GetItem") && call.returned().isEmpty() ? "(no item)" : "";
        if (call.failure() != null) return "condition failed: nothing written";
        if (call.before() == null) return "new item";
        Set<String> names = new TreeSet<>(call.before().keySet());
        names.addAll(call.after() == null ? Set.of() : call.after().keySet());
        Set<String> changes = new LinkedHashSet<>();
        for (String name : names) {
            AttributeValue old = call.before().get(name);
            AttributeValue now = call.after() == null ? null : call.after().get(name);
            if (old == null) changes.add("+" + name);
            else if (now == null) changes.add("−" + name);
            else if (!old.equals(now)) changes.add("~" + name);
        }
        return changes.isEmpty() ? "nothing" : String.join(" ", changes);
    }

    private static void expect(String status, JsonNode answer) {
        if (!status.equals(answer.path("status").asText())) throw new IllegalStateException("Expected " + status + ", got " + answer);
    }

    private static String shortName(String table) {
        return table.startsWith("local-") ? table.substring("local-".length()) : table;
    }

    /** Returns a phone for the n-th purchase: 2547110000nn, never a §10.2 scenario number. */
    static String phone(int n) {
        return String.format(Locale.ROOT, "2547110%05d", n);
    }

    static String units(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
