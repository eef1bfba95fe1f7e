package com.wifibilling.local.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Africa's Talking SMS API (docs/SMS.md): the JDK's HTTP server on a free loopback port.
 * {@code POST /version1/messaging} takes AT's form ({@code username}, {@code to}, {@code message}, optional
 * {@code from}) with the {@code apiKey} header and answers AT's JSON ({@code SMSMessageData.Recipients[]} with
 * {@code statusCode}, {@code status}, {@code number}, {@code cost}, {@code messageId}); a wrong key gets AT's 401.
 * Scenario numbers: {@value #INVALID_NUMBER} is refused as 403 InvalidPhoneNumber and {@value #BLACKLISTED} as
 * 406 UserInBlacklist; {@code POST /simulator/sms/outage?count=N} makes the next N sends answer 503.
 * {@code GET /simulator/sms/messages[?to=2547…]} lists what was accepted ({@code {"items":[{to, from, message, at,
 * messageId}]}}, oldest first) and {@code POST /simulator/sms/reset} forgets it. Thread-safe.
 */
public final class SmsSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmsSimulator.class);
    /** The local runtime's AT username and API key: fixed local values, accepted by this simulator only. */
    public static final String LOCAL_USERNAME = "sandbox";
    public static final String LOCAL_API_KEY = "local-sms-api-key";
    public static final String INVALID_NUMBER = "254799000403";
    public static final String BLACKLISTED = "254799000406";
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final Clock clock;
    private final List<SentSms> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger outages = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();

    private SmsSimulator(HttpServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
        server.createContext("/version1/messaging", this::messaging);
        server.createContext("/simulator/sms/", this::control);
        server.setExecutor(requests);
    }

    /** Returns a running simulator on a free loopback port. */
    public static SmsSimulator start(Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the SMS simulator's port", e);
        }
        SmsSimulator simulator = new SmsSimulator(server, clock);
        server.start();
        log.atInfo().addKeyValue("port", simulator.port()).log("sms.simulator.started");
        return simulator;
    }

    /** Returns {@code http://127.0.0.1:<port>}: what {@code SMS_PROVIDER_URL} points at locally. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns the messages accepted for {@code to} ({@code 2547…}; null: all), oldest first. */
    public List<SentSms> messages(String to) {
        return sent.stream().filter(sms -> to == null || sms.to().equals(to)).toList();
    }

    /** Makes the next {@code count} sends answer 503, as an Africa's Talking outage would. */
    public void outage(int count) {
        outages.set(count);
    }

    public void reset() {
        sent.clear();
        outages.set(0);
    }

    private void messaging(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                text(exchange, 405, "Method not allowed");
                return;
            }
            Map<String, String> form = form(new String(body(exchange), StandardCharsets.UTF_8));
            if (!LOCAL_API_KEY.equals(exchange.getRequestHeaders().getFirst("apiKey")) || !LOCAL_USERNAME.equals(form.get("username"))) {
                text(exchange, 401, "The supplied authentication is invalid");
                return;
            }
            String message = form.get("message");
            String to = form.getOrDefault("to", "").strip();
            if (message == null || message.isEmpty() || to.isEmpty()) {
                text(exchange, 400, "Missing required fields: to, message");
                return;
            }
            if (outages.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                text(exchange, 503, "Service Unavailable");
                return;
            }
            String msisdn = to.startsWith("+") ? to.substring(1) : to;
            Map<String, Object> recipient = new LinkedHashMap<>();
            if (msisdn.equals(INVALID_NUMBER) || !msisdn.matches("254[17]\\d{8}")) {
                recipient.putAll(Map.of("statusCode", 403, "status", "InvalidPhoneNumber", "cost", "0", "messageId", "None"));
            } else if (msisdn.equals(BLACKLISTED)) {
                recipient.putAll(Map.of("statusCode", 406, "status", "UserInBlacklist", "cost", "0", "messageId", "None"));
            } else {
                String id = "ATXid_local" + ids.incrementAndGet();
                String cost = String.format(java.util.Locale.ROOT, "KES %.4f", 0.8 * parts(message));
                sent.add(new SentSms(msisdn, form.get("from"), message, clock.instant(), id));
                recipient.putAll(Map.of("statusCode", 101, "status", "Success", "cost", cost, "messageId", id, "messageParts", parts(message)));
            }
            recipient.put("number", to);
            boolean ok = recipient.get("statusCode").equals(101);
            String summary = ok ? "Sent to 1/1 Total Cost: " + recipient.get("cost") : "Sent to 0/1 Total Cost: 0";
            json(exchange, 201, Map.of("SMSMessageData", Map.of("Message", summary, "Recipients", List.of(recipient))));
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
            switch (exchange.getRequestMethod() + " " + path) {
                case "GET /simulator/sms/messages" -> {
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (SentSms sms : messages(query.get("to"))) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("to", sms.to());
                        item.put("from", sms.from());
                        item.put("message", sms.message());
                        item.put("at", sms.at().toString());
                        item.put("messageId", sms.messageId());
                        items.add(item);
                    }
                    json(exchange, 200, Map.of("items", items));
                }
                case "POST /simulator/sms/reset" -> {
                    reset();
                    json(exchange, 200, Map.of("reset", true));
                }
                case "POST /simulator/sms/outage" -> {
                    int count;
                    try {
                        count = Integer.parseInt(query.getOrDefault("count", "1"));
                    } catch (NumberFormatException notANumber) {
                        count = -1;
                    }
                    if (count < 0 || count > 1000) {
                        json(exchange, 400, Map.of("error", Map.of("code", "INVALID_COUNT", "message", "count is 0 to 1000")));
                        return;
                    }
                    outage(count);
                    json(exchange, 200, Map.of("outage", count));
                }
                default -> json(exchange, 404, Map.of("error", Map.of("code", "NOT_FOUND", "message", "No such simulator endpoint")));
            }
        }
    }

    /** Returns how many SMS a text takes (153 characters a part once it needs more than one). */
    private static int parts(String message) {
        return message.length() <= 160 ? 1 : (message.length() + 152) / 153;
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        return body;
    }

    /** Returns a form's (or query's) fields, decoded; a repeated name keeps its first value. */
    private static Map<String, String> form(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw.isEmpty()) return fields;
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
    }
}
