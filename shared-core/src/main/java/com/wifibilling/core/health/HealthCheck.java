package com.wifibilling.core.health;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Returns the API's health (DESIGN §9): {@code ok} with 200 when every dependency answers, {@code unavailable}
 * with 503 when one does not (the API cannot serve), always with the version, start time, uptime and each
 * dependency's state and latency. Failures name the exception type only: health is public, details are not.
 */
public final class HealthCheck {
    private final List<DependencyProbe> probes;
    private final Clock clock;
    private final Instant startedAt;
    private final String version;

    public record DependencyState(String status, long latencyMs, String error) {}

    public record Report(String status, String version, Instant startedAt, long uptimeSeconds,
                         Map<String, DependencyState> dependencies) {
        public boolean healthy() {
            return status.equals("ok");
        }
    }

    public HealthCheck(List<DependencyProbe> probes, Clock clock) {
        this.probes = List.copyOf(probes);
        this.clock = clock;
        this.startedAt = clock.instant();
        this.version = buildVersion();
    }

    public Report check() {
        Map<String, DependencyState> states = new LinkedHashMap<>();
        boolean healthy = true;
        for (DependencyProbe probe : probes) {
            long start = System.nanoTime();
            String error = null;
            try {
                probe.check();
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName();
                healthy = false;
            }
            long latencyMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            states.put(probe.name(), new DependencyState(error == null ? "ok" : "down", latencyMs, error));
        }
        Instant now = clock.instant();
        return new Report(healthy ? "ok" : "unavailable", version, startedAt,
                Duration.between(startedAt, now).toSeconds(), states);
    }

    /** Returns the version Maven wrote into the build, or "dev" when run from an IDE without resources. */
    static String buildVersion() {
        try (InputStream in = HealthCheck.class.getResourceAsStream("/wifibilling-version.properties")) {
            if (in == null) return "dev";
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
