package com.wifibilling.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs both payment benchmarks at a tiny size, so a change that breaks them fails the build rather than the next
 * benchmark run; the figures themselves come from scripts/bench at full size (docs/PERFORMANCE.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentBenchesSmokeTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
    private BenchRuntime bench;

    @BeforeAll
    void start() {
        bench = BenchRuntime.start(BenchOutput.RUNTIME_OPTIONS);
    }

    @AfterAll
    void stop() {
        bench.close();
    }

    @Test
    void aPurchaseCostsTheSameUnitsWithMoreStoredTransactions() {
        List<List<BilledUnits.Bill>> runs = new PaymentCapacityBench(bench, NOWHERE).run(List.of(5, 60), 2);
        assertEquals(2, runs.size());
        List<BilledUnits.Bill> first = runs.getFirst();
        assertTrue(first.stream().anyMatch(b -> b.call().operation().equals("PutItem") && b.call().table().endsWith("-Sessions")),
                "the grant wrote the session");
        assertTrue(PaymentCapacityBench.writeUnits(first) > 0 && PaymentCapacityBench.readUnits(first) > 0);
        assertEquals(PaymentCapacityBench.writeUnits(first), PaymentCapacityBench.writeUnits(runs.get(1)));
        assertEquals(PaymentCapacityBench.readUnits(first), PaymentCapacityBench.readUnits(runs.get(1)));
    }

    @Test
    void everyCallbackTimedEndsInAnActiveSession() {
        var runs = new CallbackLatencyBench(bench, NOWHERE).run(2, 1, 2, 0, Optional.empty());
        assertEquals(List.of(2, 2), runs.stream().map(run -> run.samples().size()).toList());
        runs.forEach(run -> run.samples().forEach(sample ->
                assertTrue(sample.activeNanos() > 0 && sample.activeNanos() < 30_000_000_000L, sample.toString())));
    }
}
