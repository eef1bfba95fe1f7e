package com.wifibilling.local.daraja;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Daraja requests the simulator answered, newest first, for {@code GET /simulator/requests} (contracts/daraja.md
 * §10.3): the last {@value #CAPACITY}. What authenticates is masked before it is kept — the Authorization
 * credentials, the Password field, and the access token in OAuth answers — so the log can be shown whole.
 */
final class RequestLog {
    static final int CAPACITY = 1000;
    static final String MASK = "****";
    private static final Pattern PASSWORD_IN_TEXT = Pattern.compile("(\"Password\"\\s*:\\s*\")[^\"]*\"");
    private static final Pattern TOKEN_IN_TEXT = Pattern.compile("(\"access_token\"\\s*:\\s*\")[^\"]*\"");

    private final ArrayDeque<Map<String, Object>> entries = new ArrayDeque<>(); // guarded by this; newest first

    /** Keeps one answered request, masked. */
    void record(Instant at, String method, String pathAndQuery, String authorization, byte[] body, int status, String response) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", at);
        entry.put("method", method);
        entry.put("path", pathAndQuery);
        if (authorization != null) entry.put("authorization", maskedAuthorization(authorization));
        entry.put("body", masked(new String(body, StandardCharsets.UTF_8), "Password", PASSWORD_IN_TEXT));
        entry.put("status", status);
        entry.put("response", masked(response, "access_token", TOKEN_IN_TEXT));
        synchronized (this) {
            entries.addFirst(entry);
            if (entries.size() > CAPACITY) entries.removeLast();
        }
    }

    /** Returns up to {@code limit} entries, newest first. */
    synchronized List<Map<String, Object>> newestFirst(int limit) {
        List<Map<String, Object>> out = new ArrayList<>(Math.min(limit, entries.size()));
        for (Iterator<Map<String, Object>> it = entries.iterator(); it.hasNext() && out.size() < limit; ) out.add(it.next());
        return out;
    }

    synchronized void clear() {
        entries.clear();
    }

    /** Returns the scheme with its credentials masked: {@code Bearer ****}, {@code Basic ****}. */
    private static String maskedAuthorization(String authorization) {
        int space = authorization.indexOf(' ');
        return space < 0 ? MASK : authorization.substring(0, space) + ' ' + MASK;
    }

    /**
     * Returns the text as JSON with {@code field} masked when it is a JSON object, else the text itself with the
     * field masked by pattern (a malformed body may still carry it). Empty stays empty.
     */
    private static Object masked(String text, String field, Pattern inText) {
        if (text.isEmpty()) return text;
        try {
            JsonNode json = Json.MAPPER.readTree(text);
            if (json instanceof ObjectNode object && object.has(field)) object.put(field, MASK);
            if (json != null) return json;
        } catch (IOException notJson) {
            // kept as text, below
        }
        return inText.matcher(text).replaceAll("$1" + MASK + "\"");
    }
}
