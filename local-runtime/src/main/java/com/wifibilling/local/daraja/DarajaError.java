package com.wifibilling.local.daraja;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of Daraja's error answers (contracts/daraja.md §3.2): the HTTP status and the {@code errorCode} /
 * {@code errorMessage} pair of the envelope. Also what a scenario override's {@code syncError} holds (§10.3).
 */
record DarajaError(int httpStatus, String errorCode, String errorMessage) {
    static final DarajaError INVALID_ACCESS_TOKEN = new DarajaError(404, "404.001.03", "Invalid Access Token");
    static final DarajaError RESOURCE_NOT_FOUND = new DarajaError(404, "404.001.01", "Resource not found");
    static final DarajaError METHOD_NOT_ALLOWED = new DarajaError(405, "405.001", "Method Not Allowed");
    static final DarajaError INVALID_GRANT_TYPE = new DarajaError(400, "400.008.02", "Invalid grant type passed");
    static final DarajaError INVALID_AUTHENTICATION_TYPE = new DarajaError(400, "400.008.01", "Invalid authentication type passed");
    static final DarajaError MERCHANT_DOES_NOT_EXIST = new DarajaError(500, "500.001.1001", "Merchant does not exist");
    static final DarajaError WRONG_CREDENTIALS = new DarajaError(500, "500.001.1001", "Wrong credentials");
    static final DarajaError UNABLE_TO_LOCK_SUBSCRIBER = new DarajaError(500, "500.001.1001",
            "Unable to lock subscriber, a transaction is already in process for the current subscriber");
    static final DarajaError BEING_PROCESSED = new DarajaError(500, "500.001.1001", "The transaction is being processed");
    static final DarajaError SPIKE_ARREST = new DarajaError(500, "500.003.02", "Error Occurred: Spike Arrest Violation");
    static final DarajaError INTERNAL = new DarajaError(500, "500.003.1001", "Internal Server Error");

    DarajaError {
        if (httpStatus < 100 || httpStatus > 599) throw new IllegalArgumentException("httpStatus must be 100-599");
        if (errorCode == null || errorCode.isBlank()) throw new IllegalArgumentException("errorCode is required");
        if (errorMessage == null) throw new IllegalArgumentException("errorMessage is required");
    }

    /** Returns {@code 400.002.02 Bad Request - Invalid <field>}, the answer to most malformed fields (§10.1). */
    static DarajaError invalid(String field) {
        return new DarajaError(400, "400.002.02", "Bad Request - Invalid " + field);
    }

    /** Returns the envelope's fields in Daraja's order: {@code requestId}, {@code errorCode}, {@code errorMessage}. */
    Map<String, Object> envelope(String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("errorCode", errorCode);
        body.put("errorMessage", errorMessage);
        return body;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("httpStatus", httpStatus);
        json.put("errorCode", errorCode);
        json.put("errorMessage", errorMessage);
        return json;
    }
}
