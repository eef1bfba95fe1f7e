package com.wifibilling.core.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code POST /api/radius/authorize} answers, in rlm_rest's own format (contracts/gateways.md §3.4): 200 with
 * the {@code control:}/{@code reply:} attributes to accept (FreeRADIUS then checks PAP or CHAP against
 * {@code control:Cleartext-Password}), or 401 with {@code reply:Reply-Message}, which rlm_rest turns into a Reject
 * the router shows the user. Free text goes with {@code do_xlat: false}, so FreeRADIUS never expands {@code %{…}} in it.
 */
public record RadiusDecision(int status, Map<String, Object> body) {
    public RadiusDecision {
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body)); // attribute order as built
    }

    static RadiusDecision accept(Map<String, Object> attributes) {
        return new RadiusDecision(200, attributes);
    }

    static RadiusDecision reject(String message) {
        return new RadiusDecision(401, Map.of("reply:Reply-Message", orderedMessage(message)));
    }

    public boolean accepted() {
        return status == 200;
    }

    /** Never prints the body: an accept carries the session's password. */
    @Override
    public String toString() {
        return "RadiusDecision[status=" + status + ", attributes=" + body.keySet() + "]";
    }

    /** {@code {"value": …, "do_xlat": false}} in that order, as the contract writes it (Map.of has no order). */
    private static Map<String, Object> orderedMessage(String message) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("value", message);
        reply.put("do_xlat", false);
        return reply;
    }
}
