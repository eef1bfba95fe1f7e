package com.wifibilling.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.Mac;
import com.wifibilling.core.session.DeviceKey;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 2 of the payments issue (scripts/bench/callback-latency): from Daraja's success callback reaching
 * {@code POST /api/payment/callback/{token}} to the device's session being active, through the real local runtime:
 * the PaymentCallback function queues it on ElasticMQ, the local runtime's SQS poller hands it to CallbackProcessor,
 * which checks it, claims the transaction and writes {@code Sessions[deviceKey]} with the grant.
 *
 * <p>Each purchase is initiated over HTTP for a phone whose simulator scenario keeps the prompt open and sends no
 * callback; the bench settles the checkout as paid in the simulator (so a query would agree) and then POSTs the
 * callback body Daraja would send to the callback URL itself. t0 is taken just before that POST; the end is the
 * moment the PutItem that makes the session (with this grant) returns successfully, seen by
 * {@link DynamoDbCallRecorder} inside the processor's own DynamoDB client (no polling, so the bench adds no load
 * to dynalite). Sequential: one callback at a time, the next purchase prepared after the previous session is
 * active. Bursts: BURST_SIZE purchases prepared, then all their callbacks POSTed at once.
 */
public final class CallbackLatencyBench {
    private static final DateTimeFormatter TRANSACTION_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(BusinessDay.ZONE);
    private static final int PHONES = 10;
    private static final long TIMEOUT_SECONDS = 30;

    private final BenchRuntime bench;
    private final PrintStream report;
    private final Map<String, CompletableFuture<Long>> awaiting = new ConcurrentHashMap<>();
    private final String sessionsTable;
    private int purchases;

    CallbackLatencyBench(BenchRuntime bench, PrintStream report) {
        this.bench = bench;
        this.report = report;
        this.sessionsTable = bench.table("SessionsTable");
    }

    /** One purchase whose callback is ready to send. */
    private record Prepared(String deviceKey, URI callbackUrl, String body) {}

    /** One delivered callback: nanoseconds to the session being active, and to the intake's 200. */
    record Sample(long activeNanos, long answeredNanos) {}

    /** A run's samples and the processor's own EMF figures over the same span. */
    record Run(String name, List<Sample> samples, Map<String, List<Double>> emitted) {}

