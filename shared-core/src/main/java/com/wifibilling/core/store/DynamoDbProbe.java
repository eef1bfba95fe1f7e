package com.wifibilling.core.store;

import com.wifibilling.core.health.DependencyProbe;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Returns normally when DynamoDB answers a read of the function's own table: a GetItem for a key that never
 * exists (half a read unit, and allowed by the read policy the function already has; DescribeTable would need
 * another permission). Bounded to two seconds so a health check never hangs.
 */
public final class DynamoDbProbe implements DependencyProbe {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String keyAttribute;

    public DynamoDbProbe(DynamoDbClient dynamoDb, String tableName, String keyAttribute) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.keyAttribute = keyAttribute;
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public void check() {
        dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of(keyAttribute, AttributeValue.fromS("__health__")))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(2))));
    }
}
