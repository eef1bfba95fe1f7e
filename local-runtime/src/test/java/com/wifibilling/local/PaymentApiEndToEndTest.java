package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.payment.PaymentSource;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import com.wifibilling.core.Mac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The portal's payment calls over HTTP through the whole local runtime, as a new user would try them (issue
 * "payments", done-when): initiate → the Daraja simulator's scenario → callback/queries → status with and
 * without the client token; the cancelled and lost-callback scenarios; a manual query; a receipt claim on the
 * same device, refused from another without {@code move}, and moved with it. The simulator runs 20× faster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentApiEndToEndTest {
    private LocalRuntime runtime;
    private LocalApi api;
    private DynamoDbTransactionStore transactions;
    private DynamoDbSessionStore sessions;

    @BeforeAll
    void start() {
        runtime = TestRuntimes.start("--daraja-time-scale", "0.05");
        api = new LocalApi(runtime);
        var dynamoDb = AwsClients.dynamoDb(AwsConfig.from(Env.of(Map.of("AWS_REGION", "af-south-1",
                "DYNAMODB_ENDPOINT", runtime.dynamoDbEndpoint().toString()))));
        transactions = new DynamoDbTransactionStore(dynamoDb, runtime.tableName("TransactionsTable"));
        sessions = new DynamoDbSessionStore(dynamoDb, runtime.tableName("SessionsTable"));
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> initiate(String phone, String mac, String... headers) {
        String body = """
                {"phone":"%s","packageId":"basic","gateway":{"mac":"%s","ip":"10.5.50.23","dst":"http://example.com/"},"lang":"sw"}"""
                .formatted(phone, mac);
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.send("POST", "/api/payment/initiate", body, all);
    }

    private JsonNode statusUntilFinal(String transactionId, String clientToken) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        JsonNode status = null;
        while (Instant.now().isBefore(deadline)) {
            var response = api.get("/api/payment/status?transactionId=" + transactionId, "X-Client-Token", clientToken);
            assertEquals(200, response.statusCode(), response.body());
            status = json(response);
            if (!status.get("status").asText().equals("pending")) return status;
            Thread.sleep(100);
        }
        throw new AssertionError("still pending after 10 s: " + status);
    }

    @Test
    void aPaidPurchaseCompletesWithinTenSecondsAndOnlyTheClientTokenSeesItsCredentials() throws Exception {
        var initiated = initiate("0708374149", "02:50:00:00:00:01");
        assertEquals(200, initiated.statusCode(), initiated.body());
        JsonNode answer = json(initiated);
        String id = answer.get("transactionId").asText();
        String token = answer.get("clientToken").asText();
        assertTrue(answer.get("checkoutRequestId").asText().startsWith("ws_CO_"), answer.toString());

        JsonNode done = statusUntilFinal(id, token);
        assertEquals("completed", done.get("status").asText(), done.toString());
        JsonNode login = done.get("login");
        assertEquals("redirect-get", login.get("method").asText());
        assertEquals(runtime.baseUri().resolve("/sim/gateway/default/login").toString().replace("localhost", "127.0.0.1"),
                login.get("url").asText());
        assertEquals(done.at("/session/sessionId").asText(), login.at("/fields/username").asText());
        assertTrue(login.at("/fields/dst").asText().matches(".*/portal/online\\?gw=default&mac=[0-9A-F%]+&orig=http%3A%2F%2Fexample.com%2F"),
                login.toString());
        assertFalse(done.at("/session/accessCode").asText().isBlank());

        JsonNode anonymous = json(api.get("/api/payment/status?transactionId=" + id));
        assertEquals("completed", anonymous.get("status").asText());
        assertFalse(anonymous.has("session") || anonymous.has("login") || anonymous.has("clientToken"), anonymous.toString());
        var wrong = api.get("/api/payment/status?transactionId=" + id, "X-Client-Token", "A".repeat(43));
        assertEquals(403, wrong.statusCode());
        assertEquals("FORBIDDEN", json(wrong).at("/error/code").asText());
    }

    @Test
    void aCancelledPromptEndsCancelledWithTheSwahiliMessageAndNoSession() throws Exception {
        JsonNode answer = json(initiate("254700000001", "02:50:00:00:00:02"));
        JsonNode done = statusUntilFinal(answer.get("transactionId").asText(), answer.get("clientToken").asText());
        assertEquals(List.of("cancelled", "1032", "Umesitisha malipo.", "You cancelled the payment."),
                List.of(done.get("status").asText(), done.get("resultCode").asText(), done.at("/message/sw").asText(),
                        done.at("/message/en").asText()));
        assertFalse(done.has("session"));
        assertTrue(sessions.find(new DeviceKey("default", Mac.parse("02:50:00:00:00:02"))).isEmpty());
    }

    @Test
    void aPaymentWhoseCallbackIsLostStillCompletesThroughAQuery() throws Exception {
        JsonNode answer = json(initiate("254700000004", "02:50:00:00:00:03"));
        String id = answer.get("transactionId").asText();
        JsonNode done = statusUntilFinal(id, answer.get("clientToken").asText());
        assertEquals("completed", done.get("status").asText());
        Transaction stored = transactions.find(id).orElseThrow();
        assertTrue(Set.of(PaymentSource.INLINE_POLL, PaymentSource.MANUAL_QUERY, PaymentSource.SWEEPER).contains(stored.source()),
                stored.source().toString());
        assertTrue(stored.grantConfirmed());
        // Asking again changes nothing: a final purchase is answered as it stands, without a Daraja query.
        var again = api.send("POST", "/api/payment/query", "{\"transactionId\":\"" + id + "\"}", "Content-Type", "application/json");
        assertEquals(List.of(200, "completed"), List.of(again.statusCode(), json(again).get("status").asText()));
    }

    @ParameterizedTest(name = "{0} ends {1} ({2})")
    @CsvSource({
            "254700000003, failed, 1, Not enough M-Pesa balance. Top up and try again.",
            "254700000006, failed, 2001, Wrong M-Pesa PIN. Please try again.",
            "254700000005, completed, 0, Payment received. You will be online in a moment."})
    void everyOtherQuickScenarioEndsWithItsStatusAndMessage(String phone, String status, String code, String english) throws Exception {
        String mac = "02:50:00:00:01:" + phone.substring(10);
        JsonNode answer = json(initiate(phone, mac));
        JsonNode done = statusUntilFinal(answer.get("transactionId").asText(), answer.get("clientToken").asText());
        assertEquals(List.of(status, english), List.of(done.get("status").asText(), done.at("/message/en").asText()), done.toString());
        if (!status.equals("completed")) {
            assertEquals(code, done.get("resultCode").asText());
            assertFalse(done.has("session"));
            return;
        }
        // 254700000005: Daraja delivers the callback twice; the time is added once.
        Thread.sleep(300); // the simulator's second delivery comes 1 s × 0.05 after the first
        var session = sessions.find(new DeviceKey("default", Mac.parse(mac))).orElseThrow();
        assertEquals(Map.of(answer.get("transactionId").asText(), 3600L), session.appliedGrants());
    }

    @Test
    void aManualQueryIsRateLimitedToOnePerTenSeconds() throws Exception {
        // 254700000002 never enters the PIN: pending for the whole test.
        JsonNode answer = json(initiate("254700000002", "02:50:00:00:00:04"));
        String body = "{\"transactionId\":\"" + answer.get("transactionId").asText() + "\"}";
        var first = api.send("POST", "/api/payment/query", body, "Content-Type", "application/json");
        assertEquals(List.of(200, "pending"), List.of(first.statusCode(), json(first).get("status").asText()), first.body());
        var second = api.send("POST", "/api/payment/query", body, "Content-Type", "application/json");
        assertEquals(429, second.statusCode());
        assertEquals("RATE_LIMITED", json(second).at("/error/code").asText());
        long retryAfter = Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter);
        var twice = initiate("254700000002", "02:50:00:00:00:04");
        assertEquals(List.of(409, "PAYMENT_IN_PROGRESS"), List.of(twice.statusCode(), json(twice).at("/error/code").asText()));
    }

    @Test
    void aSynchronouslyRejectedPushIsRecordedFailedAndAnswersPaymentInProgress() {
        var rejected = initiate("254700000008", "02:50:00:00:00:05");
        assertEquals(409, rejected.statusCode());
        assertEquals("PAYMENT_IN_PROGRESS", json(rejected).at("/error/code").asText());
        assertTrue(sessions.find(new DeviceKey("default", Mac.parse("02:50:00:00:00:05"))).isEmpty());
    }

    @Test
    void badInputGetsPreciseErrorsAndChangesNothing() {
        var badPhone = initiate("0201234567", "02:50:00:00:00:06");
        assertEquals(List.of(400, "INVALID_PHONE"), List.of(badPhone.statusCode(), json(badPhone).at("/error/code").asText()));
        var badMac = initiate("0712345678", "nope");
        assertEquals(List.of(400, "INVALID_MAC"), List.of(badMac.statusCode(), json(badMac).at("/error/code").asText()));
        var notJson = api.send("POST", "/api/payment/initiate", "{", "Content-Type", "application/json");
        assertEquals(List.of(400, "INVALID_JSON"), List.of(notJson.statusCode(), json(notJson).at("/error/code").asText()));
        var unknown = api.get("/api/payment/status?transactionId=00000000-0000-0000-0000-000000000000");
        assertEquals(List.of(404, "NOT_FOUND"), List.of(unknown.statusCode(), json(unknown).at("/error/code").asText()));
        var missing = api.get("/api/payment/status");
        assertEquals(List.of(400, "INVALID_FIELD"), List.of(missing.statusCode(), json(missing).at("/error/code").asText()));
        var badKey = initiate("0712345678", "02:50:00:00:00:06", "Idempotency-Key", "x");
        assertEquals(List.of(400, "INVALID_FIELD"), List.of(badKey.statusCode(), json(badKey).at("/error/code").asText()));
    }

    @Test
    void aReceiptClaimGivesTheSameDeviceItsLoginAndMovesTheTimeToAnotherOnlyWhenAsked() throws Exception {
        String phone = "254711223344"; // any other valid number: success with a callback
        JsonNode answer = json(initiate(phone, "02:50:00:00:00:07"));
        String id = answer.get("transactionId").asText();
        statusUntilFinal(id, answer.get("clientToken").asText());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (transactions.find(id).orElseThrow().receipt() == null && Instant.now().isBefore(deadline)) Thread.sleep(50);
        String receipt = transactions.find(id).orElseThrow().receipt();
        assertTrue(receipt != null && receipt.matches("[A-Z0-9]{10}"), "the callback brought the receipt");

        String claim = """
                {"receipt":"%s","phone":"0711223344","gateway":{"mac":"%s"}%s}""";
        var same = api.send("POST", "/api/payment/claim", claim.formatted(receipt.toLowerCase(), "02:50:00:00:00:07", ""),
                "Content-Type", "application/json");
        assertEquals(200, same.statusCode(), same.body());
        assertFalse(json(same).get("moved").asBoolean());
        String oldSessionId = json(same).at("/session/sessionId").asText();

        var elsewhere = api.send("POST", "/api/payment/claim", claim.formatted(receipt, "02:50:00:00:00:08", ""),
                "Content-Type", "application/json");
        assertEquals(List.of(409, "VOUCHER_ALREADY_USED"), List.of(elsewhere.statusCode(), json(elsewhere).at("/error/code").asText()));

        var moved = api.send("POST", "/api/payment/claim", claim.formatted(receipt, "02:50:00:00:00:08", ",\"move\":true"),
                "Content-Type", "application/json");
        assertEquals(200, moved.statusCode(), moved.body());
        assertTrue(json(moved).get("moved").asBoolean());
        assertNotEquals(oldSessionId, json(moved).at("/session/sessionId").asText());
        var oldSide = sessions.find(new DeviceKey("default", Mac.parse("02:50:00:00:00:07"))).orElseThrow();
        assertEquals(SessionStatus.MOVED, oldSide.status());
        assertTrue(oldSide.movedTo().confirmed());
        var newSide = sessions.find(new DeviceKey("default", Mac.parse("02:50:00:00:00:08"))).orElseThrow();
        assertEquals(SessionStatus.ACTIVE, newSide.status());
        assertEquals(oldSide.accessCode(), newSide.accessCode(), "the user keeps the code they were sent");

        var wrongPhone = api.send("POST", "/api/payment/claim", """
                {"receipt":"%s","phone":"0799999999","gateway":{"mac":"02:50:00:00:00:09"}}""".formatted(receipt),
                "Content-Type", "application/json");
        assertEquals(List.of(404, "NOT_FOUND"), List.of(wrongPhone.statusCode(), json(wrongPhone).at("/error/code").asText()));
    }
}
