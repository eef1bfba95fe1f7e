package com.wifibilling.core.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.LoginStore;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The Logins table on DynamoDB: {@code sessionId} → {@code deviceKey}, nothing else. No {@code ttl} is written:
 * an extension keeps the sessionId, so a login may live as long as its session keeps being extended, and a TTL
 * fixed at creation could delete it under a paid session (RADIUS authorize would then reject the device).
 */
public final class DynamoDbLoginStore implements LoginStore {
    static final TableSchema<LoginItem> SCHEMA = StaticTableSchema.builder(LoginItem.class)
            .newItemSupplier(LoginItem::new)
            .addAttribute(String.class, a -> a.name("sessionId").getter(LoginItem::getSessionId).setter(LoginItem::setSessionId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("deviceKey").getter(LoginItem::getDeviceKey).setter(LoginItem::setDeviceKey))
            .build();

    private final DynamoDbTable<LoginItem> table;

    public DynamoDbLoginStore(DynamoDbClient dynamoDb, String tableName) {
        this.table = AwsClients.enhanced(dynamoDb).table(tableName, SCHEMA);
    }

    @Override
    public boolean put(String sessionId, DeviceKey deviceKey) {
        var item = new LoginItem();
        item.sessionId = sessionId;
        item.deviceKey = deviceKey.value();
        // Create-if-absent, or the same device again (a grant step repeated after a crash or a lost race).
        Expression absentOrSame = Expression.builder().expression("attribute_not_exists(sessionId) OR deviceKey = :deviceKey")
                .putExpressionValue(":deviceKey", AttributeValue.fromS(item.deviceKey)).build();
        try {
            table.putItem(r -> r.item(item).conditionExpression(absentOrSame));
            return true;
        } catch (ConditionalCheckFailedException anotherDevice) {
            return false;
        }
    }

    @Override
    public Optional<DeviceKey> find(String sessionId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(sessionId).build()).consistentRead(true)))
                .map(item -> DeviceKey.parse(item.deviceKey));
    }

    /** The stored form; mutable only because the Enhanced client fills items through setters. */
    public static final class LoginItem {
        private String sessionId;
        private String deviceKey;

        public String getSessionId() { return sessionId; }
        public void setSessionId(String v) { sessionId = v; }
        public String getDeviceKey() { return deviceKey; }
        public void setDeviceKey(String v) { deviceKey = v; }
    }
}
