package com.wifibilling.core.store;

import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.DayStats;
import com.wifibilling.core.stats.RevenueAudit;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.stats.StatsStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The Stats table on DynamoDB, through the low-level client: counters are added with {@code ADD} (atomic, no
 * read first) and corrected with a conditional {@code SET}. Attributes: {@code key} (S; a reserved word, which
 * no expression here names), one number per {@link Counter} named by {@link Counter#attribute()},
 * {@code auditedAt} (StoredTime string), {@code drift} (N) and, on a day's item, {@code revenueAudit} (M).
 */
public final class DynamoDbStatsStore implements StatsStore {
    /** BatchGetItem takes at most 100 keys per request. */
    static final int BATCH_SIZE = 100;
    private static final int BATCH_ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbStatsStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void add(StatsKey key, Map<Counter, Long> amounts) {
        if (amounts.isEmpty()) return;
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> additions = new ArrayList<>();
        amounts.forEach((counter, amount) -> {
            String slot = Integer.toString(counter.ordinal());
            names.put("#c" + slot, counter.attribute());
            values.put(":c" + slot, number(amount));
            additions.add("#c" + slot + " :c" + slot);
        });
        dynamoDb.updateItem(r -> r.tableName(tableName).key(key(key)).updateExpression("ADD " + String.join(", ", additions))
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public DayStats day(StatsKey key) {
        return toStats(key, dynamoDb.getItem(r -> r.tableName(tableName).key(key(key)).consistentRead(true)).item());
    }

    @Override
    public List<DayStats> days(List<StatsKey> keys) {
        // BatchGetItem refuses a request naming one key twice: ask once per distinct key, answer in the given order.
        List<StatsKey> distinct = List.copyOf(new LinkedHashSet<>(keys));
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += BATCH_SIZE) {
            List<Map<String, AttributeValue>> batch = distinct.subList(from, Math.min(from + BATCH_SIZE, distinct.size()))
                    .stream().map(DynamoDbStatsStore::key).toList();
            readBatch(batch).forEach(item -> found.put(item.get("key").s(), item));
        }
        return keys.stream().map(key -> toStats(key, found.get(key.value()))).toList();
    }

    /** DynamoDB may leave keys unprocessed under load; ask for those again after a short, growing pause. */
    private List<Map<String, AttributeValue>> readBatch(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 0; attempt < BATCH_ATTEMPTS && !request.isEmpty(); attempt++) {
            if (attempt > 0) pause(attempt);
            Map<String, KeysAndAttributes> asked = request;
            var response = dynamoDb.batchGetItem(r -> r.requestItems(asked));
            items.addAll(response.responses().getOrDefault(tableName, List.of()));
            request = response.unprocessedKeys();
        }
        if (!request.isEmpty()) throw new IllegalStateException("Stats batch read left keys unprocessed after " + BATCH_ATTEMPTS + " attempts");
        return items;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1000, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading Stats", e);
        }
    }

    /** {@code SET} each counter, under the condition that each still holds what was read (absent counts as 0). */
    @Override
    public boolean correct(DayStats read, Map<Counter, Long> counters, Instant auditedAt, long drift) {
        Map<String, String> names = new HashMap<>(Map.of("#auditedAt", "auditedAt", "#drift", "drift"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":auditedAt", AttributeValue.fromS(StoredTime.iso(auditedAt)), ":drift", number(drift)));
        List<String> sets = new ArrayList<>(List.of("#auditedAt = :auditedAt", "#drift = :drift"));
        List<String> unchanged = new ArrayList<>();
        counters.forEach((counter, value) -> {
            String slot = Integer.toString(counter.ordinal());
            names.put("#c" + slot, counter.attribute());
            values.put(":c" + slot, number(value));
            values.put(":r" + slot, number(read.get(counter)));
            sets.add("#c" + slot + " = :c" + slot);
            unchanged.add(read.get(counter) == 0
                    ? "(attribute_not_exists(#c" + slot + ") OR #c" + slot + " = :r" + slot + ")"
                    : "#c" + slot + " = :r" + slot);
        });
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key(read.key())).updateExpression("SET " + String.join(", ", sets))
                    .conditionExpression(unchanged.isEmpty() ? null : String.join(" AND ", unchanged))
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException countedSinceRead) {
            return false;
        }
    }

    @Override
    public void recordRevenueAudit(LocalDate day, RevenueAudit audit) {
        Map<String, AttributeValue> figures = Map.of("paid", number(audit.paid()), "paidKES", number(audit.paidKES()),
                "granted", number(audit.granted()), "grantedKES", number(audit.grantedKES()),
                "grantedSeconds", number(audit.grantedSeconds()), "paidNotGranted", number(audit.paidNotGranted()),
                "auditedAt", AttributeValue.fromS(StoredTime.iso(audit.auditedAt())));
        dynamoDb.updateItem(r -> r.tableName(tableName).key(key(StatsKey.day(day))).updateExpression("SET #audit = :audit")
                .expressionAttributeNames(Map.of("#audit", "revenueAudit")).expressionAttributeValues(Map.of(":audit", AttributeValue.fromM(figures))));
    }

    private static RevenueAudit revenueAudit(AttributeValue stored) {
        if (stored == null || !stored.hasM()) return null;
        Map<String, AttributeValue> m = stored.m();
        return new RevenueAudit(Long.parseLong(m.get("paid").n()), Long.parseLong(m.get("paidKES").n()), Long.parseLong(m.get("granted").n()),
                Long.parseLong(m.get("grantedKES").n()), Long.parseLong(m.get("grantedSeconds").n()),
                Long.parseLong(m.get("paidNotGranted").n()), StoredTime.parse(m.get("auditedAt").s()));
    }

    private static DayStats toStats(StatsKey key, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) return DayStats.empty(key);
        Map<Counter, Long> counters = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            AttributeValue value = item.get(counter.attribute());
            if (value != null) counters.put(counter, Long.parseLong(value.n()));
        }
        AttributeValue drift = item.get("drift");
        AttributeValue auditedAt = item.get("auditedAt");
        return new DayStats(key, counters, auditedAt == null ? null : StoredTime.parse(auditedAt.s()),
                drift == null ? 0 : Long.parseLong(drift.n()), revenueAudit(item.get("revenueAudit")));
    }

    private static Map<String, AttributeValue> key(StatsKey key) {
        return Map.of("key", AttributeValue.fromS(key.value()));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
