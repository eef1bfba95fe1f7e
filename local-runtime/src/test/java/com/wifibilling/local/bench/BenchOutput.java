package com.wifibilling.local.bench;

import com.wifibilling.core.log.JsonLogger;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** Where a benchmark's report and the runtime's log lines go, and the facts a figure is quoted with. */
final class BenchOutput {
    /**
     * The run-local options both benchmarks use: Daraja's delays ×0.05 (initiate's inline queries wait 100 ms, not
     * 2 s; the phones' scenario keeps the prompt open anyway), and every schedule 1,000× slower (the sweeper's minute becomes 16.7 h), so the sweeper
     * (a separate function in AWS) never runs during a measurement.
     */
    static final String[] RUNTIME_OPTIONS = {"--daraja-time-scale", "0.05", "--schedule-scale", "1000"};

    private BenchOutput() {}

    /**
     * Returns a stream on the real stdout for the report, and sends everything else printed to stdout (the
     * runtime's JSON log lines and EMF metrics) to the file named by {@code -Dbench.log} (or a temporary one).
     */
    static PrintStream takeStdout() {
        PrintStream report = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        try {
            Path log = System.getProperty("bench.log") != null ? Path.of(System.getProperty("bench.log"))
                    : Files.createTempFile("bench-runtime-", ".log");
            var logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
            System.setOut(logStream);
            JsonLogger.output(logStream);
            report.println("runtime log: " + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report;
    }

    /** Returns the date, cores, memory and JVM a figure was measured with. */
    static String machine() {
        long memoryGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 30;
        return String.format(Locale.ROOT, "%s, %d cores, %d GiB, Java %s", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                memoryGiB + 1, Runtime.version());
    }
}
