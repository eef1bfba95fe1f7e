package com.wifibilling.core.daraja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** contracts/daraja.md §4: the callback bodies Daraja sends, and what makes one malformed (§4.1 step 2). */
class StkCallbackTest {
    static final String SUCCESS = """
            {
              "Body": {
                "stkCallback": {
                  "MerchantRequestID": "29115-34620561-1",
                  "CheckoutRequestID": "ws_CO_191220191020363925",
                  "ResultCode": 0,
                  "ResultDesc": "The service request is processed successfully.",
                  "CallbackMetadata": {
                    "Item": [
                      { "Name": "Amount", "Value": 1.00 },
                      { "Name": "MpesaReceiptNumber", "Value": "NLJ7RT61SV" },
                      { "Name": "Balance" },
                      { "Name": "TransactionDate", "Value": 20191219102115 },
                      { "Name": "PhoneNumber", "Value": 254708374149 }
                    ]
                  }
                }
              }
            }""";
    static final String CANCELLED = """
            { "Body": { "stkCallback": {
                "MerchantRequestID": "f1e2-4b95-a71d-b30d3cdbb7a7942864",
                "CheckoutRequestID": "ws_CO_21072024125243250722943992",
                "ResultCode": 1032,
                "ResultDesc": "Request cancelled by user" } } }""";

    @Test
    void successCarriesAmountReceiptDateAndPhone() {
        var callback = StkCallback.parse(SUCCESS);
        assertEquals("29115-34620561-1", callback.merchantRequestId());
        assertEquals("ws_CO_191220191020363925", callback.checkoutRequestId());
        assertEquals("0", callback.resultCode());
        assertTrue(callback.paid());
        assertEquals("The service request is processed successfully.", callback.resultDesc());
        var metadata = callback.metadata();
        assertEquals(0, new BigDecimal("1").compareTo(metadata.amount().orElseThrow()));
        assertTrue(metadata.amountIs(Money.kes(1)));
        assertFalse(metadata.amountIs(Money.kes(2)));
        assertEquals(Optional.of("NLJ7RT61SV"), metadata.receipt());
        assertEquals(Optional.of("20191219102115"), metadata.transactionDate());
        assertEquals(Optional.of(Instant.parse("2019-12-19T07:21:15Z")), metadata.transactedAt());
        assertEquals(Optional.of(Phone.parse("254708374149")), metadata.phone());
    }

