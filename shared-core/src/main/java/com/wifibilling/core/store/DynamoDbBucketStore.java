package com.wifibilling.core.store;

import com.wifibilling.core.guard.BucketStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Token bucket levels in the Guards table: {@code key} (S), {@code milliTokens} (N), {@code at} (N, epoch
 * milliseconds) and {@code ttl} (N, epoch seconds). A write's condition is the level it read, both numbers: within
 * one millisecond the tokens only go down, so no two takes can match the same stored level. An item whose
 * {@code ttl} has passed by the injected clock counts as absent.
 */
public final class DynamoDbBucketStore implements BucketStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoDbBucketStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public Optional<Level> read(String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of("key", AttributeValue.fromS(key)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty() || item.get("milliTokens") == null || item.get("at") == null) return Optional.empty();
        if (item.get("ttl") != null && Long.parseLong(item.get("ttl").n()) <= clock.instant().getEpochSecond()) return Optional.empty();
        return Optional.of(new Level(Long.parseLong(item.get("milliTokens").n()), Instant.ofEpochMilli(Long.parseLong(item.get("at").n()))));
    }

    @Override
    public boolean write(String key, Optional<Level> read, Level next, Instant ttl) {
        Map<String, AttributeValue> item = Map.of("key", AttributeValue.fromS(key),
                "milliTokens", AttributeValue.fromN(Long.toString(next.milliTokens())),
                "at", AttributeValue.fromN(Long.toString(next.at().toEpochMilli())),
                "ttl", AttributeValue.fromN(Long.toString(ttl.getEpochSecond())));
        String condition;
        Map<String, String> names;
        Map<String, AttributeValue> values;
        if (read.isEmpty()) {
            condition = "attribute_not_exists(#key) OR #ttl <= :now";
            names = Map.of("#key", "key", "#ttl", "ttl");
            values = Map.of(":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())));
        } else {
            condition = "#at = :readAt AND #tokens = :readTokens";
            names = Map.of("#at", "at", "#tokens", "milliTokens");
            values = Map.of(":readAt", AttributeValue.fromN(Long.toString(read.get().at().toEpochMilli())),
                    ":readTokens", AttributeValue.fromN(Long.toString(read.get().milliTokens())));
        }
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(item).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException lostTheRace) {
            return false;
        }
    }
}
