package com.wifibilling.core.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.wifibilling.core.Page;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.event.EventStore;
import com.wifibilling.core.http.ApiException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The Events table on DynamoDB. Key: {@code day} ({@code 2026-11-25}, East Africa Time) and {@code atId}
 * ({@code StoredTime.iso(at) + "#" + id}: fixed-width time first, so a day sorts by time, and the id so two
 * events in one millisecond both fit). {@code at} is also stored alone; {@code ttl} is epoch seconds.
 */
public final class DynamoDbEventStore implements EventStore {
    static final TableSchema<EventItem> SCHEMA = StaticTableSchema.builder(EventItem.class)
            .newItemSupplier(EventItem::new)
            .addAttribute(String.class, a -> a.name("day").getter(EventItem::getDay).setter(EventItem::setDay).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("atId").getter(EventItem::getAtId).setter(EventItem::setAtId).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("at").getter(EventItem::getAt).setter(EventItem::setAt))
            .addAttribute(String.class, a -> a.name("id").getter(EventItem::getId).setter(EventItem::setId))
            .addAttribute(String.class, a -> a.name("type").getter(EventItem::getType).setter(EventItem::setType))
            .addAttribute(String.class, a -> a.name("actor").getter(EventItem::getActor).setter(EventItem::setActor))
            .addAttribute(String.class, a -> a.name("subject").getter(EventItem::getSubject).setter(EventItem::setSubject))
            .addAttribute(String.class, a -> a.name("reason").getter(EventItem::getReason).setter(EventItem::setReason))
            .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("details").getter(EventItem::getDetails).setter(EventItem::setDetails))
            .addAttribute(Long.class, a -> a.name("ttl").getter(EventItem::getTtl).setter(EventItem::setTtl))
            .build();
    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(atId)").build();
    private static final Set<String> LIST_KEY = Set.of("day", "atId");

    private final DynamoDbTable<EventItem> table;

    public DynamoDbEventStore(DynamoDbClient dynamoDb, String tableName) {
        this.table = AwsClients.enhanced(dynamoDb).table(tableName, SCHEMA);
    }

    @Override
    public boolean record(AuditEvent event) {
        try {
            table.putItem(r -> r.item(EventItem.from(event)).conditionExpression(ABSENT));
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            return false;
        }
    }

    @Override
    public Page<AuditEvent> onDay(LocalDate day, int limit, String cursor) {
        if (limit < 1 || limit > 100) throw ApiException.invalidField("limit", "limit must be between 1 and 100");
        Map<String, AttributeValue> start = startKey(cursor, day);
        var page = table.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(day.toString())))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(start)).iterator().next();
        return new Page<>(page.items().stream().map(EventItem::toEvent).toList(), Cursors.encode(page.lastEvaluatedKey()));
    }

    /** A cursor from another day's list, or with non-string parts, would be a DynamoDB error (500): make it a 400. */
    private static Map<String, AttributeValue> startKey(String cursor, LocalDate day) {
        Map<String, AttributeValue> start = Cursors.decode(cursor, LIST_KEY);
        if (start == null) return null;
        if (!day.toString().equals(start.get("day").s()) || start.get("atId").s() == null)
            throw ApiException.invalidField("cursor", "cursor is not one this list returned");
        return start;
    }

    /** The stored form; mutable only because the Enhanced client fills items through setters. */
    public static final class EventItem {
        private String day;
        private String atId;
        private String at;
        private String id;
        private String type;
        private String actor;
        private String subject;
        private String reason;
        private Map<String, String> details;
        private Long ttl;

        static EventItem from(AuditEvent e) {
            var item = new EventItem();
            item.day = e.day().toString();
            item.at = StoredTime.iso(e.at());
            item.atId = item.at + "#" + e.id();
            item.id = e.id();
            item.type = e.type();
            item.actor = e.actor();
            item.subject = e.subject();
            item.reason = e.reason();
            item.details = e.details().isEmpty() ? null : e.details();
            item.ttl = e.ttl().getEpochSecond();
            return item;
        }

        AuditEvent toEvent() {
            return new AuditEvent(StoredTime.parse(at), id, type, actor, subject, reason, details);
        }

        public String getDay() { return day; }
        public void setDay(String v) { day = v; }
        public String getAtId() { return atId; }
        public void setAtId(String v) { atId = v; }
        public String getAt() { return at; }
        public void setAt(String v) { at = v; }
        public String getId() { return id; }
        public void setId(String v) { id = v; }
        public String getType() { return type; }
        public void setType(String v) { type = v; }
        public String getActor() { return actor; }
        public void setActor(String v) { actor = v; }
        public String getSubject() { return subject; }
        public void setSubject(String v) { subject = v; }
        public String getReason() { return reason; }
        public void setReason(String v) { reason = v; }
        public Map<String, String> getDetails() { return details; }
        public void setDetails(Map<String, String> v) { details = v; }
        public Long getTtl() { return ttl; }
        public void setTtl(Long v) { ttl = v; }
    }
}
