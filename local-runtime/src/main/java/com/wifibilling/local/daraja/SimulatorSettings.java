package com.wifibilling.local.daraja;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wifibilling.core.http.Json;
import java.util.Map;

/**
 * The simulator's settings with the defaults of contracts/daraja.md §10.4. Immutable: {@code PUT /simulator/config}
 * makes a new one, which applies to what happens next (a checkout keeps the timings it was accepted with).
 *
 * @param timeScale multiplies every scenario delay and callback gap (0.01 turns the 60 s PIN timeout into 0.6 s);
 *                  token lifetimes and the 120 s rule-limited window are not delays and are not scaled
 * @param mode {@code production} accepts only {@code https} CallBackURLs
 * @param pendingForm {@code P1} answers a pending query with the {@code 500.001.1001} envelope, {@code P2} with
 *                    HTTP 200 and ResultCode {@code "4999"} (§5)
 * @param spikeArrestPerSecond 0 is off; otherwise requests beyond N in any second get Spike Arrest (§3.2)
 * @param queryDisagrees the query reports {@code 1032} for successes, as the sandbox has been seen to (§5)
 * @param callbackRetries further attempts after a callback delivery that fails or gets a non-2xx answer
 */
public record SimulatorSettings(double timeScale, long quickDelayMs, long pinTimeoutMs, long lateDelayMs, long duplicateGapMs,
                                Mode mode, long tokenTtlSeconds, boolean expiresInAsNumber, boolean invalidatePreviousToken,
                                String pendingForm, boolean lockSubscriber, boolean ruleLimited, int spikeArrestPerSecond,
                                boolean queryDisagrees, int callbackRetries, long callbackTimeoutMs) {

    /** Where CallBackURLs may point (§10.4). */
    public enum Mode { SANDBOX, PRODUCTION }

    public SimulatorSettings {
        if (!(timeScale >= 0 && timeScale <= 1000)) throw new IllegalArgumentException("timeScale must be a number from 0 to 1000");
        nonNegative("quickDelayMs", quickDelayMs);
        nonNegative("pinTimeoutMs", pinTimeoutMs);
        nonNegative("lateDelayMs", lateDelayMs);
        nonNegative("duplicateGapMs", duplicateGapMs);
        if (mode == null) throw new IllegalArgumentException("mode must be sandbox or production");
        if (tokenTtlSeconds < 1) throw new IllegalArgumentException("tokenTtlSeconds must be at least 1");
        if (!"P1".equals(pendingForm) && !"P2".equals(pendingForm)) throw new IllegalArgumentException("pendingForm must be P1 or P2");
        if (spikeArrestPerSecond < 0) throw new IllegalArgumentException("spikeArrestPerSecond must be 0 (off) or more");
        if (callbackRetries < 0 || callbackRetries > 10) throw new IllegalArgumentException("callbackRetries must be 0-10");
        if (callbackTimeoutMs < 1 || callbackTimeoutMs > 600_000) throw new IllegalArgumentException("callbackTimeoutMs must be 1-600000");
    }

    private static void nonNegative(String name, long ms) {
        if (ms < 0) throw new IllegalArgumentException(name + " must be 0 or more");
    }

    /** Returns the §10.4 defaults with the given time scale. */
    public static SimulatorSettings defaults(double timeScale) {
        return new SimulatorSettings(timeScale, 1_000, 60_000, 90_000, 1_000, Mode.SANDBOX, 3599, false, false,
                "P1", false, false, 0, false, 0, 10_000);
    }

    /** Returns {@code ms} multiplied by the time scale, rounded to whole milliseconds. */
    long scaled(long ms) {
        return Math.round(ms * timeScale);
    }

    /**
     * Returns these settings with the fields of {@code patch} (a JSON object of §10.4 names) replaced. An unknown
     * name or a wrong value throws {@link IllegalArgumentException} saying which, and changes nothing.
     */
    SimulatorSettings with(JsonNode patch) {
        if (patch == null || !patch.isObject()) throw new IllegalArgumentException("The body must be a JSON object of settings");
        ObjectNode merged = Json.MAPPER.valueToTree(this);
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (!merged.has(field.getKey())) throw new IllegalArgumentException("Unknown setting " + field.getKey());
            merged.set(field.getKey(), field.getValue());
        }
        try {
            return Json.MAPPER.treeToValue(merged, SimulatorSettings.class);
        } catch (JsonProcessingException e) {
            // The record's own message when its constructor refused; otherwise Jackson's first line names the field.
            Throwable cause = e.getCause() instanceof IllegalArgumentException refused ? refused : e;
            throw new IllegalArgumentException(cause == e ? e.getOriginalMessage() : cause.getMessage(), e);
        }
    }
}
