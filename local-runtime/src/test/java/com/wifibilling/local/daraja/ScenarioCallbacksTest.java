package com.wifibilling.local.daraja;

import static com.wifibilling.local.daraja.SimulatorClient.json;
import static com.wifibilling.local.daraja.SimulatorClient.validPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.BusinessDay;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every scenario number of contracts/daraja.md §10.2 end to end at time scale 0.01: push, wait, and the callback
 * received by a plain HTTP server, byte for byte in the §4 shape.
 */
class ScenarioCallbacksTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern SUCCESS = Pattern.compile(
            "\\{\"Body\":\\{\"stkCallback\":\\{\"MerchantRequestID\":\"(?<merchant>[^\"]+)\",\"CheckoutRequestID\":\"(?<checkout>[^\"]+)\","
            + "\"ResultCode\":0,\"ResultDesc\":\"The service request is processed successfully\\.\",\"CallbackMetadata\":\\{\"Item\":\\["
            + "\\{\"Name\":\"Amount\",\"Value\":20\\.00\\},\\{\"Name\":\"MpesaReceiptNumber\",\"Value\":\"(?<receipt>[A-Z][A-Z0-9]{9})\"\\},"
            + "\\{\"Name\":\"Balance\"\\},\\{\"Name\":\"TransactionDate\",\"Value\":(?<date>\\d{14})\\},"
            + "\\{\"Name\":\"PhoneNumber\",\"Value\":(?<phone>\\d{12})\\}\\]\\}\\}\\}\\}");

    @RegisterExtension
    static final SimulatorFixture FIXTURE = new SimulatorFixture();
    private static final SimulatorClient daraja = FIXTURE.daraja;
    private static final CallbackReceiver receiver = FIXTURE.receiver;

    private JsonNode push(String msisdn) {
        var response = daraja.push(FIXTURE.token(), validPush(msisdn, receiver.url("cbtoken")));
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    /** Asserts the text is the §4 failure body for this push, exactly. */
    private static void assertFailureCallback(CallbackReceiver.Received callback, JsonNode push, int code, String description) {
        assertEquals("{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"" + push.get("MerchantRequestID").asText()
                + "\",\"CheckoutRequestID\":\"" + push.get("CheckoutRequestID").asText() + "\",\"ResultCode\":" + code
                + ",\"ResultDesc\":\"" + description + "\"}}}", callback.body());
    }

    /** Asserts the text is the §4 success body for this push, exactly, and returns its receipt. */
    private static String assertSuccessCallback(CallbackReceiver.Received callback, JsonNode push, String msisdn) {
        assertEquals("POST", callback.method());
        assertEquals("application/json", callback.contentType());
        assertEquals("/api/payment/callback/cbtoken", callback.path());
        Matcher body = SUCCESS.matcher(callback.body());
        assertTrue(body.matches(), callback.body());
        assertEquals(push.get("MerchantRequestID").asText(), body.group("merchant"));
        assertEquals(push.get("CheckoutRequestID").asText(), body.group("checkout"));
        assertEquals(msisdn, body.group("phone"));
        LocalDateTime date = LocalDateTime.parse(body.group("date"), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        Duration fromNow = Duration.between(date, LocalDateTime.now(BusinessDay.ZONE)).abs();
        assertTrue(fromNow.compareTo(Duration.ofMinutes(2)) < 0, "TransactionDate is now in East Africa Time: " + date);
        return body.group("receipt");
    }

    @Test
    void anyUnlistedNumberSucceedsWithOneCallbackInTheCapturedShape() throws Exception {
        JsonNode push = push(SimulatorClient.TEST_MSISDN);
        String receipt = assertSuccessCallback(receiver.next(WAIT), push, SimulatorClient.TEST_MSISDN);
        JsonNode parsed = daraja.control("GET", "/simulator/checkouts/" + push.get("CheckoutRequestID").asText(), null);
        assertEquals(receipt, parsed.get("receipt").asText());
        assertEquals("success", parsed.get("scenario").asText());
        assertEquals(List.of(), receiver.within(Duration.ofMillis(200)), "exactly once");
    }

    @Test
    void number01CancelsWith1032() throws Exception {
        JsonNode push = push(Scenarios.CANCELS);
        assertFailureCallback(receiver.next(WAIT), push, 1032, "Request cancelled by user");
    }

    @Test
    void number02TimesOutWith1037AfterThePinTimeout() throws Exception {
        Instant pushed = Instant.now();
        JsonNode push = push(Scenarios.NO_PIN);
        CallbackReceiver.Received callback = receiver.next(WAIT);
        assertFailureCallback(callback, push, 1037, "No response from user.");
        assertTrue(Duration.between(pushed, callback.at()).toMillis() >= 590, "not before 60 s x 0.01");
    }

    @Test
    void number03FailsWith1ForInsufficientFunds() throws Exception {
        JsonNode push = push(Scenarios.INSUFFICIENT_FUNDS);
        assertFailureCallback(receiver.next(WAIT), push, 1, "The balance is insufficient for the transaction.");
    }

    @Test
    void number04SucceedsButNeverCallsBackAndOnlyTheQueryTells() throws Exception {
        String checkout = push(Scenarios.CALLBACK_LOST).get("CheckoutRequestID").asText();
        SimulatorClient.await(WAIT, () -> daraja.query(FIXTURE.token(), checkout).statusCode() == 200, "settled");
        JsonNode query = json(daraja.query(FIXTURE.token(), checkout));
        assertEquals("0", query.get("ResultCode").asText());
        assertEquals(List.of(), receiver.within(Duration.ofMillis(300)));
        JsonNode detail = daraja.control("GET", "/simulator/checkouts/" + checkout, null);
        assertTrue(detail.get("settled").asBoolean());
        assertTrue(detail.get("receipt").asText().matches("[A-Z][A-Z0-9]{9}"));
        assertEquals(0, detail.get("callbacks").size());
    }

    @Test
    void number05CallsBackTwiceWithTheIdenticalBodyTheGapApart() throws Exception {
        daraja.configure(Map.of("duplicateGapMs", 20_000)); // 200 ms at this scale
        JsonNode push = push(Scenarios.DUPLICATE_CALLBACK);
        CallbackReceiver.Received first = receiver.next(WAIT);
        CallbackReceiver.Received second = receiver.next(WAIT);
        assertSuccessCallback(first, push, Scenarios.DUPLICATE_CALLBACK);
        assertEquals(first.body(), second.body(), "identical, receipt included");
        assertTrue(Duration.between(first.at(), second.at()).toMillis() >= 150, "the gap apart");
        assertEquals(List.of(), receiver.within(Duration.ofMillis(300)), "and no third");
    }

    @Test
    void number06FailsWith2001ForAWrongPin() throws Exception {
        JsonNode push = push(Scenarios.WRONG_PIN);
        assertFailureCallback(receiver.next(WAIT), push, 2001, "The initiator information is invalid.");
    }

    @Test
    void number07SucceedsLateAndTheQueryIsPendingUntilThen() throws Exception {
        daraja.configure(Map.of("lateDelayMs", 200_000)); // 2 s at this scale, room for the first query
        Instant pushed = Instant.now();
        JsonNode push = push(Scenarios.LATE_SUCCESS);
        String checkout = push.get("CheckoutRequestID").asText();
        var pending = daraja.query(FIXTURE.token(), checkout);
        assertEquals(500, pending.statusCode());
        assertEquals("The transaction is being processed", json(pending).get("errorMessage").asText());
        CallbackReceiver.Received callback = receiver.next(WAIT);
        assertTrue(Duration.between(pushed, callback.at()).toMillis() >= 1_990, "at lateDelay");
        assertSuccessCallback(callback, push, Scenarios.LATE_SUCCESS);
        assertEquals("0", json(daraja.query(FIXTURE.token(), checkout)).get("ResultCode").asText());
    }

    @Test
    void number08NeverCallsBack() throws Exception {
        assertEquals(500, daraja.push(FIXTURE.token(), validPush(Scenarios.SUBSCRIBER_LOCKED, receiver.url("cbtoken"))).statusCode());
        assertEquals(List.of(), receiver.within(Duration.ofMillis(200)));
    }

    @Test
    void failedDeliveriesAreRetriedAsManyTimesAsSetAndEachAttemptIsRecorded() throws Exception {
        daraja.configure(Map.of("callbackRetries", 2));
        receiver.answerNext(500, 503);
        JsonNode push = push(SimulatorClient.TEST_MSISDN);
        String body = receiver.next(WAIT).body();
        assertEquals(body, receiver.next(WAIT).body());
        assertEquals(body, receiver.next(WAIT).body());
        String checkout = push.get("CheckoutRequestID").asText();
        SimulatorClient.await(WAIT, () -> daraja.control("GET", "/simulator/checkouts/" + checkout, null).get("callbacks").size() == 3,
                "three attempts recorded");
        JsonNode attempts = daraja.control("GET", "/simulator/checkouts/" + checkout, null).get("callbacks");
        assertEquals(List.of(500, 503, 200), List.of(attempts.get(0).get("httpStatus").asInt(), attempts.get(1).get("httpStatus").asInt(),
                attempts.get(2).get("httpStatus").asInt()));
        assertEquals(CallbackReceiver.ACK, attempts.get(2).get("responseBody").asText());
        assertEquals(List.of(), receiver.within(Duration.ofMillis(200)), "no retry after a 200");
    }

    @Test
    void callbackToAClosedPortIsRecordedWithItsError() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String checkout = daraja.pushAccepted(FIXTURE.token(), validPush(SimulatorClient.TEST_MSISDN, "http://127.0.0.1:" + closed + "/cb"));
        SimulatorClient.await(WAIT, () -> daraja.control("GET", "/simulator/checkouts/" + checkout, null).get("callbacks").size() == 1,
                "one attempt recorded");
        JsonNode attempt = daraja.control("GET", "/simulator/checkouts/" + checkout, null).get("callbacks").get(0);
        assertEquals(0, attempt.get("httpStatus").asInt());
        assertTrue(attempt.get("error").asText().contains("Connect"), attempt.toString());
    }

    @Test
    void withRuleLimitedTheSameAmountToTheSameNumberWithinTwoMinutesFailsWith17() throws Exception {
        daraja.configure(Map.of("ruleLimited", true));
        String msisdn = "254712345678";
        push(msisdn);
        assertTrue(receiver.next(WAIT).body().contains("\"ResultCode\":0"));
        JsonNode again = push(msisdn);
        assertFailureCallback(receiver.next(WAIT), again, 17, "Rule limited.");
        var otherAmount = validPush(msisdn, receiver.url("cbtoken"));
        otherAmount.put("Amount", "50");
        daraja.pushAccepted(FIXTURE.token(), otherAmount);
        assertTrue(receiver.next(WAIT).body().contains("\"ResultCode\":0"), "another amount is not limited");
    }
}
