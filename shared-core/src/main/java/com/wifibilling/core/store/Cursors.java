package com.wifibilling.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Returns list cursors (DESIGN §3) made from DynamoDB's {@code LastEvaluatedKey}: base64url JSON of the key's
 * string and number attributes. A cursor that doesn't decode to exactly the expected key attributes is the
 * client's mistake: 400 {@code INVALID_FIELD} naming {@code cursor}, never a DynamoDB validation error (a 500).
 */
public final class Cursors {
    private static final int MAX_LENGTH = 2048;

    private Cursors() {}

    /** Returns the cursor for the next page, or null when DynamoDB says there is none. */
    public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) return null;
        ObjectNode node = Json.MAPPER.createObjectNode();
        lastEvaluatedKey.forEach((name, value) -> {
            if (value.s() != null) node.putObject(name).put("S", value.s());
            else if (value.n() != null) node.putObject(name).put("N", value.n());
            else throw new IllegalArgumentException("Key attribute " + name + " is neither S nor N");
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the exclusive start key a cursor stands for, or null for no cursor; {@code keyAttributes} are the
     * attribute names the table's (or index's) last evaluated key has.
     */
    public static Map<String, AttributeValue> decode(String cursor, Set<String> keyAttributes) {
        if (cursor == null || cursor.isEmpty()) return null;
        if (cursor.length() > MAX_LENGTH) throw invalid();
        try {
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
            if (node == null || !node.isObject() || node.size() != keyAttributes.size()) throw invalid();
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (String name : keyAttributes) {
                JsonNode value = node.get(name);
                if (value == null || !value.isObject() || value.size() != 1) throw invalid();
                if (value.hasNonNull("S") && value.get("S").isTextual()) key.put(name, AttributeValue.fromS(value.get("S").asText()));
                else if (value.hasNonNull("N") && value.get("N").isTextual() && value.get("N").asText().matches("-?\\d{1,38}(\\.\\d{1,38})?"))
                    key.put(name, AttributeValue.fromN(value.get("N").asText()));
                else throw invalid();
            }
            return key;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    /** Returns the 400 {@code INVALID_FIELD} naming {@code cursor}, for a cursor this list did not hand out. */
    static ApiException invalid() {
        return ApiException.invalidField("cursor", "cursor is not one this list returned");
    }
}
