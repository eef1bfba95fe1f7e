package com.wifibilling.core.store;

import com.wifibilling.core.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Returns pages of one GSI's partitions: the API's lists ({@code limit} 1‒100, opaque cursors, DESIGN §3) and
 * the sweeper's work lists (the oldest items below a sort-key cutoff).
 *
 * <p>A cursor must hold exactly the index's key and the table's key, each of its declared type, non-empty, and
 * the partition being listed: anything else is a 400 naming {@code cursor}, never a DynamoDB validation error
 * (a 500) and never a way to page through someone else's partition. Each list asks for one item more than
 * {@code limit}, so the last page says {@code nextCursor: null} instead of leading to an empty page.
 */
final class IndexPages<I> {
    static final int MAX_SWEEP_LIMIT = 1000;
    private final DynamoDbIndex<I> index;
    private final TableSchema<I> schema;
    private final String partitionKey;
    private final Map<String, ScalarAttributeType> cursorKey;

    /** {@code cursorKey}: the index's key and the table's key attributes, with their types. */
    IndexPages(DynamoDbTable<I> table, String indexName, Map<String, ScalarAttributeType> cursorKey) {
        this.index = table.index(indexName);
        this.schema = table.tableSchema();
        this.partitionKey = schema.tableMetadata().indexPartitionKey(indexName);
        if (!cursorKey.containsKey(partitionKey)) throw new IllegalArgumentException("cursorKey must hold " + partitionKey);
        this.cursorKey = Map.copyOf(cursorKey);
    }

    /** Returns one page of the partition, newest (highest sort key) first when asked. */
    <T> Page<T> page(AttributeValue partition, boolean newestFirst, int limit, String cursor, Function<I, T> toDomain) {
        PageLimit.check(limit);
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                .scanIndexForward(!newestFirst).limit(limit + 1).exclusiveStartKey(startKey(cursor, partition)).build();
        var page = index.query(request).iterator().next();
        List<I> items = page.items();
        String next;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            next = Cursors.encode(schema.itemToMap(items.getLast(), cursorKey.keySet()));
        } else {
            next = Cursors.encode(page.lastEvaluatedKey()); // DynamoDB stopped early (1 MB): go on from there
        }
        return new Page<>(items.stream().map(toDomain).toList(), next);
    }

    /** Returns up to {@code limit} items of the partition whose sort key is below {@code sortBelow}, lowest first. */
    List<I> below(AttributeValue partition, AttributeValue sortBelow, int limit) {
        if (limit < 1 || limit > MAX_SWEEP_LIMIT)
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_SWEEP_LIMIT);
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThan(Key.builder().partitionValue(partition).sortValue(sortBelow).build()))
                .scanIndexForward(true).limit(limit).build();
        return index.query(request).iterator().next().items();
    }

    /** Returns the first item of the partition, if any. */
    Optional<I> first(AttributeValue partition) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build())).limit(1).build();
        return index.query(request).iterator().next().items().stream().findFirst();
    }

    private Map<String, AttributeValue> startKey(String cursor, AttributeValue partition) {
        Map<String, AttributeValue> key = Cursors.decode(cursor, cursorKey.keySet());
        if (key == null) return null;
        cursorKey.forEach((name, type) -> {
            AttributeValue value = key.get(name);
            boolean typed = type == ScalarAttributeType.N ? value.n() != null : value.s() != null && !value.s().isEmpty();
            if (!typed) throw Cursors.invalid();
        });
        if (!key.get(partitionKey).equals(partition)) throw Cursors.invalid();
        return key;
    }
}
