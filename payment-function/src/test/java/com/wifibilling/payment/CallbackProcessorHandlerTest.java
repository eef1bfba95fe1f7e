package com.wifibilling.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.payment.SuspiciousCallbacks;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.payment.TransactionStatus;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynaliteExtension.RunningDynalite;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import com.wifibilling.core.store.ElasticMqExtension;
import com.wifibilling.core.store.ElasticMqExtension.RunningElasticMq;
import com.wifibilling.core.store.TestQueues;
import com.wifibilling.core.store.TestTables;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CallbackProcessor built by its real wiring on dynalite and ElasticMQ, fed SQS event fixtures as Lambda delivers
 * them (contracts/daraja.md §4.3; STYLE §10 partial batch failures).
 */
@ExtendWith({DynaliteExtension.class, ElasticMqExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbackProcessorHandlerTest {
    private static final String KNOWN_CHECKOUT = "ws_CO_25112026085958123456789001";
    private static final String UNKNOWN_CHECKOUT = "ws_CO_25112026085958123456789099";
    private static final DeviceKey DEVICE = new DeviceKey("gw-processor", Mac.parse("02:20:00:00:00:01"));

    private final CallbackProcessorHandler handler;
    private final TestQueues queues;
    private final DynamoDbTransactionStore transactions;
    private final DynamoDbSessionStore sessions;
    private final DynamoDbEventStore events;

    CallbackProcessorHandlerTest(TestTables tables, RunningDynalite dynalite, TestQueues queues, RunningElasticMq elasticMq) {
        this.queues = queues;
        transactions = new DynamoDbTransactionStore(tables.client(), tables.name("TransactionsTable"));
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        events = new DynamoDbEventStore(tables.client(), tables.name("EventsTable"));
        new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable"))
                .create(new TimePackage("processor-hour", "1 hour", "One hour", 60, 3, 1, 20, true, 1));
        Map<String, String> env = new HashMap<>(tables.environment());
        env.putAll(Map.of("AWS_REGION", "af-south-1", "SERVICE_NAME", "callback-processor",
                "DYNAMODB_ENDPOINT", dynalite.engine().endpoint().toString(), "SQS_ENDPOINT", elasticMq.engine().endpoint().toString(),
                "GATEWAY_COMMANDS_QUEUE_URL", queues.url("GatewayCommandsQueue"), "NOTIFICATIONS_QUEUE_URL", queues.url("NotificationsQueue")));
        // Daraja is never called: every callback here either checks out or is unknown.
        env.putAll(Map.of("DARAJA_BASE_URL", "http://127.0.0.1:9", "DARAJA_CONSUMER_KEY", "consumerKey", "DARAJA_CONSUMER_SECRET",
                "consumerSecret", "DARAJA_SHORTCODE", "174379", "DARAJA_PASSKEY", "passkey", "CALLBACK_BASE_URL", "https://api.example.co.ke",
                "CALLBACK_TOKEN", "9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3"));
        handler = new CallbackProcessorHandler(Env.of(env));
    }

    private static SQSEvent event(String name) {
        return EventLoader.loadSQSEvent("events/sqs/" + name);
    }

    @Test
    void batchGrantsTheKnownCallbackOnceAndReportsOnlyTheUnknownAndUnreadableMessagesAsFailures() {
        var tx = Transaction.pending("tx-processor-1", new Phone("254708374149"), "processor-hour", Money.kes(20), 3600, DEVICE,
                "hash-processor", "en", Instant.now().minusSeconds(20));
        assertTrue(transactions.create(tx));
        assertTrue(transactions.recordPush(tx.transactionId(), KNOWN_CHECKOUT, "29115-34620561-1"));

        SQSBatchResponse response = handler.handleRequest(event("callbacks-batch.json"), null);

        assertEquals(List.of("0e6b6f5e-6c1a-4b8e-9d0f-000000000003", "0e6b6f5e-6c1a-4b8e-9d0f-000000000004"),
                response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList(),
                "the unknown checkout (1st receive) is retried, the unreadable message too; the rest is acknowledged");
        Transaction after = transactions.find(tx.transactionId()).orElseThrow();
        assertEquals(List.of(TransactionStatus.COMPLETED, "TKP4QX81ZA", true), List.of(after.status(), after.receipt(), after.grantConfirmed()));
        assertEquals(3600, sessions.find(DEVICE).orElseThrow().appliedGrants().get(tx.transactionId()));
        assertEquals(1, queues.receive("GatewayCommandsQueue").size(), "the duplicate in the batch granted nothing more");
        assertEquals(1, queues.receive("NotificationsQueue").size());
    }

    @Test
    void unknownCheckoutOnItsThirdReceiveIsRecordedAndAcknowledged() {
        SQSBatchResponse response = handler.handleRequest(event("callback-unknown-third-receive.json"), null);

        assertEquals(List.of(), response.getBatchItemFailures());
        List<AuditEvent> recorded = events.onDay(BusinessDay.of(Instant.now()), 100, null).items().stream()
                .filter(e -> e.type().equals(SuspiciousCallbacks.EVENT_TYPE) && UNKNOWN_CHECKOUT.equals(e.details().get("checkoutRequestId")))
                .toList();
        assertEquals(1, recorded.size());
        assertEquals("UNKNOWN_CHECKOUT", recorded.getFirst().reason());
        assertTrue(recorded.getFirst().details().get("body").contains("TKP4QX81ZA"), "a success for an unknown checkout is kept whole");
    }

    @Test
    void receiveCountIsReadFromTheMessageAttributes() {
        var message = new SQSEvent.SQSMessage();
        message.setAttributes(Map.of("ApproximateReceiveCount", "4"));
        assertEquals(4, CallbackProcessorHandler.receiveCount(message));
        message.setAttributes(Map.of());
        assertEquals(1, CallbackProcessorHandler.receiveCount(message));
    }
}
