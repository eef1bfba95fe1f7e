package com.wifibilling.core.daraja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** contracts/daraja.md §3.2: each kind of failure is the API error the contract names. */
class DarajaExceptionTest {
    @ParameterizedTest
    @CsvSource({
            "INVALID_PHONE,     400, INVALID_PHONE,                false",
            "PROVIDER_ERROR,    502, PAYMENT_PROVIDER_ERROR,       false",
            "SUBSCRIBER_LOCKED, 409, PAYMENT_IN_PROGRESS,          false",
            "BUSY,              503, PAYMENT_PROVIDER_BUSY,        true",
            "UNAVAILABLE,       503, PAYMENT_PROVIDER_UNAVAILABLE, true"})
    void eachKindIsTheContractsApiError(DarajaException.Kind kind, int status, String code, boolean retryable) {
        var e = new DarajaException(kind, "stk-push", 500, "500.001.1001", "req-1", "Daraja's words", null);
        assertEquals(status, e.toApiException().status());
        assertEquals(code, e.toApiException().code());
        assertEquals(retryable, e.retryable());
        assertFalse(e.toApiException().getMessage().contains("Daraja's words"), "Daraja's text stays in our logs");
    }

    @ParameterizedTest
    @CsvSource({"BUSY", "UNAVAILABLE"})
    void providerOutagesTellTheClientWhenToComeBack(DarajaException.Kind kind) {
        var e = new DarajaException(kind, "stk-push", 0, null, null, "no answer", null);
        assertEquals("60", e.toApiException().headers().get("Retry-After"));
        assertEquals(Optional.empty(), e.httpStatus());
    }

    @org.junit.jupiter.api.Test
    void messageKeepsDarajaDetailsForLogs() {
        var e = new DarajaException(DarajaException.Kind.BUSY, "stk-query", 500, "500.003.02", "req-9", "Spike Arrest Violation", null);
        assertTrue(e.getMessage().contains("stk-query") && e.getMessage().contains("500.003.02")
                && e.getMessage().contains("req-9") && e.getMessage().contains("Spike Arrest Violation"), e.getMessage());
    }
}
