package com.wifibilling.core.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Counts business metrics and writes them as CloudWatch Embedded Metric Format lines on stdout (DESIGN §8):
 * no API call on the request path. Names come only from the catalogue in DESIGN §8; dimensions stay
 * low-cardinality ({@code service} always, plus one optional such as {@code resultCode}). {@link #flush()}
 * runs in {@code finally} at the end of every invocation. Thread-safe: the local runtime runs invocations
 * of one function concurrently.
 */
public final class Metrics {
    public static final String NAMESPACE = "WifiBilling";
    /** DESIGN §8, plus PayToOnlineMs named by the AWS issue and SmsSkipped (an SMS the operator switched off: not a failure). */
    public static final Set<String> CATALOGUE = Set.of("PaymentInitiated", "PaymentCompleted", "PaymentCancelled",
            "PaymentExpired", "PaymentFailed", "Revenue", "CallbackLatencyMs", "PayToActiveMs", "PayToOnlineMs",
            "ManualQueryFallback", "SweeperFinalized", "GrantRepaired", "SuspiciousCallback", "SessionsStarted",
            "VouchersGenerated", "VouchersRedeemed", "VoucherRedeemFailed", "LoginFailed", "Lockouts", "CoaSent",
            "CoaFailed", "CoaLatencyMs", "SmsSent", "SmsFailed", "SmsSkipped", "StatsDrift");
    private static final JsonFactory JSON = new JsonFactory();

    private record Series(String name, String unit, String dimension, String dimensionValue) {}

    private final String service;
    private final Clock clock;
    private final Consumer<String> sink;
    private final Map<Series, List<Double>> pending = new LinkedHashMap<>();

    public Metrics(String service, Clock clock, Consumer<String> sink) {
        this.service = service;
        this.clock = clock;
        this.sink = sink;
    }

    /** Returns metrics for a function that write to stdout, where Lambda's log agent picks EMF lines up. */
    public static Metrics forService(String service) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        return new Metrics(service, Clock.systemUTC(), out::println);
    }

    public void count(String name) {
        record(name, "Count", 1, null, null);
    }

    public void count(String name, String dimension, String value) {
        record(name, "Count", 1, dimension, value);
    }

    public void add(String name, double value) {
        record(name, "None", value, null, null);
    }

    public void milliseconds(String name, double value) {
        record(name, "Milliseconds", value, null, null);
    }

    private synchronized void record(String name, String unit, double value, String dimension, String dimensionValue) {
        if (!CATALOGUE.contains(name)) throw new IllegalArgumentException("Metric " + name + " is not in the DESIGN §8 catalogue");
        pending.computeIfAbsent(new Series(name, unit, dimension, dimensionValue), s -> new ArrayList<>()).add(value);
    }

    /** Writes what was recorded since the last flush, one EMF line per dimension set, and forgets it. */
    public void flush() {
        Map<String, Map<Series, List<Double>>> byDimension = new LinkedHashMap<>();
        synchronized (this) {
            if (pending.isEmpty()) return;
            pending.forEach((series, values) -> byDimension
                    .computeIfAbsent(series.dimension() + "=" + series.dimensionValue(), k -> new LinkedHashMap<>())
                    .put(series, values));
            pending.clear();
        }
        byDimension.values().forEach(group -> sink.accept(line(group)));
    }

    private String line(Map<Series, List<Double>> group) {
        Series first = group.keySet().iterator().next();
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", clock.millis());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", NAMESPACE);
            // Always per service, and with the optional dimension also per (service, dimension): alarms and the
            // dashboard read the service-level series (one per service, whatever the result codes were).
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            json.writeString("service");
            json.writeEndArray();
            if (first.dimension() != null) {
                json.writeStartArray();
                json.writeString("service");
                json.writeString(first.dimension());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Series series : group.keySet()) {
                json.writeStartObject();
                json.writeStringField("Name", series.name());
                json.writeStringField("Unit", series.unit());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField("service", service);
            if (first.dimension() != null) json.writeStringField(first.dimension(), first.dimensionValue());
            for (var entry : group.entrySet()) {
                List<Double> values = entry.getValue();
                if (entry.getKey().unit().equals("Count")) {
                    json.writeNumberField(entry.getKey().name(), values.size()); // counts add up
                } else if (values.size() == 1) {
                    json.writeNumberField(entry.getKey().name(), values.getFirst());
                } else {
                    json.writeArrayFieldStart(entry.getKey().name()); // EMF takes an array of samples
                    for (double v : values) json.writeNumber(v);
                    json.writeEndArray();
                }
            }
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toString();
    }
}
