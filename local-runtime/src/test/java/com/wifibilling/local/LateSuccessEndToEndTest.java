package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Mac;
import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.payment.TransactionStatus;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * contracts/daraja.md §10.2's late success through the whole runtime: 254700000007 pays, but its callback comes
 * only after our side expired the purchase (expiry window shortened to 3 s by its template parameter, the
 * simulator 10× faster, the sweeper every 1.2 s). The money was taken, so the purchase ends completed with
 * {@code late: true}, and the device gets its time once.
 */
class LateSuccessEndToEndTest {
    @Test
    void aSuccessCallbackAfterOurExpiryIsHonouredLateAndGrantedOnce(@TempDir Path dir) throws Exception {
        String template = Files.readString(RepoPaths.home().resolve("template.yaml"))
                .replaceFirst("(SweeperQueryAfterSeconds:\\s+Type: Number\\s+Default:) 120", "$1 1")
                .replaceFirst("(SweeperExpireAfterSeconds:\\s+Type: Number\\s+Default:) 600", "$1 3");
        assertTrue(template.contains("Default: 3\n"), "the expiry window was shortened");
        Path shortened = dir.resolve("template.yaml");
        Files.writeString(shortened, template);

        try (LocalRuntime runtime = TestRuntimes.start("--template", shortened.toString(), "--daraja-time-scale", "0.1",
                "--schedule-scale", "0.02")) {
            var api = new LocalApi(runtime);
            var dynamoDb = AwsClients.dynamoDb(AwsConfig.from(Env.of(Map.of("AWS_REGION", "af-south-1",
                    "DYNAMODB_ENDPOINT", runtime.dynamoDbEndpoint().toString()))));
            var transactions = new DynamoDbTransactionStore(dynamoDb, runtime.tableName("TransactionsTable"));
            var sessions = new DynamoDbSessionStore(dynamoDb, runtime.tableName("SessionsTable"));

            var initiated = api.send("POST", "/api/payment/initiate", """
                    {"phone":"254700000007","packageId":"basic","gateway":{"mac":"02:60:00:00:00:07"}}""",
                    "Content-Type", "application/json");
            assertEquals(200, initiated.statusCode(), initiated.body());
            String id = Json.MAPPER.readTree(initiated.body()).get("transactionId").asText();

            List<TransactionStatus> seen = new java.util.ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (Instant.now().isBefore(deadline)) {
                TransactionStatus now = transactions.find(id).orElseThrow().status();
                if (seen.isEmpty() || seen.getLast() != now) seen.add(now);
                if (now == TransactionStatus.COMPLETED && transactions.find(id).orElseThrow().grantConfirmed()) break;
                Thread.sleep(50);
            }

            assertEquals(List.of(TransactionStatus.PENDING, TransactionStatus.EXPIRED, TransactionStatus.COMPLETED), seen);
            Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(runtime.tableName("TransactionsTable"))
                    .key(Map.of("transactionId", AttributeValue.fromS(id))).consistentRead(true)).item();
            assertEquals(List.of(true, "expired"), List.of(item.get("late").bool(), item.get("previousStatus").s()));
            assertTrue(item.get("receipt").s().matches("[A-Z0-9]{10}"));
            var session = sessions.find(new DeviceKey("default", Mac.parse("02:60:00:00:00:07"))).orElseThrow();
            assertEquals(Map.of(id, 3600L), session.appliedGrants());
            JsonNode status = Json.MAPPER.readTree(api.get("/api/payment/status?transactionId=" + id).body());
            assertEquals("completed", status.get("status").asText());
        }
    }
}
