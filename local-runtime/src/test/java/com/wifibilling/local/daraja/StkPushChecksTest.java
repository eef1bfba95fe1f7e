package com.wifibilling.local.daraja;

import static com.wifibilling.local.daraja.SimulatorClient.json;
import static com.wifibilling.local.daraja.SimulatorClient.validPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** STK Push's checks of contracts/daraja.md §10.1, one test per row of its table, and what an accepted push answers (§3.1). */
class StkPushChecksTest {
    private static final String ID_SHAPE = "[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\d+";
    @RegisterExtension
    static final SimulatorFixture FIXTURE = new SimulatorFixture();
    private static final SimulatorClient daraja = FIXTURE.daraja;
    private static final CallbackReceiver receiver = FIXTURE.receiver;

    private static Map<String, Object> valid() {
        return validPush(SimulatorClient.TEST_MSISDN, receiver.url("token123"));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String errorCode, String errorMessage) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode envelope = json(response);
        assertEquals(errorCode, envelope.get("errorCode").asText());
        assertEquals(errorMessage, envelope.get("errorMessage").asText());
        assertTrue(envelope.get("requestId").asText().matches(ID_SHAPE), envelope.toString());
        assertEquals(3, envelope.size(), "requestId, errorCode, errorMessage and nothing else");
    }

    private HttpResponse<String> pushWith(String field, Object value) {
        Map<String, Object> body = valid();
        body.put(field, value);
        return daraja.push(FIXTURE.token(), body);
    }

    @Test
    void row1MissingUnknownOrForeignTokenIsInvalidAccessToken() {
        assertRefused(daraja.push(null, valid()), 404, "404.001.03", "Invalid Access Token");
        assertRefused(daraja.push("A".repeat(28), valid()), 404, "404.001.03", "Invalid Access Token");
    }

    @Test
    void row2WrongContentTypeOrUnparsableBodyIsInvalidBusinessShortCode() {
        String body = com.wifibilling.core.http.Json.write(valid());
        String path = "/mpesa/stkpush/v1/processrequest";
        assertRefused(daraja.post(path, FIXTURE.token(), "text/plain", body), 400, "400.002.02", "Bad Request - Invalid BusinessShortCode");
        assertRefused(daraja.post(path, FIXTURE.token(), null, body), 400, "400.002.02", "Bad Request - Invalid BusinessShortCode");
        assertRefused(daraja.post(path, FIXTURE.token(), "application/json", "{\"BusinessShortCode\":"), 400, "400.002.02",
                "Bad Request - Invalid BusinessShortCode");
        assertRefused(daraja.post(path, FIXTURE.token(), "application/json", "[1,2]"), 400, "400.002.02", "Bad Request - Invalid BusinessShortCode");
        assertEquals(200, daraja.post(path, FIXTURE.token(), "application/json; charset=utf-8", body).statusCode(), "a charset is fine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BusinessShortCode", "Password", "Timestamp", "TransactionType", "Amount", "PartyA", "PartyB",
            "PhoneNumber", "CallBackURL", "AccountReference", "TransactionDesc"})
    void row3EveryMissingFieldIsNamedAndTransactionDescIsCalledRemarks(String field) {
        Map<String, Object> body = valid();
        body.remove(field);
        String named = field.equals("TransactionDesc") ? "Remarks" : field;
        assertRefused(daraja.push(FIXTURE.token(), body), 400, "400.002.02", "Bad Request - Invalid " + named);
        assertRefused(pushWith(field, null), 400, "400.002.02", "Bad Request - Invalid " + named);
    }

    @Test
    void row4AnotherShortcodeIsMerchantDoesNotExist() {
        assertRefused(pushWith("BusinessShortCode", "600000"), 500, "500.001.1001", "Merchant does not exist");
        assertRefused(pushWith("BusinessShortCode", 600000), 500, "500.001.1001", "Merchant does not exist");
        assertEquals(200, pushWith("BusinessShortCode", 174379).statusCode(), "the right one as a JSON number");
    }

    @Test
    void row5TimestampNotFourteenDigitsIsInvalidTimestamp() {
        for (Object timestamp : new Object[] {"2025031514302", "2025-03-15 14:30", "20250315143022Z", true})
            assertRefused(pushWith("Timestamp", timestamp), 400, "400.002.02", "Bad Request - Invalid Timestamp");
    }

    @Test
    void row6PasswordNotMadeFromShortcodePasskeyAndTimestampIsWrongCredentials() {
        assertRefused(pushWith("Password", SimulatorClient.password("20250315143022")), 500, "500.001.1001", "Wrong credentials");
        assertRefused(pushWith("Password", ""), 500, "500.001.1001", "Wrong credentials");
        Map<String, Object> contractVector = valid();  // the official sample of §3's test vectors
        contractVector.put("Timestamp", "20210628092408");
        contractVector.put("Password", "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjEwNjI4MDkyNDA4");
        assertEquals(200, daraja.push(FIXTURE.token(), contractVector).statusCode());
    }

    @Test
    void row7UnknownTransactionTypeIsInvalidTransactionType() {
        assertRefused(pushWith("TransactionType", "CustomerPayBill"), 400, "400.002.02", "Bad Request - Invalid TransactionType");
        assertEquals(200, pushWith("TransactionType", "CustomerBuyGoodsOnline").statusCode());
    }

    @Test
    void row8AmountNotAWholeNumberFrom1To250000IsInvalidAmount() {
        for (Object amount : new Object[] {"0", 0, 250_001, "20.5", 20.5, "20.00", "-5", "abc", ""})
            assertRefused(pushWith("Amount", amount), 400, "400.002.02", "Bad Request - Invalid Amount");
        for (Object amount : new Object[] {1, "250000", 20})
            assertEquals(200, pushWith("Amount", amount).statusCode(), "Amount " + amount);
    }

    @Test
    void row9PartyAOrPhoneNumberNotA254MsisdnIsInvalidPhoneNumber() {
        for (Object phone : new Object[] {"0712345678", "+254712345678", "255712345678", "25470837414", "254208374149"}) {
            assertRefused(pushWith("PartyA", phone), 400, "400.002.02", "Bad Request - Invalid PhoneNumber");
            assertRefused(pushWith("PhoneNumber", phone), 400, "400.002.02", "Bad Request - Invalid PhoneNumber");
        }
        Map<String, Object> numbers = valid(); // 2541… numbers and JSON numbers are accepted
        numbers.put("PartyA", 254112345678L);
        numbers.put("PhoneNumber", 254112345678L);
        assertEquals(200, daraja.push(FIXTURE.token(), numbers).statusCode());
    }

    @Test
    void row10CallBackUrlNotAnAbsoluteHttpUrlIsInvalidCallBackUrl() {
        for (Object url : new Object[] {"not a url", "/api/payment/callback/x", "ftp://example.com/cb", "https:///nohost", 42})
            assertRefused(pushWith("CallBackURL", url), 400, "400.002.02", "Bad Request - Invalid CallBackURL");
        assertEquals(200, pushWith("CallBackURL", receiver.url("x")).statusCode(), "plain http in sandbox mode");
    }

    @Test
    void row10InProductionModeOnlyHttpsCallBackUrlsAreAccepted() {
        daraja.configure(Map.of("mode", "production"));
        assertRefused(pushWith("CallBackURL", receiver.url("x")), 400, "400.002.02", "Bad Request - Invalid CallBackURL");
        daraja.control("PUT", "/simulator/scenarios/" + SimulatorClient.TEST_MSISDN, Map.of("delivery", "never"));
        assertEquals(200, pushWith("CallBackURL", "https://api.example.co.ke/api/payment/callback/abc").statusCode());
    }

    @Test
    void row11AccountReferenceOver12OrTransactionDescOver13CharactersAreRefused() {
        assertRefused(pushWith("AccountReference", "ABCDEFGHIJKLM"), 400, "400.002.02", "Bad Request - Invalid AccountReference");
        assertRefused(pushWith("AccountReference", ""), 400, "400.002.02", "Bad Request - Invalid AccountReference");
        assertRefused(pushWith("TransactionDesc", "WiFi 1 hour xx"), 400, "400.002.02", "Bad Request - Invalid Remarks");
        assertRefused(pushWith("TransactionDesc", ""), 400, "400.002.02", "Bad Request - Invalid Remarks");
        assertEquals(200, pushWith("AccountReference", "ABCDEFGHIJKL").statusCode());
        assertEquals(200, pushWith("TransactionDesc", "WiFi 24 hours").statusCode());
    }

    @Test
    void checksRunInTheContractsOrderTheFirstFailureAnswering() {
        Map<String, Object> body = valid();
        body.put("BusinessShortCode", "600000");
        body.put("Timestamp", "bad");
        body.put("Password", "bad");
        body.put("TransactionType", "bad");
        body.put("Amount", "0");
        body.put("PartyA", "0712345678");
        body.put("CallBackURL", "bad");
        body.put("AccountReference", "ABCDEFGHIJKLM");
        List<String> answers = new ArrayList<>();
        answers.add(json(daraja.push(null, body)).get("errorMessage").asText());
        String timestamp = SimulatorClient.timestampNow();
        List<Map.Entry<String, Object>> fixes = List.of(Map.entry("BusinessShortCode", "174379"), Map.entry("Timestamp", timestamp),
                Map.entry("Password", SimulatorClient.password(timestamp)), Map.entry("TransactionType", "CustomerPayBillOnline"),
                Map.entry("Amount", "20"), Map.entry("PartyA", SimulatorClient.TEST_MSISDN), Map.entry("CallBackURL", receiver.url("x")),
                Map.entry("AccountReference", "HS7Q2K9XA1"));
        answers.add(json(daraja.push(FIXTURE.token(), body)).get("errorMessage").asText());
        for (Map.Entry<String, Object> fix : fixes) {
            body.put(fix.getKey(), fix.getValue());
            HttpResponse<String> response = daraja.push(FIXTURE.token(), body);
            answers.add(response.statusCode() == 200 ? "accepted" : json(response).get("errorMessage").asText());
        }
        assertEquals(List.of("Invalid Access Token", "Merchant does not exist", "Bad Request - Invalid Timestamp",
                "Wrong credentials", "Bad Request - Invalid TransactionType", "Bad Request - Invalid Amount",
                "Bad Request - Invalid PhoneNumber", "Bad Request - Invalid CallBackURL", "Bad Request - Invalid AccountReference",
                "accepted"), answers);
    }

    @Test
    void acceptedPushAnswersTheDocumentedBodyWithIdsInTheObservedShapes() {
        HttpResponse<String> response = daraja.push(FIXTURE.token(), valid());
        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals(List.of("MerchantRequestID", "CheckoutRequestID", "ResponseCode", "ResponseDescription", "CustomerMessage"),
                iterate(body.fieldNames()));
        assertTrue(body.get("MerchantRequestID").asText().matches(ID_SHAPE), body.toString());
        assertTrue(body.get("CheckoutRequestID").asText().matches("ws_CO_\\d{14}\\d{1,3}708374149"), body.toString());
        assertTrue(body.get("ResponseCode").isTextual());
        assertEquals("0", body.get("ResponseCode").asText());
        assertEquals("Success. Request accepted for processing", body.get("ResponseDescription").asText());
        assertEquals("Success. Request accepted for processing", body.get("CustomerMessage").asText());
    }

    @Test
    void idsNeverRepeatEvenForOneNumberInOneMillisecond() throws Exception {
        daraja.control("PUT", "/simulator/scenarios/" + SimulatorClient.TEST_MSISDN, Map.of("delivery", "never"));
        Set<String> checkouts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Set<String> merchants = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < 80; i++) answers.add(pool.submit(() -> json(daraja.push(FIXTURE.token(), valid()))));
            for (var answer : answers) {
                checkouts.add(answer.get().get("CheckoutRequestID").asText());
                merchants.add(answer.get().get("MerchantRequestID").asText());
            }
        }
        assertEquals(80, checkouts.size());
        assertEquals(80, merchants.size());
    }

    @Test
    void number08IsRefusedSynchronouslyAndLeavesNoCheckout() {
        HttpResponse<String> response = daraja.push(FIXTURE.token(), validPush(Scenarios.SUBSCRIBER_LOCKED, receiver.url("x")));
        assertRefused(response, 500, "500.001.1001",
                "Unable to lock subscriber, a transaction is already in process for the current subscriber");
        assertEquals(0, daraja.control("GET", "/simulator/checkouts", null).get("items").size());
    }

    @Test
    void withLockSubscriberASecondPushWhileThePromptIsOpenIsRefused() {
        daraja.configure(Map.of("lockSubscriber", true));
        String msisdn = "254712345678";
        daraja.control("PUT", "/simulator/scenarios/" + msisdn, Map.of("delayMs", 3_600_000)); // the prompt stays open
        String open = daraja.pushAccepted(FIXTURE.token(), validPush(msisdn, receiver.url("x")));
        assertRefused(daraja.push(FIXTURE.token(), validPush(msisdn, receiver.url("x"))), 500, "500.001.1001",
                "Unable to lock subscriber, a transaction is already in process for the current subscriber");
        assertEquals(200, daraja.push(FIXTURE.token(), valid()).statusCode(), "another number is not locked");
        daraja.control("POST", "/simulator/checkouts/" + open + "/callback", Map.of("deliver", false)); // the customer answers
        assertEquals(200, daraja.push(FIXTURE.token(), validPush(msisdn, receiver.url("x"))).statusCode(), "unlocked once settled");
    }

    @Test
    void withSpikeArrestRequestsBeyondTheLimitInOneSecondAreRefused() {
        daraja.configure(Map.of("spikeArrestPerSecond", 2));
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = daraja.query(FIXTURE.token(), "ws_CO_unknown");
            statuses.add(response.statusCode());
            if (response.statusCode() == 500) refused = response;
        }
        assertEquals(400, statuses.getFirst(), "the first passes (to the unknown-checkout answer)");
        assertTrue(refused != null, "some were refused: " + statuses);
        assertRefused(refused, 500, "500.003.02", "Error Occurred: Spike Arrest Violation");
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
