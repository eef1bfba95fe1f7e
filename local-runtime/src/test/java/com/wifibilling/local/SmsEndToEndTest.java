package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.voucher.CodeFormat;
import com.wifibilling.local.sms.SentSms;
import com.wifibilling.local.sms.SmsSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SMS through the local runtime: the grant's receipt and an admin's voucher send travel the notifications queue to the
 * Notifications function, which sends them to the SMS simulator as it would to Africa's Talking; the operator's switch
 * stops receipts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsEndToEndTest {
    private static final String PASSWORD = "sms-e2e-admin-password";
    private LocalRuntime runtime;
    private LocalApi api;
    private String[] admin;

    @BeforeAll
    void start() {
        runtime = TestRuntimes.start(Env.of(Map.of("ADMIN_PASSWORD", PASSWORD)));
        api = new LocalApi(runtime);
        admin = new String[] {"Authorization", "Bearer " + api.adminToken(PASSWORD)};
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    /** Returns the completed purchase's status (with its session) for {@code phone}, bought in {@code lang}. */
    private JsonNode buy(String phone, String mac, String lang) {
        var initiated = api.send("POST", "/api/payment/initiate", """
                {"phone":"%s","packageId":"basic","gateway":{"mac":"%s","ip":"10.5.50.23","dst":"http://example.com/"},"lang":"%s"}"""
                .formatted(phone, mac, lang), "Content-Type", "application/json");
        assertEquals(200, initiated.statusCode(), initiated.body());
        JsonNode answer = LocalApi.json(initiated);
        return HotspotFlow.await("purchase final", Duration.ofSeconds(10), () -> {
            JsonNode status = LocalApi.json(api.get("/api/payment/status?transactionId=" + answer.get("transactionId").asText(),
                    "X-Client-Token", answer.get("clientToken").asText()));
            return status.get("status").asText().equals("pending") ? Optional.empty() : Optional.of(status);
        });
    }

    private List<SentSms> awaitSms(String msisdn, int count) {
        return HotspotFlow.await(count + " SMS to " + msisdn, Duration.ofSeconds(10), () -> {
            List<SentSms> sent = runtime.smsSimulator().messages(msisdn);
            return sent.size() >= count ? Optional.of(sent) : Optional.empty();
        });
    }

    private void notifications(String body) {
        long version = LocalApi.json(api.get("/api/admin/settings", admin)).get("version").asLong();
        var saved = api.send("PUT", "/api/admin/settings", "{\"version\":%d,\"notifications\":%s}".formatted(version, body),
                "Content-Type", "application/json", admin[0], admin[1]);
        assertEquals(200, saved.statusCode(), saved.body());
    }

    @Test
    void aPaidPurchaseGetsItsAccessCodeBySmsWithinSeconds() throws Exception {
        JsonNode done = buy("0712000301", "02:5D:00:00:00:01", "en");
        assertEquals("completed", done.get("status").asText(), done.toString());
        String code = CodeFormat.display(CodeFormat.normalize(done.at("/session/accessCode").asText()));

        SentSms sms = awaitSms("254712000301", 1).getFirst();
        assertTrue(sms.message().startsWith("Your WiFi code is " + code), sms.message());

        var listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(runtime.smsSimulator().baseUri()
                + "/simulator/sms/messages?to=254712000301")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, listed.statusCode());
        JsonNode item = LocalApi.json(listed).at("/items/0");
        assertEquals(List.of("254712000301", sms.message()), List.of(item.get("to").asText(), item.get("message").asText()), listed.body());
        Thread.sleep(1500); // a re-publish or redelivery would have landed by now
        assertEquals(1, runtime.smsSimulator().messages("254712000301").size(), "one SMS per grant");
    }

    @Test
    void anAdminsVoucherSendReachesThePhoneInSwahili() {
        var ordered = api.postJson("/api/admin/vouchers/generate", Map.of("packageId", "basic", "count", 1, "validDays", 30), admin);
        assertEquals(201, ordered.statusCode(), ordered.body());
        var sent = api.postJson("/api/admin/vouchers/send", Map.of("batchId", LocalApi.json(ordered).get("batchId").asText(),
                "phones", List.of("0711000311"), "lang", "sw"), admin);
        assertEquals(202, sent.statusCode(), sent.body());
        String code = CodeFormat.display(CodeFormat.normalize(LocalApi.json(sent).at("/items/0/code").asText()));

        SentSms sms = awaitSms("254711000311", 1).getFirst();
        assertTrue(sms.message().startsWith("Vocha yako ya WiFi") && sms.message().contains(code), sms.message());
    }

    @Test
    void switchedOffReceiptsSendNothingForTheNextPurchase() throws Exception {
        notifications("{\"smsReceipts\":false}");
        try {
            JsonNode done = buy("0712000302", "02:5D:00:00:00:02", "sw");
            assertEquals("completed", done.get("status").asText(), done.toString());
            Thread.sleep(2000); // the receipt, if any, would have reached the simulator by now
            assertEquals(List.of(), runtime.smsSimulator().messages("254712000302"));
        } finally {
            notifications("{\"smsReceipts\":true}");
        }
    }

    @Test
    void theSimulatorRefusesItsScenarioNumbersAndAWrongKeyAsAfricasTalkingDoes() throws Exception {
        var client = HttpClient.newHttpClient();
        URI messaging = URI.create(runtime.smsSimulator().baseUri() + "/version1/messaging");
        var invalid = client.send(HttpRequest.newBuilder(messaging).header("apiKey", SmsSimulator.LOCAL_API_KEY)
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=sandbox&to=%2B" + SmsSimulator.INVALID_NUMBER + "&message=hi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, invalid.statusCode());
        assertEquals(List.of(403, "InvalidPhoneNumber"), List.of(LocalApi.json(invalid).at("/SMSMessageData/Recipients/0/statusCode").asInt(),
                LocalApi.json(invalid).at("/SMSMessageData/Recipients/0/status").asText()));
        var wrongKey = client.send(HttpRequest.newBuilder(messaging).header("apiKey", "nope")
                .POST(HttpRequest.BodyPublishers.ofString("username=sandbox&to=%2B254712000399&message=hi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrongKey.statusCode());
        assertEquals(List.of(), runtime.smsSimulator().messages("254712000399"));
    }
}
