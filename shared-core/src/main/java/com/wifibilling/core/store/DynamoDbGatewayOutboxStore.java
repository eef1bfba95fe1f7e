package com.wifibilling.core.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.wifibilling.core.Mac;
import com.wifibilling.core.gateway.GatewayOutboxStore;
import com.wifibilling.core.gateway.OutboxCommand;
import com.wifibilling.core.gateway.OutboxEntry;
import com.wifibilling.core.gateway.OutboxPage;
import com.wifibilling.core.http.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The GatewayOutbox table on DynamoDB (key {@code gatewayId} / {@code seq}, N). {@code expiresAt} and {@code ttl}
 * are epoch seconds (N), {@code createdAt} a StoredTime string, {@code attributes} a map of strings;
 * {@code deviceKey} is stored too, for people reading the table.
 */
public final class DynamoDbGatewayOutboxStore implements GatewayOutboxStore {
    static final TableSchema<OutboxItem> SCHEMA = StaticTableSchema.builder(OutboxItem.class)
            .newItemSupplier(OutboxItem::new)
            .addAttribute(String.class, a -> a.name("gatewayId").getter(OutboxItem::getGatewayId).setter(OutboxItem::setGatewayId).tags(primaryPartitionKey()))
            .addAttribute(Long.class, a -> a.name("seq").getter(OutboxItem::getSeq).setter(OutboxItem::setSeq).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("command").getter(OutboxItem::getCommand).setter(OutboxItem::setCommand))
            .addAttribute(String.class, a -> a.name("deviceKey").getter(OutboxItem::getDeviceKey).setter(OutboxItem::setDeviceKey))
            .addAttribute(String.class, a -> a.name("mac").getter(OutboxItem::getMac).setter(OutboxItem::setMac))
            .addAttribute(String.class, a -> a.name("sessionId").getter(OutboxItem::getSessionId).setter(OutboxItem::setSessionId))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(OutboxItem::getExpiresAt).setter(OutboxItem::setExpiresAt))
            .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("attributes").getter(OutboxItem::getAttributes).setter(OutboxItem::setAttributes))
            .addAttribute(String.class, a -> a.name("createdAt").getter(OutboxItem::getCreatedAt).setter(OutboxItem::setCreatedAt))
            .addAttribute(Long.class, a -> a.name("ttl").getter(OutboxItem::getTtl).setter(OutboxItem::setTtl))
            .build();
    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(seq)").build();

    private final DynamoDbTable<OutboxItem> table;

    public DynamoDbGatewayOutboxStore(DynamoDbClient dynamoDb, String tableName) {
        this.table = AwsClients.enhanced(dynamoDb).table(tableName, SCHEMA);
    }

    @Override
    public boolean append(OutboxEntry entry) {
        try {
            table.putItem(r -> r.item(OutboxItem.from(entry)).conditionExpression(ABSENT));
            return true;
        } catch (ConditionalCheckFailedException seqAlreadyUsed) {
            return false;
        }
    }

    @Override
    public OutboxPage since(String gatewayId, long afterSeq, int limit) {
        if (limit < 1 || limit > 100) throw ApiException.invalidField("limit", "limit must be between 1 and 100");
        // Strongly consistent: an entry written just before its gateway polls must not be skipped.
        var page = table.query(r -> r.queryConditional(QueryConditional.sortGreaterThan(k -> k.partitionValue(gatewayId).sortValue(afterSeq)))
                .consistentRead(true).limit(limit)).iterator().next();
        List<OutboxEntry> entries = page.items().stream().map(OutboxItem::toEntry).toList();
        long lastSeq = entries.isEmpty() ? afterSeq : entries.getLast().seq();
        return new OutboxPage(entries, lastSeq, page.lastEvaluatedKey() != null && !page.lastEvaluatedKey().isEmpty());
    }

    /** The stored form; mutable only because the Enhanced client fills items through setters. */
    public static final class OutboxItem {
        private String gatewayId;
        private Long seq;
        private String command;
        private String deviceKey;
        private String mac;
        private String sessionId;
        private Long expiresAt;
        private Map<String, String> attributes;
        private String createdAt;
        private Long ttl;

        static OutboxItem from(OutboxEntry e) {
            var item = new OutboxItem();
            item.gatewayId = e.gatewayId();
            item.seq = e.seq();
            item.command = e.command().value();
            item.deviceKey = e.deviceKey();
            item.mac = e.mac().value();
            item.sessionId = e.sessionId();
            item.expiresAt = e.expiresAt() == null ? null : e.expiresAt().getEpochSecond();
            item.attributes = e.attributes().isEmpty() ? null : e.attributes();
            item.createdAt = StoredTime.iso(e.createdAt());
            item.ttl = e.ttl().getEpochSecond();
            return item;
        }

        OutboxEntry toEntry() {
            return new OutboxEntry(gatewayId, seq, OutboxCommand.fromValue(command), new Mac(mac), sessionId,
                    expiresAt == null ? null : Instant.ofEpochSecond(expiresAt), attributes, StoredTime.parse(createdAt));
        }

        public String getGatewayId() { return gatewayId; }
        public void setGatewayId(String v) { gatewayId = v; }
        public Long getSeq() { return seq; }
        public void setSeq(Long v) { seq = v; }
        public String getCommand() { return command; }
        public void setCommand(String v) { command = v; }
        public String getDeviceKey() { return deviceKey; }
        public void setDeviceKey(String v) { deviceKey = v; }
        public String getMac() { return mac; }
        public void setMac(String v) { mac = v; }
        public String getSessionId() { return sessionId; }
        public void setSessionId(String v) { sessionId = v; }
        public Long getExpiresAt() { return expiresAt; }
        public void setExpiresAt(Long v) { expiresAt = v; }
        public Map<String, String> getAttributes() { return attributes; }
        public void setAttributes(Map<String, String> v) { attributes = v; }
        public String getCreatedAt() { return createdAt; }
        public void setCreatedAt(String v) { createdAt = v; }
        public Long getTtl() { return ttl; }
        public void setTtl(Long v) { ttl = v; }
    }
}
