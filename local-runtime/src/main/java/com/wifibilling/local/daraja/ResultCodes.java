package com.wifibilling.local.daraja;

/**
 * Returns the ResultDesc texts the simulator sends (contracts/daraja.md §10.1). The wording differs between the
 * callback and the query for {@code 1037}, as it does at Daraja; our code never matches on these texts (§4).
 */
final class ResultCodes {
    private ResultCodes() {}

    /** Returns the callback's ResultDesc for {@code code}. */
    static String callbackDescription(String code) {
        return switch (code) {
            case "1037" -> "No response from user.";
            default -> common(code);
        };
    }

    /** Returns the query's ResultDesc for {@code code}. */
    static String queryDescription(String code) {
        return switch (code) {
            case "1037" -> "DS timeout user cannot be reached";
            default -> common(code);
        };
    }

    private static String common(String code) {
        return switch (code) {
            case "0" -> "The service request is processed successfully.";
            case "1" -> "The balance is insufficient for the transaction.";
            case "17" -> "Rule limited.";
            case "1001" -> "Unable to lock subscriber, a transaction is already in process for the current subscriber";
            case "1019" -> "Transaction has expired";
            case "1025", "9999" -> "An error occurred while sending a push request";
            case "1031", "1032" -> "Request cancelled by user";
            case "1036" -> "SMSC ACK timeout.";
            case "2001" -> "The initiator information is invalid.";
            case "2028" -> "The request is not permitted according to product assignment";
            default -> "The transaction could not be completed.";
        };
    }
}
