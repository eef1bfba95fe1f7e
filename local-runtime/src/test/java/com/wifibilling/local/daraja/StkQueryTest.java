package com.wifibilling.local.daraja;

import static com.wifibilling.local.daraja.SimulatorClient.json;
import static com.wifibilling.local.daraja.SimulatorClient.validPush;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** STK Query (contracts/daraja.md §5, §10.1): pending forms P1 and P2, then the final body with ResultCode as a string. */
class StkQueryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SLOW = "254712345678";
    @RegisterExtension
    static final SimulatorFixture FIXTURE = new SimulatorFixture();
    private static final SimulatorClient daraja = FIXTURE.daraja;
    private static final CallbackReceiver receiver = FIXTURE.receiver;

    @BeforeEach
    void overrides() {
        daraja.control("PUT", "/simulator/scenarios/" + SLOW, Map.of("delayMs", 100_000)); // 1 s: room to ask while pending
    }

    private String push(String msisdn) {
        return daraja.pushAccepted(FIXTURE.token(), validPush(msisdn, receiver.url("cbtoken")));
    }

    @Test
    void pendingIsFormP1UntilTheOutcomeThenTheFinalBody() throws Exception {
        String checkout = push(SLOW);
        HttpResponse<String> pending = daraja.query(FIXTURE.token(), checkout);
        assertEquals(500, pending.statusCode());
        JsonNode envelope = json(pending);
        assertEquals(checkout, envelope.get("requestId").asText(), "P1 echoes the CheckoutRequestID, as observed");
        assertEquals("500.001.1001", envelope.get("errorCode").asText());
        assertEquals("The transaction is being processed", envelope.get("errorMessage").asText());

        receiver.next(WAIT); // the callback comes once the outcome is reached; the query is final by then
        HttpResponse<String> answer = daraja.query(FIXTURE.token(), checkout);
        assertEquals(200, answer.statusCode());
        JsonNode body = json(answer);
        assertEquals(List.of("ResponseCode", "ResponseDescription", "MerchantRequestID", "CheckoutRequestID", "ResultCode", "ResultDesc"),
                names(body));
        assertEquals("0", body.get("ResponseCode").asText());
        assertEquals("The service request has been accepted successsfully", body.get("ResponseDescription").asText());
        assertEquals(checkout, body.get("CheckoutRequestID").asText());
        assertEquals(daraja.control("GET", "/simulator/checkouts/" + checkout, null).get("merchantRequestId").asText(),
                body.get("MerchantRequestID").asText());
        assertEquals(true, body.get("ResultCode").isTextual(), "a string in the query");
        assertEquals("0", body.get("ResultCode").asText());
        assertEquals("The service request is processed successfully.", body.get("ResultDesc").asText());
    }

    @Test
    void withPendingFormP2PendingIsHttp200AndResultCode4999() {
        daraja.configure(Map.of("pendingForm", "P2"));
        HttpResponse<String> pending = daraja.query(FIXTURE.token(), push(SLOW));
        assertEquals(200, pending.statusCode());
        assertEquals("{\"ResultCode\":\"4999\",\"ResultDesc\":\"The transaction is still under processing\"}", pending.body());
    }

    @Test
    void failureCodesAreStringsAndTheTimeoutIsWordedAsTheQueryWordsIt() throws Exception {
        daraja.configure(Map.of("pinTimeoutMs", 1_000));
        List<String> answers = new ArrayList<>();
        for (String msisdn : List.of(Scenarios.CANCELS, Scenarios.NO_PIN, Scenarios.INSUFFICIENT_FUNDS, Scenarios.WRONG_PIN)) {
            String checkout = push(msisdn);
            receiver.next(WAIT);
            JsonNode body = json(daraja.query(FIXTURE.token(), checkout));
            answers.add(body.get("ResultCode").textValue() + " " + body.get("ResultDesc").asText());
        }
        assertEquals(List.of("1032 Request cancelled by user", "1037 DS timeout user cannot be reached",
                "1 The balance is insufficient for the transaction.", "2001 The initiator information is invalid."), answers);
    }

    @Test
    void unknownCheckoutRequestIdIsInvalidCheckoutRequestId() {
        HttpResponse<String> response = daraja.query(FIXTURE.token(), "ws_CO_0101202500000000712345678");
        assertEquals(400, response.statusCode());
        assertEquals("400.002.02", json(response).get("errorCode").asText());
        assertEquals("Bad Request - Invalid CheckoutRequestID", json(response).get("errorMessage").asText());
    }

    @Test
    void theQueryPassesThePushsTokenShortcodeAndPasswordChecks() {
        String checkout = push(SLOW);
        String path = "/mpesa/stkpushquery/v1/query";
        assertEquals("404.001.03", json(daraja.query("x".repeat(28), checkout)).get("errorCode").asText());
        Map<String, Object> body = SimulatorClient.queryBody(checkout);
        body.remove("CheckoutRequestID");
        assertEquals("Bad Request - Invalid CheckoutRequestID", json(daraja.post(path, FIXTURE.token(), "application/json", Json.write(body)))
                .get("errorMessage").asText());
        body = SimulatorClient.queryBody(checkout);
        body.put("BusinessShortCode", "600000");
        assertEquals("Merchant does not exist", json(daraja.post(path, FIXTURE.token(), "application/json", Json.write(body))).get("errorMessage").asText());
        body = SimulatorClient.queryBody(checkout);
        body.put("Password", SimulatorClient.password("20250315143022"));
        HttpResponse<String> wrong = daraja.post(path, FIXTURE.token(), "application/json", Json.write(body));
        assertEquals(500, wrong.statusCode());
        assertEquals("Wrong credentials", json(wrong).get("errorMessage").asText());
    }

    @Test
    void withQueryDisagreesASuccessIsReportedAs1032ByTheQueryOnly() throws Exception {
        daraja.configure(Map.of("queryDisagrees", true));
        String checkout = push(SimulatorClient.TEST_MSISDN);
        org.junit.jupiter.api.Assertions.assertTrue(receiver.next(WAIT).body().contains("\"ResultCode\":0,"));
        JsonNode body = json(daraja.query(FIXTURE.token(), checkout));
        assertEquals("1032", body.get("ResultCode").asText());
        assertEquals("Request cancelled by user", body.get("ResultDesc").asText());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
