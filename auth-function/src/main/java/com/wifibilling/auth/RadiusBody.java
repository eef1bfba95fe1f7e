package com.wifibilling.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.gateway.RadiusAttributes;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads rlm_rest's JSON body (contracts/gateways.md §3.3): {@code {"<Attribute>": {"type": "…", "value": [ … ]}}},
 * every value as text. Anything but a JSON object is 400 {@code INVALID_JSON}; an attribute of another shape is
 * left out, as rlm_rest itself skips what it cannot use.
 */
final class RadiusBody {
    private RadiusBody() {}

    static RadiusAttributes attributes(Request request) {
        JsonNode body = request.json(JsonNode.class);
        if (!body.isObject()) throw ApiException.badRequest("INVALID_JSON", "The request body must be a JSON object");
        Map<String, List<String>> values = new LinkedHashMap<>();
        body.properties().forEach(field -> {
            JsonNode value = field.getValue().isObject() ? field.getValue().get("value") : null;
            if (value == null) return;
            List<String> texts = new ArrayList<>();
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                if (item.isValueNode() && !item.isNull()) texts.add(item.asText());
            }
            values.put(field.getKey(), texts);
        });
        return new RadiusAttributes(values);
    }
}
