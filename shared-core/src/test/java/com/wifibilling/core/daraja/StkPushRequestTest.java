package com.wifibilling.core.daraja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** contracts/daraja.md §3: AccountReference ≤ 12 alphanumerics, TransactionDesc 1–13 ASCII, Amount ≥ 1. */
class StkPushRequestTest {
    static final Phone PHONE = Phone.parse("0708374149");
    static final URI CALLBACK = URI.create("https://api.example.co.ke/api/payment/callback/9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3");

    @Test
    void aRequestWithinEveryLimitIsAccepted() {
        var request = new StkPushRequest(PHONE, Money.kes(1), "ABCDEFGHIJ12", "WiFi 24 hours", CALLBACK);
        assertEquals("ABCDEFGHIJ12", request.accountReference());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABCDEFGHIJ123", "HS7Q-2K9XA", "HS7Q 2K9XA", "HS7Q2K9XÄ1"})
    void accountReferenceOutsideTheRulesIsOurBug(String reference) {
        assertThrows(IllegalArgumentException.class, () -> new StkPushRequest(PHONE, Money.kes(20), reference, "WiFi", CALLBACK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "WiFi 1 hour pkg", "WiFi 1 saa ⏱"})
    void transactionDescOutsideTheRulesIsOurBug(String desc) {
        assertThrows(IllegalArgumentException.class, () -> new StkPushRequest(PHONE, Money.kes(20), "HS7Q2K9XA1", desc, CALLBACK));
    }

    @Test
    void zeroShillingsCannotBePushed() {
        assertThrows(IllegalArgumentException.class, () -> new StkPushRequest(PHONE, Money.ZERO, "HS7Q2K9XA1", "WiFi", CALLBACK));
    }

    @Test
    void callbackMustBeAnAbsoluteHttpUrl() {
        assertThrows(IllegalArgumentException.class,
                () -> new StkPushRequest(PHONE, Money.kes(20), "HS7Q2K9XA1", "WiFi", URI.create("/api/payment/callback/x")));
        assertThrows(IllegalArgumentException.class,
                () -> new StkPushRequest(PHONE, Money.kes(20), "HS7Q2K9XA1", "WiFi", URI.create("ftp://api.example.co.ke/x")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 hour          | WiFi 1 hour",
            "24 hours        | WiFi 24 hours",
            "Unlimited weekend | WiFi Unlimite",
            "Saa 1 ⏱         | WiFi Saa 1",
            "                | WiFi",
            "'  '            | WiFi",
            "1234567 x       | WiFi 1234567"})   // cut to 13, then the trailing space dropped
    void transactionDescIsWifiAndTheLabelCutTo13Ascii(String label, String desc) {
        String made = StkPushRequest.transactionDescFor(label);
        assertEquals(desc, made);
        new StkPushRequest(PHONE, Money.kes(20), "HS7Q2K9XA1", made, CALLBACK); // always a valid TransactionDesc
    }
}
