package com.wifibilling.core.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * Writes each event as one JSON line on stdout (DESIGN §8): {@code time}, {@code level}, {@code logger},
 * {@code message}, the MDC (request id, function, cold start, service, set by {@code Api.respond}), the
 * event's key-value pairs, and {@code error} with the stack for failures. Phone numbers that slip into a
 * message or value are masked on the way out ({@code 2547****5678}) as a last line of defence.
 */
public final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private static final Map<String, JsonLogger> LOGGERS = new ConcurrentHashMap<>();
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern MSISDN = Pattern.compile("(?<!\\d)(2547|2541|\\+2547|\\+2541|07|01)(\\d{4})(\\d{4})(?!\\d)");
    private static final int MAX_STACK_LINES = 25;
    private static volatile Level minimum = Level.INFO;
    private static volatile PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private JsonLogger(String name) {
        this.name = name;
    }

    static JsonLogger forName(String name) {
        return LOGGERS.computeIfAbsent(name, JsonLogger::new);
    }

    /** Sets the least severe level written (INFO by default; libraries' loggers always start at WARN). */
    public static void minimumLevel(Level level) {
        minimum = level;
    }

    /** Redirects output; for tests that read what was logged. */
    public static void output(PrintStream stream) {
        out = stream;
    }

    /** Returns {@code text} with anything shaped like a Kenyan mobile number masked. */
    public static String maskPhones(String text) {
        return text == null ? null : MSISDN.matcher(text).replaceAll("$1****$3");
    }

    /** Our own events at the configured level; libraries (AWS SDK, ElasticMQ, Pekko) only from WARN up. */
    private boolean enabled(Level level) {
        Level threshold = !name.startsWith("com.wifibilling.") && minimum.toInt() < Level.WARN.toInt() ? Level.WARN : minimum;
        return level.toInt() >= threshold.toInt();
    }

    @Override public boolean isTraceEnabled() { return enabled(Level.TRACE); }
    @Override public boolean isDebugEnabled() { return enabled(Level.DEBUG); }
    @Override public boolean isInfoEnabled() { return enabled(Level.INFO); }
    @Override public boolean isWarnEnabled() { return enabled(Level.WARN); }
    @Override public boolean isErrorEnabled() { return enabled(Level.ERROR); }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable error) {
        write(level, MessageFormatter.basicArrayFormat(pattern, arguments), Map.of(), error);
    }

    @Override
    public void log(LoggingEvent event) {
        if (!enabled(event.getLevel())) return;
        Map<String, Object> pairs = new java.util.LinkedHashMap<>();
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) pairs.put(pair.key, pair.value);
        }
        Object[] arguments = event.getArgumentArray();
        String message = arguments == null || arguments.length == 0 ? event.getMessage()
                : MessageFormatter.basicArrayFormat(event.getMessage(), arguments);
        write(event.getLevel(), message, pairs, event.getThrowable());
    }

    private void write(Level level, String message, Map<String, Object> pairs, Throwable error) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("time", Instant.now().toString());
            json.writeStringField("level", level.name());
            json.writeStringField("logger", name);
            json.writeStringField("message", maskPhones(message));
            Map<String, String> context = MDC.getCopyOfContextMap();
            if (context != null) {
                for (var entry : context.entrySet()) json.writeStringField(entry.getKey(), entry.getValue());
            }
            for (var pair : pairs.entrySet()) writeValue(json, pair.getKey(), pair.getValue());
            if (error != null) {
                json.writeObjectFieldStart("error");
                json.writeStringField("type", error.getClass().getName());
                json.writeStringField("message", maskPhones(String.valueOf(error.getMessage())));
                StringWriter stack = new StringWriter();
                error.printStackTrace(new PrintWriter(stack));
                json.writeStringField("stack", maskPhones(shortened(stack.toString())));
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException impossible) {
            return; // a StringWriter does not fail
        }
        out.println(line); // one println per event: lines from concurrent invocations never interleave
    }

    /** Keeps the frames that locate a failure; the framework frames below them add kilobytes, not insight. */
    private static String shortened(String stack) {
        String[] lines = stack.split("\n");
        if (lines.length <= MAX_STACK_LINES) return stack;
        return String.join("\n", java.util.Arrays.copyOf(lines, MAX_STACK_LINES)) + "\n\t… " + (lines.length - MAX_STACK_LINES) + " more lines";
    }

    private static void writeValue(JsonGenerator json, String key, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNullField(key);
            case Integer i -> json.writeNumberField(key, i);
            case Long l -> json.writeNumberField(key, l);
            case Double d -> json.writeNumberField(key, d);
            case Boolean b -> json.writeBooleanField(key, b);
            default -> json.writeStringField(key, maskPhones(String.valueOf(value)));
        }
    }
}
