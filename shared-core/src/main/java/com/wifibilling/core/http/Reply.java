package com.wifibilling.core.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: a status, a body serialized as JSON (or none), and any extra headers. */
public record Reply(int status, Object body, Map<String, String> headers) {
    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply ok(Object body) {
        return new Reply(200, body, Map.of());
    }

    public static Reply created(Object body) {
        return new Reply(201, body, Map.of());
    }

    public static Reply accepted(Object body) {
        return new Reply(202, body, Map.of());
    }

    public static Reply noContent() {
        return new Reply(204, null, Map.of());
    }

    public static Reply status(int status, Object body) {
        return new Reply(status, body, Map.of());
    }

    public Reply withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, more);
    }
}
