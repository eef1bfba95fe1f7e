package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.config.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTimerTest {
    @Test
    void rateExpressionsGiveTheirPeriods() {
        assertEquals(Duration.ofMinutes(1), ScheduleRate.parse("rate(1 minute)").period());
        assertEquals(Duration.ofMinutes(5), ScheduleRate.parse("rate(5 minutes)").period());
        assertEquals(Duration.ofHours(1), ScheduleRate.parse("rate(1 hour)").period());
        assertEquals(Duration.ofDays(2), ScheduleRate.parse("rate(2 days)").period());
        assertEquals(Duration.ofMillis(600), ScheduleRate.parse("rate(1 minute)").scaled(0.01));
    }

    @Test
    void expressionsEventBridgeWouldRefuseAreRefused() {
        for (String bad : List.of("rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "cron(0 12 * * ? *)", "every minute"))
            assertThrows(ConfigException.class, () -> ScheduleRate.parse(bad), bad);
    }

    @Test
    void scheduledFunctionIsInvokedRepeatedlyWithAnEventBridgeEvent() throws Exception {
        RecordingScheduledHandler.EVENTS.clear();
        try (var runtime = TestRuntimes.start("--template", TestRuntimes.testTemplate("schedule-test.yaml").toString(),
                "--schedule-scale", "0.005")) { // one minute → 0.3 s
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (RecordingScheduledHandler.EVENTS.size() < 3 && System.nanoTime() < deadline) Thread.sleep(50);
        }
        var events = List.copyOf(RecordingScheduledHandler.EVENTS);
        assertTrue(events.size() >= 3, "invoked " + events.size() + " times");
        var first = events.getFirst();
        assertEquals("aws.events", first.getSource());
        assertEquals("Scheduled Event", first.getDetailType());
        assertTrue(first.getResources().getFirst().startsWith("arn:aws:events:af-south-1:"));
        assertTrue(!first.getTime().isAfter(events.get(1).getTime()), "ticks come in order");
        int afterClose = RecordingScheduledHandler.EVENTS.size();
        Thread.sleep(700);
        assertEquals(afterClose, RecordingScheduledHandler.EVENTS.size(), "no ticks after the runtime stopped");
    }
}
