package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.payment.TransactionStatus;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Daraja success callback through the whole local runtime: the callback route queues it, the SQS poller delivers
 * it to CallbackProcessor, which grants the purchase exactly once (contracts/daraja.md §4.1, §4.3; DESIGN §4).
 * The pending transaction is written through the store, as initiate will write it.
 */
class PaymentCallbackEndToEndTest {
    @Test
    void successCallbackPostedToTheRuntimeCompletesThePaymentAndStartsTheSessionOnce() throws Exception {
        try (LocalRuntime runtime = TestRuntimes.start()) {
            var dynamoDb = AwsClients.dynamoDb(AwsConfig.from(Env.of(Map.of("AWS_REGION", "af-south-1",
                    "DYNAMODB_ENDPOINT", runtime.dynamoDbEndpoint().toString()))));
            var transactions = new DynamoDbTransactionStore(dynamoDb, runtime.tableName("TransactionsTable"));
            var sessions = new DynamoDbSessionStore(dynamoDb, runtime.tableName("SessionsTable"));
            TimePackage bought = new DynamoDbPackageStore(AwsClients.enhanced(dynamoDb), runtime.tableName("PackagesTable")).all().stream()
                    .filter(TimePackage::active).findFirst().orElseThrow();
            var device = new DeviceKey("default", Mac.parse("02:30:00:00:00:01"));
            var tx = Transaction.pending("tx-e2e-callback", new Phone("254708374149"), bought.packageId(), Money.kes(bought.priceKES()),
                    bought.durationSeconds(), device, "hash-e2e", "en", Instant.now());
            assertTrue(transactions.create(tx));
            assertTrue(transactions.recordPush(tx.transactionId(), "ws_CO_25112026120000000700000001", "29115-34620561-1"));
            String callback = """
                    {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_25112026120000000700000001",
                    "ResultCode":0,"ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[
                    {"Name":"Amount","Value":%d.00},{"Name":"MpesaReceiptNumber","Value":"TKE2E0CB01"},{"Name":"Balance"},
                    {"Name":"TransactionDate","Value":20261125150000},{"Name":"PhoneNumber","Value":254708374149}]}}}}"""
                    .formatted(bought.priceKES());
            var api = new LocalApi(runtime);
            String path = "/api/payment/callback/" + runtime.secrets().get(LocalSecrets.CALLBACK_TOKEN);

            assertEquals(200, api.send("POST", path, callback, "Content-Type", "application/json").statusCode());
            assertEquals(200, api.send("POST", path, callback, "Content-Type", "application/json").statusCode(), "Daraja sends it twice");

            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            Optional<Session> session = Optional.empty();
            while (Instant.now().isBefore(deadline)) {
                Transaction now = transactions.find(tx.transactionId()).orElseThrow();
                session = sessions.find(device);
                if (now.status() == TransactionStatus.COMPLETED && now.grantConfirmed() && session.isPresent()) break;
                Thread.sleep(100);
            }
            Transaction completed = transactions.find(tx.transactionId()).orElseThrow();
            assertEquals(TransactionStatus.COMPLETED, completed.status());
            assertEquals("TKE2E0CB01", completed.receipt());
            Session granted = session.orElseThrow();
            assertEquals(Map.of(tx.transactionId(), bought.durationSeconds()), granted.appliedGrants(), "granted once, with the package's time");
            // within a second: a session keeps expiresAt to the second (truncated) and startedAt to the millisecond
            long shortBy = bought.durationSeconds() * 1000 - Duration.between(granted.startedAt(), granted.expiresAt()).toMillis();
            assertTrue(shortBy >= 0 && shortBy < 1000, "the package's time, less the truncated fraction: short by " + shortBy + " ms");
        }
    }
}
