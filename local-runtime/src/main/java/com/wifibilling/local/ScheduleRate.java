package com.wifibilling.local;

import com.wifibilling.core.config.ConfigException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Returns the period of an EventBridge {@code rate(…)} expression, the only schedule form the template uses
 * ({@code rate(1 minute)}, {@code rate(5 minutes)}, {@code rate(1 hour)}, {@code rate(2 days)}). EventBridge wants
 * the singular unit for 1 and the plural otherwise; the local runtime is as strict, so a template that AWS would
 * refuse fails here first. {@code cron(…)} is not run locally and is refused with a message saying so.
 */
record ScheduleRate(Duration period) {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    static ScheduleRate parse(String expression) {
        Matcher m = RATE.matcher(expression.strip());
        if (!m.matches())
            throw new ConfigException("Schedule " + expression + ": the local runtime runs rate(N unit) schedules only");
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (value < 1 || (value == 1) != !unit.endsWith("s"))
            throw new ConfigException("Schedule " + expression + ": use the singular unit for 1 and the plural otherwise");
        Duration one = switch (unit) {
            case "minute", "minutes" -> Duration.ofMinutes(1);
            case "hour", "hours" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
        return new ScheduleRate(one.multipliedBy(value));
    }

    /** Returns the period multiplied by {@code scale} (tests run a one-minute schedule every 0.6 s with 0.01). */
    Duration scaled(double scale) {
        return Duration.ofNanos(Math.max(1_000_000L, (long) (period.toNanos() * scale)));
    }
}
