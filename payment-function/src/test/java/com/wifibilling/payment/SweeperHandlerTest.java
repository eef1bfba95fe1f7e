package com.wifibilling.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.daraja.DarajaServer;
import com.wifibilling.core.payment.PaymentFinalizer;
import com.wifibilling.core.payment.PaymentSource;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.payment.TransactionStatus;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynaliteExtension.RunningDynalite;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Sweeper built by its real wiring on dynalite and ElasticMQ, with Daraja mocked over HTTP, fed the scheduled
 * event EventBridge sends every minute (contracts/daraja.md §9 "Sweeper").
 */
@ExtendWith({DynaliteExtension.class, ElasticMqExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweeperHandlerTest {
    private static final TimePackage HOUR = new TimePackage("sweeper-hour", "1 hour", "One hour", 60, 3, 1, 20, true, 1);

    private final DarajaServer daraja = new DarajaServer();
    private final SweeperHandler handler;
    private final TestQueues queues;
    private final DynamoDbTransactionStore transactions;
    private final DynamoDbSessionStore sessions;

    SweeperHandlerTest(TestTables tables, RunningDynalite dynalite, TestQueues queues, RunningElasticMq elasticMq) {
        this.queues = queues;
        transactions = new DynamoDbTransactionStore(tables.client(), tables.name("TransactionsTable"));
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable")).create(HOUR);
        var darajaConfig = daraja.payBill(DarajaServer.newConsumerKey());
        Map<String, String> env = new HashMap<>(tables.environment());
        env.putAll(Map.of("AWS_REGION", "af-south-1", "SERVICE_NAME", "sweeper",
                "DYNAMODB_ENDPOINT", dynalite.engine().endpoint().toString(), "SQS_ENDPOINT", elasticMq.engine().endpoint().toString(),
                "GATEWAY_COMMANDS_QUEUE_URL", queues.url("GatewayCommandsQueue"), "NOTIFICATIONS_QUEUE_URL", queues.url("NotificationsQueue"),
                "SWEEPER_QUERIES_PER_SECOND", "50"));
        env.putAll(Map.of("DARAJA_BASE_URL", darajaConfig.baseUrl().toString(), "DARAJA_CONSUMER_KEY", darajaConfig.consumerKey(),
                "DARAJA_CONSUMER_SECRET", darajaConfig.consumerSecret(), "DARAJA_SHORTCODE", darajaConfig.shortcode(),
                "DARAJA_PASSKEY", darajaConfig.passkey(), "CALLBACK_BASE_URL", "https://api.example.co.ke",
                "CALLBACK_TOKEN", "9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3"));
        handler = new SweeperHandler(Env.of(env));
    }

    @AfterAll
    void stop() {
        daraja.close();
    }

    @Test
    void scheduledRunCompletesAPaidPaymentExpiresAnUnaskableOneAndLeavesAYoungOne() {
        Instant now = Instant.now();
        Transaction paid = purchase(1, now.minusSeconds(200), "ws_CO_25112026085958123456789101");
        Transaction unaskable = purchase(2, now.minusSeconds(700), null);
        Transaction young = purchase(3, now.minusSeconds(30), "ws_CO_25112026085958123456789103");
        daraja.answerToken();
        daraja.answer(200, """
                {"ResponseCode":"0","ResponseDescription":"The service request has been accepted successsfully",
                "ResultCode":"0","ResultDesc":"The service request is processed successfully."}""");

        handler.handleRequest(EventLoader.loadScheduledEvent("events/schedule/every-minute.json"), null);

        Transaction completed = transactions.find(paid.transactionId()).orElseThrow();
        assertEquals(List.of(TransactionStatus.COMPLETED, PaymentSource.SWEEPER, true),
                List.of(completed.status(), completed.source(), completed.grantConfirmed()));
        assertEquals(3600, sessions.find(paid.deviceKey()).orElseThrow().appliedGrants().get(paid.transactionId()));
        assertEquals(1, queues.receive("GatewayCommandsQueue").size());
        Transaction expired = transactions.find(unaskable.transactionId()).orElseThrow();
        assertEquals(List.of(TransactionStatus.EXPIRED, PaymentFinalizer.NO_RESULT), List.of(expired.status(), expired.resultDesc()));
        assertNull(expired.resultCode());
        assertEquals(young, transactions.find(young.transactionId()).orElseThrow());
        assertEquals(2, daraja.requests(), "one token and one query: only the paid payment was asked");
    }

    @Test
    void scheduledEventFixtureIsWhatEventBridgeSends() {
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/schedule/every-minute.json");
        assertEquals(List.of("Scheduled Event", "aws.events"), List.of(event.getDetailType(), event.getSource()));
        assertTrue(event.getResources().getFirst().startsWith("arn:aws:events:"));
    }

    private Transaction purchase(int n, Instant createdAt, String checkoutRequestId) {
        var device = new DeviceKey("gw-sweeper", Mac.parse("02:30:00:00:00:0" + n));
        var tx = Transaction.pending("tx-sweeper-" + n, new Phone("25470837414" + n), HOUR.packageId(), Money.kes(20), 3600, device,
                "hash-sweeper", "en", createdAt);
        assertTrue(transactions.create(tx));
        if (checkoutRequestId != null) assertTrue(transactions.recordPush(tx.transactionId(), checkoutRequestId, "29115-3462056" + n));
        return transactions.find(tx.transactionId()).orElseThrow();
    }
}
