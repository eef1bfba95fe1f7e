package com.wifibilling.local.daraja;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.WireName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PUT /simulator/scenarios/{msisdn}} (contracts/daraja.md §10.3): every field optional, each
 * replacing that part of the number's built-in scenario. Null means "as built in".
 */
record ScenarioOverride(String resultCode, Long delayMs, Delivery delivery, DarajaError syncError) {
    private static final Set<String> FIELDS = Set.of("resultCode", "delayMs", "delivery", "syncError");

    /** Returns the override read from {@code body}; a wrong field throws {@link IllegalArgumentException} naming it. */
    static ScenarioOverride from(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) return new ScenarioOverride(null, null, null, null);
        if (!body.isObject()) throw new IllegalArgumentException("The body must be a JSON object");
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) throw new IllegalArgumentException("Unknown field " + name + "; known: " + FIELDS);
        });
        return new ScenarioOverride(resultCode(body.get("resultCode")), delayMs(body.get("delayMs")),
                delivery(body.get("delivery")), syncError(body.get("syncError")));
    }

    /** Returns {@code builtIn} with this override's fields in place of its own. */
    Scenario applyTo(Scenario builtIn, SimulatorSettings settings) {
        Delivery chosenDelivery = delivery != null ? delivery : builtIn.delivery();
        long outcome = delayMs != null ? delayMs
                : delivery == Delivery.LATE ? settings.lateDelayMs() : builtIn.outcomeDelayMs();
        String code = resultCode != null ? resultCode : builtIn.resultCode() != null ? builtIn.resultCode() : Scenario.SUCCESS;
        DarajaError error = syncError != null ? syncError : builtIn.syncError();
        if (error != null) return Scenario.refused("override", error);
        return Scenario.of("override", code, outcome, chosenDelivery, settings);
    }

    Map<String, Object> toJson(String msisdn) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("msisdn", msisdn);
        if (resultCode != null) json.put("resultCode", resultCode);
        if (delayMs != null) json.put("delayMs", delayMs);
        if (delivery != null) json.put("delivery", WireName.of(delivery));
        if (syncError != null) json.put("syncError", syncError.toJson());
        return json;
    }

    private static String resultCode(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if ((node.isTextual() && !node.asText().isBlank()) || node.isIntegralNumber()) return node.asText();
        throw new IllegalArgumentException("resultCode must be a string like \"1032\"");
    }

    private static Long delayMs(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) return node.asLong();
        throw new IllegalArgumentException("delayMs must be a whole number of milliseconds, 0 or more");
    }

    private static Delivery delivery(JsonNode node) {
        if (node == null || node.isNull()) return null;
        try {
            if (node.isTextual()) return WireName.parse(Delivery.class, node.asText());
        } catch (IllegalArgumentException e) {
            // answered below, with the spellings that work
        }
        throw new IllegalArgumentException("delivery must be once, never, twice or late");
    }

    private static DarajaError syncError(JsonNode node) {
        if (node == null || node.isNull()) return null;
        JsonNode status = node.path("httpStatus");
        JsonNode code = node.path("errorCode");
        JsonNode message = node.path("errorMessage");
        if (!node.isObject() || !status.isIntegralNumber() || !code.isTextual() || !message.isTextual())
            throw new IllegalArgumentException("syncError must be {\"httpStatus\":500,\"errorCode\":\"…\",\"errorMessage\":\"…\"}");
        return new DarajaError(status.asInt(), code.asText(), message.asText());
    }
}
