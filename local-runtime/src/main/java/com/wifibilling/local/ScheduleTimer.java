package com.wifibilling.local;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays EventBridge for one function's {@code Schedule} event: every period (scaled for tests by
 * {@code --schedule-scale}) it invokes the function with a {@link ScheduledEvent} shaped as EventBridge sends
 * it (source {@code aws.events}, detail-type {@code Scheduled Event}, the rule's ARN, an empty detail). A run
 * never overlaps the previous one: a slow sweeper delays the next tick instead of piling up invocations.
 */
final class ScheduleTimer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScheduleTimer.class);

    private final FunctionHost function;
    private final String ruleArn;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    private ScheduleTimer(FunctionHost function, String ruleArn, Clock clock) {
        this.function = function;
        this.ruleArn = ruleArn;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("schedule-" + function.name()).factory());
    }

    static ScheduleTimer start(FunctionHost function, ScheduleRate rate, double scale, int index) {
        String rule = "arn:aws:events:" + LocalResources.REGION + ":" + LocalResources.ACCOUNT_ID + ":rule/local-"
                + function.name() + "-schedule-" + index;
        var timer = new ScheduleTimer(function, rule, Clock.systemUTC());
        Duration period = rate.scaled(scale);
        timer.executor.scheduleWithFixedDelay(timer::tick, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        log.atInfo().addKeyValue("function", function.name()).addKeyValue("everyMs", period.toMillis()).log("local.schedule.started");
        return timer;
    }

    /** Returns the event EventBridge would send now. */
    ScheduledEvent event() {
        var event = new ScheduledEvent();
        event.setId(UUID.randomUUID().toString());
        event.setDetailType("Scheduled Event");
        event.setSource("aws.events");
        event.setAccount(LocalResources.ACCOUNT_ID);
        event.setRegion(LocalResources.REGION);
        event.setTime(new DateTime(clock.millis(), DateTimeZone.UTC));
        event.setResources(List.of(ruleArn));
        event.setDetail(Map.of());
        return event;
    }

    private void tick() {
        try {
            function.invoke(event());
        } catch (FunctionHost.InvocationFailure e) {
            // FunctionHost logged it; EventBridge would retry, the next tick is our retry
        } catch (RuntimeException e) {
            log.atError().addKeyValue("function", function.name()).setCause(e).log("local.schedule.failed");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
