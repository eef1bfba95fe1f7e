package com.wifibilling.core.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wifibilling.core.Phone;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The Africa's Talking client against MockWebServer: AT's exact request, and each kind of answer it gives. */
class SmsSenderTest {
    private static final Phone TO = new Phone("254712345678");
    private final MockWebServer at = new MockWebServer();
    private SmsSender sender;

    @BeforeEach
    void start() throws IOException {
        at.start();
        sender = new SmsSender(new OkHttpClient(), config(Optional.of("WIFIHOT")), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        at.close();
    }

    private SmsConfig config(Optional<String> senderId) {
        return new SmsConfig(URI.create(at.url("/").toString()), "sandbox", "atsk_test_key_123", senderId);
    }

    private void answer(int status, String body) {
        at.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build());
    }

    private static String recipient(int statusCode, String status, String messageId, String cost) {
        return """
                {"SMSMessageData":{"Message":"Sent to 1/1 Total Cost: %s","Recipients":[{"statusCode":%d,"number":"+254712345678",
                "status":"%s","cost":"%s","messageId":"%s"}]}}""".formatted(cost, statusCode, status, cost, messageId);
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = at.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) throw new AssertionError("Africa's Talking received nothing");
        return request;
    }

    @Test
    void aSendPostsAtsFormWithTheApiKeyHeaderAndReadsTheMessageIdAndCost() throws InterruptedException {
        answer(201, recipient(101, "Success", "ATXid_5e2f", "KES 0.8000"));

        SmsOutcome outcome = sender.send(TO, "Your WiFi code is HS7K-2M9Q-4BX & more");

        assertEquals(new SmsOutcome.Sent("ATXid_5e2f", "KES 0.8000", 101), outcome);
        RecordedRequest request = take();
        assertEquals("POST", request.getMethod());
        assertEquals("/version1/messaging", request.getTarget());
        assertEquals("atsk_test_key_123", request.getHeaders().get("apiKey"));
        assertEquals("application/json", request.getHeaders().get("Accept"));
        assertEquals("application/x-www-form-urlencoded", request.getHeaders().get("Content-Type"));
        assertEquals("username=sandbox&to=%2B254712345678&message=Your+WiFi+code+is+HS7K-2M9Q-4BX+%26+more&from=WIFIHOT",
                request.getBody().utf8());
    }

    @Test
    void withoutASenderIdTheFormHasNoFromField() throws InterruptedException {
        sender = new SmsSender(new OkHttpClient(), config(Optional.empty()));
        answer(201, recipient(100, "Success", "ATXid_1", "KES 0.8000"));
        assertEquals(SmsOutcome.Sent.class, sender.send(TO, "hi").getClass());
        assertEquals("username=sandbox&to=%2B254712345678&message=hi", take().getBody().utf8());
    }

    @Test
    void aNumberAtRefusesForGoodIsRejectedWithItsStatus() {
        answer(201, recipient(403, "InvalidPhoneNumber", "None", "0"));
        assertEquals(new SmsOutcome.Rejected("InvalidPhoneNumber", 403), sender.send(TO, "x"));
        answer(201, recipient(406, "UserInBlacklist", "None", "0"));
        assertEquals(new SmsOutcome.Rejected("UserInBlacklist", 406), sender.send(TO, "x"));
    }

    @Test
    void riskHoldAndAnEmptyAccountAreFailuresForNowNotRejections() {
        answer(201, recipient(401, "RiskHold", "None", "0"));
        assertEquals(new SmsOutcome.Failed("RiskHold"), sender.send(TO, "x"));
        answer(201, recipient(405, "InsufficientBalance", "None", "0"));
        assertEquals(new SmsOutcome.Failed("InsufficientBalance"), sender.send(TO, "x"));
    }

    @Test
    void aWrongApiKeyAndAServerErrorAreFailuresForNow() {
        at.enqueue(new MockResponse.Builder().code(401).body("The supplied authentication is invalid").build());
        assertEquals(new SmsOutcome.Failed("http-401"), sender.send(TO, "x"));
        answer(500, "{}");
        assertEquals(new SmsOutcome.Failed("http-500"), sender.send(TO, "x"));
    }

    @Test
    void anAnswerWithoutARecipientIsUnreadableAndRetried() {
        answer(201, "{\"SMSMessageData\":{\"Message\":\"InvalidSenderId\",\"Recipients\":[]}}");
        assertEquals(new SmsOutcome.Failed("unreadable-answer"), sender.send(TO, "x"));
        answer(201, "<html>gateway</html>");
        assertEquals(new SmsOutcome.Failed("unreadable-answer"), sender.send(TO, "x"));
    }

    @Test
    void aSlowAnswerTimesOut() {
        at.enqueue(new MockResponse.Builder().code(201).body(recipient(101, "Success", "ATXid_slow", "KES 0.8000"))
                .headersDelay(2, TimeUnit.SECONDS).build());
        assertEquals(new SmsOutcome.Failed("timeout"), sender.send(TO, "x"));
    }

    @Test
    void theConfigComesFromEnvAndNeverShowsTheKey() {
        var config = SmsConfig.from(Env.of(Map.of("SMS_PROVIDER_URL", "https://api.sandbox.africastalking.com/", "SMS_USERNAME", "sandbox",
                "SMS_API_KEY", "atsk_secret_value")));
        assertEquals(URI.create("https://api.sandbox.africastalking.com"), config.baseUrl());
        assertEquals(Optional.empty(), config.senderId());
        assertEquals(-1, config.toString().indexOf("atsk_secret_value"));
        assertMessage("Missing environment variable SMS_API_KEY", () -> SmsConfig.from(Env.of(Map.of(
                "SMS_PROVIDER_URL", "https://api.africastalking.com", "SMS_USERNAME", "acme"))));
        assertMessage("Malformed environment variable SMS_PROVIDER_URL", () -> SmsConfig.from(Env.of(Map.of(
                "SMS_PROVIDER_URL", "api.africastalking.com", "SMS_USERNAME", "acme", "SMS_API_KEY", "k"))));
    }

    private static void assertMessage(String start, Executable config) {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, config);
        assertEquals(start, e.getMessage().substring(0, Math.min(start.length(), e.getMessage().length())), e.getMessage());
    }
}
