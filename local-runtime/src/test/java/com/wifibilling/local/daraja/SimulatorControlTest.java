package com.wifibilling.local.daraja;

import static com.wifibilling.local.daraja.SimulatorClient.json;
import static com.wifibilling.local.daraja.SimulatorClient.validPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test-only control endpoints of contracts/daraja.md §10.3 and the settings of §10.4, over HTTP. */
class SimulatorControlTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PENDING = "254712345678";
    @RegisterExtension
    static final SimulatorFixture FIXTURE = new SimulatorFixture();
    private static final SimulatorClient daraja = FIXTURE.daraja;
    private static final CallbackReceiver receiver = FIXTURE.receiver;

    @BeforeEach
    void overrides() {
        daraja.control("PUT", "/simulator/scenarios/" + PENDING, Map.of("delayMs", 360_000_000)); // stays pending for the test
    }

    private String push(String msisdn) {
        return daraja.pushAccepted(FIXTURE.token(), validPush(msisdn, receiver.url("cbtoken")));
    }

    private JsonNode checkout(String checkoutRequestId) {
        return daraja.control("GET", "/simulator/checkouts/" + checkoutRequestId, null);
    }

    @Test
    void requestLogListsNewestFirstWithAuthorizationPasswordAndTokenMasked() {
        Map<String, Object> body = validPush(PENDING, receiver.url("cbtoken"));
        String checkout = daraja.pushAccepted(FIXTURE.token(), body);
        daraja.query(FIXTURE.token(), checkout);
        JsonNode items = daraja.control("GET", "/simulator/requests", null).get("items");
        assertEquals(3, items.size(), "OAuth, push and query; control requests are not logged");
        assertEquals(List.of("/mpesa/stkpushquery/v1/query", "/mpesa/stkpush/v1/processrequest",
                "/oauth/v1/generate?grant_type=client_credentials"),
                List.of(items.get(0).get("path").asText(), items.get(1).get("path").asText(), items.get(2).get("path").asText()));
        JsonNode pushed = items.get(1);
        assertEquals("POST", pushed.get("method").asText());
        assertEquals(200, pushed.get("status").asInt());
        assertEquals("Bearer ****", pushed.get("authorization").asText());
        assertEquals("****", pushed.get("body").get("Password").asText());
        assertEquals(PENDING, pushed.get("body").get("PhoneNumber").asText());
        assertEquals(checkout, pushed.get("response").get("CheckoutRequestID").asText());
        assertTrue(pushed.get("at").asText().endsWith("Z"));
        JsonNode oauth = items.get(2);
        assertEquals("Basic ****", oauth.get("authorization").asText());
        assertEquals("****", oauth.get("response").get("access_token").asText());
        assertEquals(500, items.get(0).get("status").asInt(), "the pending query's P1 answer");
        String whole = items.toString();
        assertFalse(whole.contains(FIXTURE.token()), "the token appears nowhere");
        assertFalse(whole.contains(SimulatorClient.basic(SimulatorClient.KEY, SimulatorClient.SECRET).substring(6)));
        assertFalse(whole.contains(body.get("Password").toString()), "no Password");
        assertEquals(1, daraja.control("GET", "/simulator/requests?limit=1", null).get("items").size());
        daraja.control("GET", "/simulator/requests?limit=0", null, 400);
    }

    @Test
    void passwordInABodyThatIsNotJsonIsMaskedToo() {
        daraja.post("/mpesa/stkpush/v1/processrequest", FIXTURE.token(), "application/json", "{\"Password\":\"c2VjcmV0\",");
        JsonNode logged = daraja.control("GET", "/simulator/requests?limit=1", null).get("items").get(0);
        assertEquals("{\"Password\":\"****\",", logged.get("body").asText());
    }

    @Test
    void checkoutsAreListedNewestFirstWithWhatWasAskedAndWhatIsPlanned() {
        String first = push(PENDING);
        String second = push(Scenarios.CALLBACK_LOST);
        JsonNode items = daraja.control("GET", "/simulator/checkouts", null).get("items");
        assertEquals(List.of(second, first), List.of(items.get(0).get("checkoutRequestId").asText(), items.get(1).get("checkoutRequestId").asText()));
        JsonNode pending = items.get(1);
        assertEquals(PENDING, pending.get("msisdn").asText());
        assertEquals(20, pending.get("amount").asInt());
        assertEquals("HS7Q2K9XA1", pending.get("accountReference").asText());
        assertEquals(receiver.url("cbtoken"), pending.get("callBackUrl").asText());
        assertEquals("override", pending.get("scenario").asText());
        assertEquals("0", pending.get("resultCode").asText());
        assertFalse(pending.get("settled").asBoolean());
        assertTrue(pending.get("merchantRequestId").isTextual());
        assertTrue(pending.get("outcomeAt").isTextual());
        assertFalse(pending.has("callbacks"), "the list leaves deliveries to the detail");
        assertEquals("callback-lost", items.get(0).get("scenario").asText());
    }

    @Test
    void unknownCheckoutIsNotFound() {
        assertEquals("NOT_FOUND", daraja.control("GET", "/simulator/checkouts/ws_CO_nope", null, 404).get("error").get("code").asText());
        daraja.control("POST", "/simulator/checkouts/ws_CO_nope/callback", null, 404);
    }

    @Test
    void forcedCallbackSettlesAPendingCheckoutAndDeliversNowAnsweringWithTheDelivery() throws Exception {
        String checkout = push(PENDING);
        JsonNode delivery = daraja.control("POST", "/simulator/checkouts/" + checkout + "/callback", null);
        CallbackReceiver.Received received = receiver.next(WAIT);
        assertEquals(200, delivery.get("httpStatus").asInt());
        assertEquals(CallbackReceiver.ACK, delivery.get("responseBody").asText());
        assertEquals(received.body(), delivery.get("body").asText());
        assertEquals(receiver.url("cbtoken"), delivery.get("url").asText());
        assertTrue(delivery.get("durationMs").asLong() >= 0);
        assertTrue(received.body().contains("\"ResultCode\":0,"));
        assertEquals("0", json(daraja.query(FIXTURE.token(), checkout)).get("ResultCode").asText(), "settled for the query too");
        assertEquals(1, checkout(checkout).get("callbacks").size());
    }

    @Test
    void forgedCallbackWithOverridesChangesOnlyTheDeliveredBody() throws Exception {
        String checkout = push(PENDING);
        JsonNode delivery = daraja.control("POST", "/simulator/checkouts/" + checkout + "/callback", Map.of("resultCode", "0",
                "overrides", Map.of("Amount", 5, "PhoneNumber", 254700000099L, "MpesaReceiptNumber", "ABC1234567", "MerchantRequestID", "x")));
        JsonNode callback = json(receiver.next(WAIT).body()).get("Body").get("stkCallback");
        assertEquals("x", callback.get("MerchantRequestID").asText());
        assertEquals(checkout, callback.get("CheckoutRequestID").asText());
        JsonNode items = callback.get("CallbackMetadata").get("Item");
        assertEquals(5, items.get(0).get("Value").asInt());
        assertEquals("ABC1234567", items.get(1).get("Value").asText());
        assertEquals(254700000099L, items.get(4).get("Value").asLong());
        JsonNode detail = checkout(checkout);
        assertFalse("ABC1234567".equals(detail.get("receipt").asText()), "the settlement keeps its own receipt");
        assertEquals(delivery.get("body").asText(), detail.get("callbacks").get(0).get("body").asText());
    }

    @Test
    void deliverFalseSettlesForTheQueryOnly() throws Exception {
        String checkout = push(PENDING);
        JsonNode settled = daraja.control("POST", "/simulator/checkouts/" + checkout + "/callback", Map.of("resultCode", "1032", "deliver", false));
        assertTrue(settled.get("settled").asBoolean());
        assertEquals("1032", settled.get("resultCode").asText());
        assertEquals("1032", json(daraja.query(FIXTURE.token(), checkout)).get("ResultCode").asText());
        assertEquals(List.of(), receiver.within(Duration.ofMillis(300)));
    }

    @Test
    void forgedSuccessAfterAFailureLeavesTheQueryAsItWas() throws Exception {
        String checkout = push(Scenarios.CANCELS);
        assertTrue(receiver.next(WAIT).body().contains("\"ResultCode\":1032,"));
        daraja.control("POST", "/simulator/checkouts/" + checkout + "/callback", Map.of("resultCode", "0"));
        String forged = receiver.next(WAIT).body();
        assertTrue(forged.contains("\"ResultCode\":0,"), forged);
        assertTrue(forged.contains("{\"Name\":\"Amount\",\"Value\":20.00}"), forged);
        assertEquals("1032", json(daraja.query(FIXTURE.token(), checkout)).get("ResultCode").asText());
    }

    @Test
    void forcedCallbackCanGoToAnotherUrl() throws Exception {
        String checkout = push(PENDING);
        JsonNode delivery = daraja.control("POST", "/simulator/checkouts/" + checkout + "/callback", Map.of("url", receiver.url("wrongtoken")));
        assertEquals("/api/payment/callback/wrongtoken", receiver.next(WAIT).path());
        assertEquals(receiver.url("wrongtoken"), delivery.get("url").asText());
    }

    @Test
    void forcedCallbackRefusesUnknownFieldsAndOverrides() {
        String checkout = push(PENDING);
        String path = "/simulator/checkouts/" + checkout + "/callback";
        assertEquals("INVALID_FIELD", daraja.control("POST", path, Map.of("overrides", Map.of("Amout", 5)), 400).get("error").get("code").asText());
        daraja.control("POST", path, Map.of("deliverr", false), 400);
        daraja.control("POST", path, Map.of("url", "not a url"), 400);
        daraja.control("POST", path, "{not json", 400);
        assertFalse(checkout(checkout).get("settled").asBoolean(), "nothing happened");
    }

    @Test
    void scenarioOverrideWithASyncErrorRefusesThePushUntilDeleted() {
        String msisdn = "254711111111";
        Map<String, Object> busy = Map.of("httpStatus", 500, "errorCode", "500.003.02", "errorMessage", "System is busy. Please try again in few minutes.");
        JsonNode stored = daraja.control("PUT", "/simulator/scenarios/" + msisdn, Map.of("syncError", busy));
        assertEquals(msisdn, stored.get("msisdn").asText());
        HttpResponse<String> refused = daraja.push(FIXTURE.token(), validPush(msisdn, receiver.url("cbtoken")));
        assertEquals(500, refused.statusCode());
        assertEquals("500.003.02", json(refused).get("errorCode").asText());
        assertEquals("System is busy. Please try again in few minutes.", json(refused).get("errorMessage").asText());
        JsonNode listed = daraja.control("GET", "/simulator/scenarios", null).get("items");
        assertEquals(List.of(msisdn, PENDING), List.of(listed.get(0).get("msisdn").asText(), listed.get(1).get("msisdn").asText()),
                "by number");
        assertEquals("500.003.02", listed.get(0).get("syncError").get("errorCode").asText());
        assertTrue(daraja.control("DELETE", "/simulator/scenarios/" + msisdn, null).get("removed").asBoolean());
        assertEquals(200, daraja.push(FIXTURE.token(), validPush(msisdn, receiver.url("cbtoken"))).statusCode(), "built-in behaviour again");
    }

    @Test
    void scenarioOverrideChangesTheResultAndDelivery() throws Exception {
        String msisdn = "254722222222";
        daraja.control("PUT", "/simulator/scenarios/" + msisdn, Map.of("resultCode", "1", "delivery", "twice", "delayMs", 0));
        String checkout = push(msisdn);
        String first = receiver.next(WAIT).body();
        assertEquals(first, receiver.next(WAIT).body());
        assertTrue(first.contains("\"ResultCode\":1,"), first);
        assertEquals("1", checkout(checkout).get("resultCode").asText());
    }

    @Test
    void scenarioOverridesRefuseWhatTheyCannotMean() {
        daraja.control("PUT", "/simulator/scenarios/0712345678", Map.of("resultCode", "1"), 400);
        daraja.control("PUT", "/simulator/scenarios/254711111111", Map.of("delivery", "sometimes"), 400);
        daraja.control("PUT", "/simulator/scenarios/254711111111", Map.of("delayMs", -1), 400);
        daraja.control("PUT", "/simulator/scenarios/254711111111", Map.of("syncError", Map.of("httpStatus", 500)), 400);
        daraja.control("PUT", "/simulator/scenarios/254711111111", Map.of("colour", "red"), 400);
        assertEquals(1, daraja.control("GET", "/simulator/scenarios", null).get("items").size(), "only the one of @BeforeEach");
    }

    @Test
    void configReadsTheDefaultsAndChangesOnlyWhatIsGiven() {
        JsonNode defaults = daraja.control("GET", "/simulator/config", null);
        assertEquals(0.01, defaults.get("timeScale").asDouble(), "the start-up time scale");
        assertEquals(1000, defaults.get("quickDelayMs").asInt());
        assertEquals(60000, defaults.get("pinTimeoutMs").asInt());
        assertEquals(90000, defaults.get("lateDelayMs").asInt());
        assertEquals(1000, defaults.get("duplicateGapMs").asInt());
        assertEquals("sandbox", defaults.get("mode").asText());
        assertEquals(3599, defaults.get("tokenTtlSeconds").asInt());
        assertEquals("P1", defaults.get("pendingForm").asText());
        assertEquals(0, defaults.get("spikeArrestPerSecond").asInt());
        assertEquals(0, defaults.get("callbackRetries").asInt());
        assertEquals(10000, defaults.get("callbackTimeoutMs").asInt());
        for (String flag : List.of("expiresInAsNumber", "invalidatePreviousToken", "lockSubscriber", "ruleLimited", "queryDisagrees"))
            assertFalse(defaults.get(flag).asBoolean(), flag);
        assertEquals(16, defaults.size());

        JsonNode changed = daraja.configure(Map.of("mode", "production", "quickDelayMs", 5));
        assertEquals("production", changed.get("mode").asText());
        assertEquals(5, changed.get("quickDelayMs").asInt());
        assertEquals(60000, changed.get("pinTimeoutMs").asInt(), "the rest unchanged");
        assertEquals(changed, daraja.control("GET", "/simulator/config", null));
    }

    @Test
    void configRefusesUnknownSettingsAndWrongValuesChangingNothing() {
        for (Object wrong : List.of(Map.of("timeScale", -1), Map.of("mode", "staging"), Map.of("pendingForm", "P3"),
                Map.of("quickDelayMs", "fast"), Map.of("lockSubscriber", "yes"), Map.of("callbackRetries", 11), Map.of("timescale", 1)))
            assertEquals("INVALID_FIELD", daraja.control("PUT", "/simulator/config", wrong, 400).get("error").get("code").asText(), wrong.toString());
        assertEquals(SimulatorSettings.defaults(0.01), com.wifibilling.core.http.Json.MAPPER.convertValue(
                daraja.control("GET", "/simulator/config", null), SimulatorSettings.class));
    }

    @Test
    void resetClearsRecordsCheckoutsOverridesTokensAndSettings() {
        push(PENDING);
        daraja.configure(Map.of("pendingForm", "P2"));
        daraja.control("POST", "/simulator/reset", null);
        assertEquals(0, daraja.control("GET", "/simulator/checkouts", null).get("items").size());
        assertEquals(0, daraja.control("GET", "/simulator/requests", null).get("items").size());
        assertEquals(0, daraja.control("GET", "/simulator/scenarios", null).get("items").size());
        assertEquals("P1", daraja.control("GET", "/simulator/config", null).get("pendingForm").asText());
        assertEquals("404.001.03", json(daraja.query(FIXTURE.token(), "ws_CO_x")).get("errorCode").asText(), "old tokens are gone");
    }

    @Test
    void unknownControlPathIsNotFoundAndAWrongMethodIsRefused() {
        assertEquals("ROUTE_NOT_FOUND", daraja.control("GET", "/simulator/nope", null, 404).get("error").get("code").asText());
        assertEquals("METHOD_NOT_ALLOWED", daraja.control("DELETE", "/simulator/config", null, 405).get("error").get("code").asText());
    }
}