    @Test
    void cancelHasACodeAndNoMetadata() {
        var callback = StkCallback.parse(CANCELLED);
        assertEquals("1032", callback.resultCode());
        assertFalse(callback.paid());
        assertEquals("Request cancelled by user", callback.resultDesc());
        assertEquals(StkCallback.Metadata.NONE, callback.metadata());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.00", "1.0", "\"1\"", "\"1.00\""})
    void amountOneAndOnePointZeroZeroAreTheSame(String wireAmount) {
        var callback = StkCallback.parse(SUCCESS.replace("\"Value\": 1.00", "\"Value\": " + wireAmount));
        assertTrue(callback.metadata().amountIs(Money.kes(1)));
    }

    @Test
    void amountWithCentsIsNotWholeShillings() {
        assertFalse(StkCallback.parse(SUCCESS.replace("\"Value\": 1.00", "\"Value\": 1.01")).metadata().amountIs(Money.kes(1)));
    }

    @Test
    void itemsAreFoundByNameInAnyOrderAndUnknownOnesIgnored() {
        String reordered = """
                { "Body": { "stkCallback": { "MerchantRequestID": "m", "CheckoutRequestID": "ws_CO_1", "ResultCode": 0,
                  "ResultDesc": "ok", "CallbackMetadata": { "Item": [
                    { "Name": "PhoneNumber", "Value": 254708374149 },
                    { "Name": "SomethingNew", "Value": { "nested": true } },
                    { "Name": "TransactionDate", "Value": 20191219102115 },
                    { "Name": "MpesaReceiptNumber", "Value": "NLJ7RT61SV" },
                    { "Name": "Amount", "Value": 20 } ] } } } }""";
        var metadata = StkCallback.parse(reordered).metadata();
        assertTrue(metadata.amountIs(Money.kes(20)));
        assertEquals(Optional.of("NLJ7RT61SV"), metadata.receipt());
        assertEquals(Optional.of(Phone.parse("0708374149")), metadata.phone());
    }

    @Test
    void balanceWithOrWithoutValueIsIgnored() {
        var without = StkCallback.parse(SUCCESS);
        var with = StkCallback.parse(SUCCESS.replace("{ \"Name\": \"Balance\" }", "{ \"Name\": \"Balance\", \"Value\": 5000.00 }"));
        assertEquals(without, with);
        var missing = StkCallback.parse(SUCCESS.replace("{ \"Name\": \"Balance\" },", ""));
        assertEquals(without, missing);
    }

    @Test
    void resultCodeAsAStringIsTheSameCode() {
        assertEquals("1032", StkCallback.parse(CANCELLED.replace("1032,", "\"1032\",")).resultCode());
        assertEquals("SFC_IC0003", StkCallback.parse(CANCELLED.replace("1032,", "\"SFC_IC0003\",")).resultCode());
    }

    @Test
    void phoneNumberAsNumberOrStringBecomesAPhone() {
        assertEquals(Optional.of(Phone.parse("254708374149")), StkCallback.parse(SUCCESS).metadata().phone());
        assertEquals(Optional.of(Phone.parse("254708374149")),
                StkCallback.parse(SUCCESS.replace("254708374149", "\"254708374149\"")).metadata().phone());
    }

    @Test
    void doubtfulMetadataIsEmptyForTheProcessorToQuery() {
        var odd = StkCallback.parse(SUCCESS
                .replace("\"Value\": 254708374149", "\"Value\": 12345")            // not a Kenyan mobile
                .replace("\"Value\": 1.00", "\"Value\": \"one\"")
                .replace("\"Value\": 20191219102115", "\"Value\": 20191319102115")); // month 13
        assertEquals(Optional.empty(), odd.metadata().phone());
        assertEquals(Optional.empty(), odd.metadata().amount());
        assertEquals(Optional.of("20191319102115"), odd.metadata().transactionDate());
        assertEquals(Optional.empty(), odd.metadata().transactedAt());
        assertEquals(Optional.of("NLJ7RT61SV"), odd.metadata().receipt());
    }

    @Test
    void aRepeatedItemCountsAsMissing() {
        var twice = StkCallback.parse(SUCCESS.replace("{ \"Name\": \"Balance\" }", "{ \"Name\": \"Amount\", \"Value\": 1000 }"));
        assertEquals(Optional.empty(), twice.metadata().amount());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "{}",
            "{\"Body\":{}}",
            "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"m\",\"ResultCode\":0}}}",
            "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"m\",\"CheckoutRequestID\":\"\",\"ResultCode\":0}}}",
            "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"m\",\"CheckoutRequestID\":{\"x\":1},\"ResultCode\":0}}}",
            "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":0}}}",
            "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"m\",\"CheckoutRequestID\":\"ws_CO_1\"}}}",
            "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"m\",\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":0.5}}}",
            "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"m\",\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":0}}} trailing"})
    void malformedBodyIsRejectedAsAnInvalidCallback(String body) {
        var e = assertThrows(InvalidCallbackException.class, () -> StkCallback.parse(body));
        assertEquals(400, e.toApiException().status());
        assertEquals("INVALID_CALLBACK", e.toApiException().code());
    }

    @Test
    void missingCheckoutRequestIdIsNamed() {
        var e = assertThrows(InvalidCallbackException.class,
                () -> StkCallback.parse(CANCELLED.replace("\"CheckoutRequestID\": \"ws_CO_21072024125243250722943992\",", "")));
        assertTrue(e.getMessage().contains("CheckoutRequestID"));
    }

    @Test
    void overlongCheckoutRequestIdIsRejected() {
        assertThrows(InvalidCallbackException.class,
                () -> StkCallback.parse(CANCELLED.replace("ws_CO_21072024125243250722943992", "ws_CO_" + "9".repeat(60))));
    }

    @Test
    void bodyOver16KiBIsRejected() {
        String padded = SUCCESS.replace("\"ResultDesc\"", "\"Padding\": \"" + "x".repeat(StkCallback.MAX_BODY_BYTES) + "\", \"ResultDesc\"");
        assertThrows(InvalidCallbackException.class, () -> StkCallback.parse(padded));
        assertEquals(16 * 1024, StkCallback.MAX_BODY_BYTES);
    }
}