    /** {@code args}: [SEQUENTIAL] [BURSTS] [BURST_SIZE] [--warm-up N]; defaults 1000 20 50, warm-up 20. */
    public static void main(String[] args) {
        List<Integer> numbers = new ArrayList<>();
        int warmUp = 20;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--warm-up")) warmUp = Integer.parseInt(args[++i]);
            else numbers.add(Integer.parseInt(args[i].replace("_", "")));
        }
        int sequential = numbers.size() > 0 ? numbers.get(0) : 1000;
        int bursts = numbers.size() > 1 ? numbers.get(1) : 20;
        int burstSize = numbers.size() > 2 ? numbers.get(2) : 50;
        PrintStream report = BenchOutput.takeStdout();
        try (var bench = BenchRuntime.start(BenchOutput.RUNTIME_OPTIONS)) {
            new CallbackLatencyBench(bench, report).run(sequential, bursts, burstSize, warmUp, Optional.ofNullable(System.getProperty("bench.log")).map(Path::of));
        }
        System.exit(0); // the runtime's non-daemon threads (ElasticMQ) must not hold the bench open
    }

    /** Returns the sequential run and the burst run, after printing them; {@code log} is where the runtime's EMF lines go, if known. */
    List<Run> run(int sequential, int bursts, int burstSize, int warmUp, Optional<Path> log) {
        report.printf(Locale.ROOT, "Callback received → session active (%s)%n", BenchOutput.machine());
        for (int p = 1; p <= PHONES; p++) bench.scenario(phone(p), BenchRuntime.SILENT_SCENARIO);
        List<Run> runs = new ArrayList<>();
        try (var recording = DynamoDbCallRecorder.open(bench.runtime.dynamoDbEndpoint(), bench.keyAttributes(), false, this::sessionWritten)) {
            for (int i = 0; i < warmUp; i++) deliver(prepare());
            sleep(200); // the warm-up's last metrics flush
            long from = size(log);
            List<Sample> one = new ArrayList<>();
            for (int i = 0; i < sequential; i++) one.add(deliver(prepare()));
            runs.add(new Run("sequential, one callback at a time", one, emitted(log, from)));
            from = size(log);
            List<Sample> burst = new ArrayList<>();
            for (int b = 0; b < bursts; b++) burst.addAll(burst(burstSize));
            runs.add(new Run("bursts of " + burstSize + " callbacks sent at once (" + bursts + " bursts)", burst, emitted(log, from)));
            recording.clear();
        }
        print(runs);
        return runs;
    }

    private void sessionWritten(DynamoDbCall call) {
        if (!call.operation().equals("PutItem") || call.failure() != null || !sessionsTable.equals(call.table()) || call.after() == null) return;
        var future = awaiting.get(call.after().get("deviceKey").s());
        if (future != null) future.complete(call.atNanos());
    }

    /** Initiates a purchase (pending: the prompt stays open) and settles its checkout as paid, without its callback. */
    private Prepared prepare() {
        int n;
        synchronized (this) {
            n = ++purchases;
        }
        String mac = String.format(Locale.ROOT, "02:c0:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
        JsonNode initiated = bench.initiate(phone(1 + n % PHONES), mac);
        if (!"pending".equals(initiated.path("status").asText())) throw new IllegalStateException("Expected pending: " + initiated);
        JsonNode checkout = bench.settlePaid(initiated.get("checkoutRequestId").asText());
        long transactionDate = Long.parseLong(TRANSACTION_DATE.format(Instant.now()));
        return new Prepared(new DeviceKey("default", Mac.parse(mac)).value(), URI.create(checkout.get("callBackUrl").asText()),
                BenchRuntime.successCallback(checkout, transactionDate));
    }

    /** POSTs the callback and returns how long until its session was written and until the intake answered. */
    private Sample deliver(Prepared prepared) {
        var active = new CompletableFuture<Long>();
        awaiting.put(prepared.deviceKey(), active);
        long t0 = System.nanoTime();
        var answer = BenchRuntime.send("POST", prepared.callbackUrl(), prepared.body(), "Content-Type", "application/json");
        long answered = System.nanoTime();
        if (answer.statusCode() != 200) throw new IllegalStateException("The callback intake answered " + answer.statusCode() + ": " + answer.body());
        try {
            long at = active.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Sample(at - t0, answered - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("No session for " + prepared.deviceKey() + " within " + TIMEOUT_SECONDS + " s", e);
        } finally {
            awaiting.remove(prepared.deviceKey());
        }
    }

    private List<Sample> burst(int size) {
        List<Prepared> ready = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<Prepared>> preparing = new ArrayList<>();
            for (int i = 0; i < size; i++) preparing.add(pool.submit(this::prepare));
            for (Future<Prepared> p : preparing) ready.add(p.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Preparing a burst failed", e.getCause());
        }
        sleep(500); // the initiates' tails (nothing of theirs touches the callback queue) settle first
        var start = new CountDownLatch(1);
        List<Sample> samples = new ArrayList<>();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Sample>> sent = new ArrayList<>();
            for (Prepared prepared : ready) sent.add(senders.submit(() -> {
                start.await();
                return deliver(prepared);
            }));
            start.countDown();
            for (Future<Sample> s : sent) samples.add(s.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A burst callback failed", e.getCause());
        }
        return samples;
    }

    private void print(List<Run> runs) {
        report.printf("%n| run | callbacks | p50 | p90 | p99 | max | mean | intake's 200 p50 / p99 |%n|---|---|---|---|---|---|---|---|%n");
        for (Run run : runs) {
            List<Long> active = run.samples().stream().map(Sample::activeNanos).sorted().toList();
            List<Long> answered = run.samples().stream().map(Sample::answeredNanos).sorted().toList();
            report.printf(Locale.ROOT, "| %s | %,d | **%s** | %s | **%s** | %s | %s | %s / %s |%n", run.name(), active.size(), ms(percentile(active, 0.50)),
                    ms(percentile(active, 0.90)), ms(percentile(active, 0.99)), ms(active.getLast()),
                    ms(Math.round(active.stream().mapToLong(Long::longValue).average().orElse(0))),
                    ms(percentile(answered, 0.50)), ms(percentile(answered, 0.99)));
        }
        if (runs.stream().allMatch(run -> run.emitted().isEmpty())) return;
        report.printf("%nWhat the processor's own EMF metrics said over the same callbacks (ms):%n%n| run | metric | samples | p50 | p99 | max |%n|---|---|---|---|---|---|%n");
        for (Run run : runs) {
            run.emitted().forEach((name, values) -> {
                List<Long> sorted = values.stream().map(v -> Math.round(v * 1_000_000)).sorted().toList();
                report.printf(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s |%n", run.name(), name, sorted.size(), ms(percentile(sorted, 0.5)),
                        ms(percentile(sorted, 0.99)), ms(sorted.getLast()));
            });
        }
    }

    /** Returns the nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) return 0;
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
    }

    private static long size(Optional<Path> log) {
        try {
            return log.isPresent() ? Files.size(log.get()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern EMF_SAMPLES = Pattern.compile("\"(CallbackLatencyMs|PayToActiveMs)\":(\\[[^\\]]*\\]|[0-9.]+)");

    /** Returns the samples of CallbackLatencyMs and PayToActiveMs the functions printed since byte {@code from} of the log. */
    private static Map<String, List<Double>> emitted(Optional<Path> log, long from) {
        if (log.isEmpty()) return Map.of();
        sleep(200); // the last invocation's flush
        Map<String, List<Double>> samples = new java.util.TreeMap<>();
        try {
            byte[] all = Files.readAllBytes(log.get());
            String text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
            Matcher m = EMF_SAMPLES.matcher(text);
            while (m.find()) {
                List<Double> values = samples.computeIfAbsent(m.group(1), k -> new ArrayList<>());
                for (String v : m.group(2).replaceAll("[\\[\\]]", "").split(",")) if (!v.isBlank()) values.add(Double.parseDouble(v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    private static String phone(int p) {
        return String.format(Locale.ROOT, "2547120%05d", p);
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
