package com.wifibilling.core.store;

import com.wifibilling.core.config.SamTemplate.IndexSpec;
import com.wifibilling.core.config.SamTemplate.KeySchema;
import com.wifibilling.core.config.SamTemplate.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates tables exactly as template.yaml declares them (keys, GSIs, on-demand billing), for the local runtime
 * and the store tests. TTL is not switched on: dynalite has no {@code UpdateTimeToLive}, and no logic waits for
 * a TTL deletion (DESIGN §4).
 */
public final class DynamoDbTables {
    private DynamoDbTables() {}

    /** Creates the table under {@code name} unless it already exists (a persisted local data directory). */
    public static void create(DynamoDbClient dynamoDb, TableSpec spec, String name) {
        try {
            dynamoDb.createTable(request(spec, name));
        } catch (ResourceInUseException alreadyThere) {
            // --data-dir kept it from the last run: keep its data
        }
        awaitActive(dynamoDb, name);
    }

    /** Polls briefly: the SDK waiter's first back-off is seconds long, and dynalite activates tables at once. */
    private static void awaitActive(DynamoDbClient dynamoDb, String name) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (dynamoDb.describeTable(r -> r.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("Table " + name + " did not become ACTIVE");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating " + name, e);
            }
        }
    }

    static CreateTableRequest request(TableSpec spec, String name) {
        Set<String> used = new LinkedHashSet<>(keyAttributes(spec.key()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (IndexSpec index : spec.indexes()) {
            used.addAll(keyAttributes(index.key()));
            indexes.add(GlobalSecondaryIndex.builder().indexName(index.name()).keySchema(keySchema(index.key()))
                    .projection(Projection.builder().projectionType(ProjectionType.fromValue(index.projection())).build())
                    .build());
        }
        List<AttributeDefinition> definitions = used.stream().map(attribute -> AttributeDefinition.builder()
                .attributeName(attribute).attributeType(spec.attributeTypes().get(attribute)).build()).toList();
        var builder = CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definitions).keySchema(keySchema(spec.key()));
        if (!indexes.isEmpty()) builder.globalSecondaryIndexes(indexes);
        return builder.build();
    }

    private static List<String> keyAttributes(KeySchema key) {
        return key.sortKey().map(sort -> List.of(key.partitionKey(), sort)).orElse(List.of(key.partitionKey()));
    }

    private static List<KeySchemaElement> keySchema(KeySchema key) {
        List<KeySchemaElement> elements = new ArrayList<>();
        elements.add(KeySchemaElement.builder().attributeName(key.partitionKey()).keyType(KeyType.HASH).build());
        key.sortKey().ifPresent(sort -> elements.add(KeySchemaElement.builder().attributeName(sort).keyType(KeyType.RANGE).build()));
        return elements;
    }
}
