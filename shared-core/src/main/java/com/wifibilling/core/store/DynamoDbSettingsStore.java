package com.wifibilling.core.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import com.wifibilling.core.settings.Setting;
import com.wifibilling.core.settings.SettingsStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * The Settings table on DynamoDB: {@code key} (S), {@code value} (S), {@code updatedAt} (StoredTime string),
 * {@code updatedBy} (S), {@code version} (N). {@code key} and {@code value} are reserved words, so conditions
 * name them through placeholders.
 */
public final class DynamoDbSettingsStore implements SettingsStore {
    static final TableSchema<SettingItem> SCHEMA = StaticTableSchema.builder(SettingItem.class)
            .newItemSupplier(SettingItem::new)
            .addAttribute(String.class, a -> a.name("key").getter(SettingItem::getKey).setter(SettingItem::setKey).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("value").getter(SettingItem::getValue).setter(SettingItem::setValue))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(SettingItem::getUpdatedAt).setter(SettingItem::setUpdatedAt))
            .addAttribute(String.class, a -> a.name("updatedBy").getter(SettingItem::getUpdatedBy).setter(SettingItem::setUpdatedBy))
            .addAttribute(Long.class, a -> a.name("version").getter(SettingItem::getVersion).setter(SettingItem::setVersion))
            .build();
    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(#key)")
            .expressionNames(Map.of("#key", "key")).build();

    private final DynamoDbTable<SettingItem> table;

    public DynamoDbSettingsStore(DynamoDbClient dynamoDb, String tableName) {
        this.table = AwsClients.enhanced(dynamoDb).table(tableName, SCHEMA);
    }

    @Override
    public Optional<Setting> find(String key) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(Setting.requireKey(key)).build()).consistentRead(true)))
                .map(SettingItem::toSetting);
    }

    @Override
    public List<Setting> all() {
        return table.scan(r -> r.consistentRead(true)).items().stream().map(SettingItem::toSetting).toList();
    }

    @Override
    public Optional<Setting> put(String key, String value, long expectedVersion, String updatedBy, Instant updatedAt) {
        if (expectedVersion < 0) throw new IllegalArgumentException("expectedVersion is 0 (new) or a stored version");
        var next = new Setting(key, value, updatedAt, updatedBy, expectedVersion + 1);
        Expression unchanged = expectedVersion == 0 ? ABSENT : Expression.builder().expression("#version = :expected")
                .expressionNames(Map.of("#version", "version"))
                .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))).build();
        try {
            table.putItem(r -> r.item(SettingItem.from(next)).conditionExpression(unchanged));
            return Optional.of(next);
        } catch (ConditionalCheckFailedException changedByAnother) {
            return Optional.empty();
        }
    }

    /** The stored form; mutable only because the Enhanced client fills items through setters. */
    public static final class SettingItem {
        private String key;
        private String value;
        private String updatedAt;
        private String updatedBy;
        private Long version;

        static SettingItem from(Setting s) {
            var item = new SettingItem();
            item.key = s.key();
            item.value = s.value();
            item.updatedAt = StoredTime.iso(s.updatedAt());
            item.updatedBy = s.updatedBy();
            item.version = s.version();
            return item;
        }

        Setting toSetting() {
            // DynamoDB keeps an empty string, so value is never null here for items this class wrote.
            return new Setting(key, value, StoredTime.parse(updatedAt), updatedBy, version);
        }

        public String getKey() { return key; }
        public void setKey(String v) { key = v; }
        public String getValue() { return value; }
        public void setValue(String v) { value = v; }
        public String getUpdatedAt() { return updatedAt; }
        public void setUpdatedAt(String v) { updatedAt = v; }
        public String getUpdatedBy() { return updatedBy; }
        public void setUpdatedBy(String v) { updatedBy = v; }
        public Long getVersion() { return version; }
        public void setVersion(Long v) { version = v; }
    }
}
