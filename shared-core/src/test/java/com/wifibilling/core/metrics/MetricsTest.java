package com.wifibilling.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private final List<String> lines = new ArrayList<>();
    private final Metrics metrics = new Metrics("payment", Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), lines::add);

    @Test
    void flushWritesOneEmfDocumentPerDimensionSet() throws Exception {
        metrics.count("PaymentCompleted");
        metrics.count("PaymentCompleted");
        metrics.add("Revenue", 50);
        metrics.count("PaymentFailed", "resultCode", "1032");
        metrics.flush();
        assertEquals(2, lines.size());
        var plain = new ObjectMapper().readTree(lines.get(0));
        assertEquals("WifiBilling", plain.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals(1795600800000L, plain.at("/_aws/Timestamp").asLong());
        assertEquals(2, plain.get("PaymentCompleted").asInt());
        assertEquals(50, plain.get("Revenue").asInt());
        assertEquals("payment", plain.get("service").asText());
        var failed = new ObjectMapper().readTree(lines.get(1));
        assertEquals("1032", failed.get("resultCode").asText());
        assertEquals("[[\"service\"],[\"service\",\"resultCode\"]]", failed.at("/_aws/CloudWatchMetrics/0/Dimensions").toString(),
                "per service (what alarms read) and per service and result code");
        assertEquals("[[\"service\"]]", plain.at("/_aws/CloudWatchMetrics/0/Dimensions").toString());
    }

    @Test
    void nothingRecordedWritesNothingAndFlushForgets() {
        metrics.flush();
        metrics.count("SessionsStarted");
        metrics.flush();
        metrics.flush();
        assertEquals(1, lines.size());
    }

    @Test
    void namesOutsideTheCatalogueAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> metrics.count("PaymentsDone"));
    }

    @Test
    void concurrentCountsAreAllKept() throws Exception {
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 800; i++) pool.submit(() -> metrics.count("CoaSent"));
        }
        metrics.flush();
        assertEquals(800, new ObjectMapper().readTree(lines.getFirst()).get("CoaSent").asInt());
    }
}
