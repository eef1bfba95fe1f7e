package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaConfig;
import com.wifibilling.core.daraja.StkPushRequest;
import com.wifibilling.core.payment.PaymentSource;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.payment.TransactionStatus;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §1 fallback 3 through the whole local runtime: a payment whose success callback never comes (simulator
 * scenario 254700000004) is completed by the Sweeper, invoked by the runtime's timer, from an STK Query
 * (contracts/daraja.md §9 "Sweeper"), and granted once.
 */
class SweeperEndToEndTest {
    @Test
    void paymentWhoseCallbackIsLostIsCompletedByTheScheduledSweeperAndGrantedOnce() throws Exception {
        try (LocalRuntime runtime = TestRuntimes.start("--schedule-scale", "0.01", "--daraja-time-scale", "0.01")) {
            var dynamoDb = AwsClients.dynamoDb(AwsConfig.from(Env.of(Map.of("AWS_REGION", "af-south-1",
                    "DYNAMODB_ENDPOINT", runtime.dynamoDbEndpoint().toString()))));
            var transactions = new DynamoDbTransactionStore(dynamoDb, runtime.tableName("TransactionsTable"));
            var sessions = new DynamoDbSessionStore(dynamoDb, runtime.tableName("SessionsTable"));
            TimePackage bought = new DynamoDbPackageStore(AwsClients.enhanced(dynamoDb), runtime.tableName("PackagesTable")).all().stream()
                    .filter(TimePackage::active).findFirst().orElseThrow();
            // The simulator answers queries only for checkouts it created: push through it as initiate would.
            var config = DarajaConfig.from(runtime.functionEnvironment("CallbackProcessor"));
            var pushed = new DarajaClient(new OkHttpClient(), config, Clock.systemUTC()).stkPush(new StkPushRequest(
                    Phone.parse("254700000004"), Money.kes(bought.priceKES()), "HS7SWEEP01", "WiFi", config.callbackUrl()));
            var device = new DeviceKey("default", Mac.parse("02:40:00:00:00:01"));
            // Made 200 s ago: past the sweeper's 120 s query window, inside its 600 s expiry window.
            var tx = Transaction.pending("tx-e2e-sweeper", new Phone("254700000004"), bought.packageId(), Money.kes(bought.priceKES()),
                    bought.durationSeconds(), device, "hash-e2e", "en", Instant.now().minusSeconds(200));
            assertTrue(transactions.create(tx));
            assertTrue(transactions.recordPush(tx.transactionId(), pushed.checkoutRequestId(), pushed.merchantRequestId()));

            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            Transaction now = transactions.find(tx.transactionId()).orElseThrow();
            while (!(now.status() == TransactionStatus.COMPLETED && now.grantConfirmed()) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                now = transactions.find(tx.transactionId()).orElseThrow();
            }

            assertEquals(List.of(TransactionStatus.COMPLETED, PaymentSource.SWEEPER, true),
                    List.of(now.status(), now.source(), now.grantConfirmed()));
            assertNull(now.receipt(), "the query never tells the receipt");
            Thread.sleep(1500); // more sweeper runs: nothing is granted again
            assertEquals(Map.of(tx.transactionId(), bought.durationSeconds()), sessions.find(device).orElseThrow().appliedGrants());
        }
    }
}
