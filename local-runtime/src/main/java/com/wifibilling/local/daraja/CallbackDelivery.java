package com.wifibilling.local.daraja;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One attempt to POST a callback (contracts/daraja.md §10.3): where, what, and what came back. {@code httpStatus}
 * is 0 and {@code error} says why when no answer came (refused connection, timeout).
 */
record CallbackDelivery(int attempt, Instant at, String url, String body, int httpStatus, String responseBody, long durationMs,
                        String error) {
    boolean succeeded() {
        return error == null && httpStatus >= 200 && httpStatus < 300;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attempt", attempt);
        json.put("at", at);
        json.put("url", url);
        json.put("body", body);
        json.put("httpStatus", httpStatus);
        json.put("responseBody", responseBody);
        json.put("durationMs", durationMs);
        if (error != null) json.put("error", error);
        return json;
    }
}
