package com.wifibilling.local.daraja;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing JSON answers on the JDK server, for the Daraja endpoints and the control endpoints alike. */
final class HttpExchanges {
    /** Larger bodies are cut here: Daraja's requests are well under 2 KB, so a cut body fails to parse, as it should. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private HttpExchanges() {}

    static byte[] body(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream()); // drain the rest so the connection stays usable
        return body;
    }

    /** Returns the query parameters, percent-decoded; a repeated name keeps its first value. */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) return params;
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** Sends {@code status} with {@code json} as the body ({@code application/json}); an empty text sends no body at all. */
    static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // a stray '%' stays as sent; the grant_type check then fails as it would at Daraja
        }
    }
}
