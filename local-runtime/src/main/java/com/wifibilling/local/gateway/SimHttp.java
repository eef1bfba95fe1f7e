package com.wifibilling.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading forms and writing answers on the JDK server, for the hotspot pages and the control endpoints. */
final class SimHttp {
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private SimHttp() {}

    /** Returns the query's fields, then a form body's ({@code application/x-www-form-urlencoded}); the first value of a name wins. */
    static Map<String, String> fields(HttpExchange exchange) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        parse(exchange.getRequestURI().getRawQuery(), fields);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (exchange.getRequestMethod().equals("POST") && type != null && type.startsWith("application/x-www-form-urlencoded"))
            parse(new String(body(exchange), StandardCharsets.UTF_8), fields);
        return fields;
    }

    static byte[] body(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        return body;
    }

    private static void parse(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) return;
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            into.putIfAbsent(decode(equals < 0 ? pair : pair.substring(0, equals)), equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", Json.write(body));
    }

    static void html(HttpExchange exchange, int status, String page) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", page);
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    static String escape(String text) {
        if (text == null) return "";
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
