package com.wifibilling.coa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.settings.OperatorSettings;
import com.wifibilling.core.sms.SmsConfig;
import com.wifibilling.core.sms.SmsNotifications;
import com.wifibilling.core.sms.SmsSender;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbSettingsStore;
import com.wifibilling.core.store.TestTables;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications on dynalite (Settings, Guards) with Africa's Talking on MockWebServer, fed SQS events as Lambda
 * delivers them: one SMS per grant or voucher however often the message comes, the operator's switch, and what a
 * failure for now and a refusal for good each do.
 */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationHandlerTest {
    private static final String SENT = """
            {"SMSMessageData":{"Message":"Sent to 1/1 Total Cost: KES 0.8000","Recipients":[{"statusCode":101,"number":"+254712345678",
            "status":"Success","cost":"KES 0.8000","messageId":"ATXid_1"}]}}""";
    private final MockWebServer at = new MockWebServer();
    private final List<String> emf = new CopyOnWriteArrayList<>();
    private final TestTables tables;
    private final DynamoDbGuardStore guards;
    private final OperatorSettings settings;
    private NotificationHandler handler;

    NotificationHandlerTest(TestTables tables) {
        this.tables = tables;
        guards = new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable"));
        var settingsStore = new DynamoDbSettingsStore(tables.client(), tables.name("SettingsTable"));
        settings = new OperatorSettings(settingsStore, new DynamoDbEventStore(tables.client(), tables.name("EventsTable")), Clock.systemUTC());
    }

    @BeforeAll
    void start() throws IOException {
        at.start();
        var config = new SmsConfig(URI.create(at.url("/").toString()), "sandbox", "atsk_test", Optional.of("WIFIHOT"));
        var metrics = new Metrics("notifications", Clock.systemUTC(), emf::add);
        var notifications = new SmsNotifications(new DynamoDbSettingsStore(tables.client(), tables.name("SettingsTable")), guards,
                new SmsSender(new OkHttpClient(), config), metrics, Clock.systemUTC());
        handler = new NotificationHandler(new NotificationsWiring(notifications, metrics));
    }

    @AfterAll
    void stop() {
        at.close();
    }

    private void answer(int status, String body) {
        at.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build());
    }

    private static SQSEvent fixture() {
        return EventLoader.loadSQSEvent("events/sqs/notifications-batch.json");
    }

    /** The fixture's message {@code index} as another message: its own messageId, the body's ids replaced by {@code id}. */
    private static SQSEvent one(int index, String messageId, String id) {
        SQSEvent.SQSMessage message = fixture().getRecords().get(index);
        message.setMessageId(messageId);
        message.setBody(message.getBody().replace("tx-notify-0101", id).replace("WK4N7PQR2TZC", id));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = at.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) throw new AssertionError("Africa's Talking received nothing");
        return request;
    }

    private String metricLines() {
        return String.join("\n", emf);
    }

    @Test
    void aBatchSendsTheReceiptAndTheVoucherOnceEachThoughSqsDeliversItAgain() throws InterruptedException {
        answer(201, SENT);
        answer(201, SENT);
        int before = at.getRequestCount();

        assertEquals(List.of(), failed(handler.handleRequest(fixture(), null)));
        String receipt = take().getBody().utf8();
        String voucher = take().getBody().utf8();
        assertTrue(receipt.contains("to=%2B254712345678") && receipt.contains("HS7K-2M9Q-4BX") && receipt.contains("from=WIFIHOT"), receipt);
        assertTrue(voucher.contains("to=%2B254711000201") && voucher.contains("Vocha+yako") && voucher.contains("WK4N-7PQR-2TZC"), voucher);

        assertEquals(List.of(), failed(handler.handleRequest(fixture(), null)), "the redelivery is acknowledged");
        assertEquals(List.of(), failed(handler.handleRequest(one(0, "republished-1", "tx-notify-0101"), null)), "and the grant's re-publish");
        assertEquals(before + 2, at.getRequestCount(), "two SMS in all");
        assertTrue(metricLines().contains("\"SmsSent\":2"), metricLines());
    }

    @Test
    void aMessageWithoutItsTypeAttributeIsKnownByItsBody() throws InterruptedException {
        answer(201, SENT);
        SQSEvent event = one(1, "no-type-1", "PQ4M7K2NXB8T");
        event.getRecords().getFirst().setMessageAttributes(Map.of());
        assertEquals(List.of(), failed(handler.handleRequest(event, null)));
        assertTrue(take().getBody().utf8().contains("PQ4M-7K2N-XB8T"));
    }

    @Test
    void aFailureForNowComesBackWithTheGuardReleasedSoTheRetrySends() throws InterruptedException {
        answer(503, "Service Unavailable");
        SQSEvent event = one(0, "transient-1", "tx-notify-0201");
        assertEquals(List.of("transient-1"), failed(handler.handleRequest(event, null)));
        take();
        assertEquals(Optional.empty(), guards.find(GuardKeys.sms("tx-notify-0201")), "released");
        assertTrue(metricLines().contains("\"reason\":\"http-503\""), metricLines());

        answer(201, SENT);
        assertEquals(List.of(), failed(handler.handleRequest(one(0, "transient-1", "tx-notify-0201"), null)));
        assertTrue(take().getBody().utf8().contains("HS7K-2M9Q-4BX"), "the redelivery sent it");
        assertEquals("transient-1", guards.find(GuardKeys.sms("tx-notify-0201")).orElseThrow().owner());
    }

    @Test
    void aNumberAfricasTalkingRefusesIsDroppedCountedAndNeverTriedAgain() throws InterruptedException {
        answer(201, """
                {"SMSMessageData":{"Message":"Sent to 0/1 Total Cost: 0","Recipients":[{"statusCode":403,"number":"+254712345678",
                "status":"InvalidPhoneNumber","cost":"0","messageId":"None"}]}}""");
        assertEquals(List.of(), failed(handler.handleRequest(one(0, "rejected-1", "tx-notify-0301"), null)));
        take();
        assertTrue(metricLines().contains("\"reason\":\"InvalidPhoneNumber\""), metricLines());
        int after = at.getRequestCount();
        assertEquals(List.of(), failed(handler.handleRequest(one(0, "rejected-1", "tx-notify-0301"), null)));
        assertEquals(after, at.getRequestCount(), "not sent again");
    }

    @Test
    void switchedOffReceiptsAreDroppedAndCountedWhileVouchersStillGo() throws InterruptedException {
        long version = settings.current().version();
        settings.save(new OperatorSettings.Change(version, null, new OperatorSettings.Notifications(false, null)), "admin-test");
        try {
            int before = at.getRequestCount();
            assertEquals(List.of(), failed(handler.handleRequest(one(0, "off-1", "tx-notify-0401"), null)));
            assertEquals(before, at.getRequestCount(), "no receipt sent");
            assertTrue(metricLines().contains("\"reason\":\"disabled\"") && metricLines().contains("SmsSkipped"), metricLines());
            assertEquals(Optional.empty(), guards.find(GuardKeys.sms("tx-notify-0401")), "nothing claimed");

            answer(201, SENT);
            assertEquals(List.of(), failed(handler.handleRequest(one(1, "off-2", "ZT7Q2M4KP9XW"), null)));
            assertTrue(take().getBody().utf8().contains("ZT7Q-2M4K-P9XW"), "vouchers have their own switch");
        } finally {
            settings.save(new OperatorSettings.Change(version + 1, null, new OperatorSettings.Notifications(true, null)), "admin-test");
        }
    }

    @Test
    void anUnreadableMessageIsDroppedAndCounted() {
        SQSEvent event = one(0, "bad-1", "x");
        event.getRecords().getFirst().setBody("{\"grantId\":\"tx-bad\",\"phone\":\"0712\"}");
        int before = at.getRequestCount();
        assertEquals(List.of(), failed(handler.handleRequest(event, null)));
        assertEquals(before, at.getRequestCount());
        assertTrue(metricLines().contains("\"reason\":\"unreadable\""), metricLines());
    }

    @Test
    void initFailsNamingAMissingSmsVariable() {
        Map<String, String> env = new HashMap<>(tables.environment());
        env.putAll(Map.of("AWS_REGION", "af-south-1", "SERVICE_NAME", "notifications", "SMS_PROVIDER_URL", at.url("/").toString(),
                "SMS_USERNAME", "sandbox"));
        var missing = assertThrows(ConfigException.class, () -> new NotificationHandler(Env.of(env)));
        assertTrue(missing.getMessage().contains("SMS_API_KEY"), missing.getMessage());
    }
}
