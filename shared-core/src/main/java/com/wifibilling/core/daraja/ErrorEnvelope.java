package com.wifibilling.core.daraja;

import java.util.Locale;
import java.util.Set;

/**
 * Daraja's error answer, the same on every endpoint (contracts/daraja.md §3.2):
 * {@code {"requestId":"…","errorCode":"400.002.02","errorMessage":"Bad Request - Invalid BusinessShortCode"}}.
 * It is recognised by {@code errorCode} whatever the HTTP status.
 */
record ErrorEnvelope(String requestId, String errorCode, String errorMessage) {
    /** {@code 404.001.03} "Invalid Access Token" and its {@code 401.003.01} twin: refresh and retry once (§2). */
    static final Set<String> INVALID_TOKEN = Set.of("404.001.03", "401.003.01");
    /** The overloaded code whose message says whether it is a lock, a pending query or a credentials error. */
    static final String OVERLOADED = "500.001.1001";
    private static final Set<String> BUSY = Set.of("500.003.02", "500.003.03", "500.003.1001");

    ErrorEnvelope {
        errorMessage = errorMessage == null ? "" : errorMessage;
    }

    boolean invalidToken() {
        return INVALID_TOKEN.contains(errorCode);
    }

    /** Returns whether this is the overloaded {@code 500.001.1001} whose message contains {@code words}, any case. */
    boolean overloadedSaying(String words) {
        return OVERLOADED.equals(errorCode) && says(words);
    }

    /**
     * Returns how a caller reacts, by the table of §3.2: by {@code errorCode} alone, except that
     * {@code 400.002.02} and {@code 500.001.1001} are split by a case-insensitive substring of the message.
     */
    DarajaException.Kind kind() {
        if ("400.002.02".equals(errorCode)) {
            // PartyA carries the same MSISDN as PhoneNumber, so a rejection of either is the customer's number.
            return says("invalid phonenumber") || says("invalid partya") ? DarajaException.Kind.INVALID_PHONE
                    : DarajaException.Kind.PROVIDER_ERROR;
        }
        if (OVERLOADED.equals(errorCode)) {
            // "being processed" is documented for queries only; on a push it can only mean a prompt is open.
            return says("unable to lock subscriber") || says("being processed") ? DarajaException.Kind.SUBSCRIBER_LOCKED
                    : DarajaException.Kind.PROVIDER_ERROR; // Merchant does not exist, Wrong credentials
        }
        // 500.003.x is Daraja's throttling family (busy, spike arrest, quota): wait, never blame the config.
        if (BUSY.contains(errorCode) || errorCode.startsWith("500.003.")) return DarajaException.Kind.BUSY;
        return DarajaException.Kind.PROVIDER_ERROR; // 404.001.01, 405.001, a token rejected twice, unknown codes
    }

    private boolean says(String words) {
        return errorMessage.toLowerCase(Locale.ROOT).contains(words);
    }
}
