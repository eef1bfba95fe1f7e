package com.wifibilling.core.store;

import static com.wifibilling.core.store.ItemUpdate.number;
import static com.wifibilling.core.store.ItemUpdate.text;
import static com.wifibilling.core.store.ItemUpdate.time;

import com.wifibilling.core.WireName;
import com.wifibilling.core.voucher.VoucherBatch;
import com.wifibilling.core.voucher.VoucherBatchStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Voucher batches on DynamoDB, kept in the Vouchers table beside their codes (one table to provision and back up):
 * the item's key is {@code batch#<batchId>}, which no code can spell ({@code #} is outside the code alphabet), and
 * it carries neither {@code batchId} nor {@code statusKey}, so it stays out of both indexes and out of every
 * voucher list. Codes are counted through {@code batch-index} with {@code Select COUNT}.
 */
public final class DynamoDbVoucherBatchStore implements VoucherBatchStore {
    private static final String PREFIX = "batch#";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbVoucherBatchStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean create(VoucherBatch batch) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("code", text(PREFIX + batch.batchId()));
        item.put("itemType", text("batch"));
        item.put("packageId", text(batch.packageId()));
        item.put("count", number(batch.count()));
        if (!batch.prefix().isEmpty()) item.put("prefix", text(batch.prefix())); // no empty strings in DynamoDB items
        item.put("length", number(batch.length()));
        if (batch.validDays() != null) item.put("validDays", number(batch.validDays()));
        item.put("batchStatus", text(WireName.of(batch.status())));
        item.put("created", number(batch.created()));
        item.put("createdBy", text(batch.createdBy()));
        item.put("createdAt", time(batch.createdAt()));
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(item).conditionExpression("attribute_not_exists(code)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<VoucherBatch> find(String batchId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of("code", text(PREFIX + batchId))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new VoucherBatch(batchId, item.get("packageId").s(), Integer.parseInt(item.get("count").n()),
                item.containsKey("prefix") ? item.get("prefix").s() : "", Integer.parseInt(item.get("length").n()),
                item.containsKey("validDays") ? Integer.valueOf(item.get("validDays").n()) : null,
                WireName.parse(VoucherBatch.Status.class, item.get("batchStatus").s()), Integer.parseInt(item.get("created").n()),
                item.get("createdBy").s(), StoredTime.parse(item.get("createdAt").s()),
                item.containsKey("completedAt") ? StoredTime.parse(item.get("completedAt").s()) : null));
    }

    @Override
    public void progress(String batchId, int created) {
        var update = new ItemUpdate("code", PREFIX + batchId).set("created", number(created));
        try {
            dynamoDb.updateItem(update.request(tableName, "attribute_exists(code) AND " + update.name("created") + " < :created",
                    ReturnValue.NONE));
        } catch (ConditionalCheckFailedException alreadyFurther) {
            // a concurrent report got further: progress never moves backwards
        }
    }

    @Override
    public boolean finish(String batchId, VoucherBatch.Status status, int created, Instant at) {
        var update = new ItemUpdate("code", PREFIX + batchId).set("batchStatus", text(WireName.of(status)))
                .set("created", number(created)).set("completedAt", time(at))
                .value(":done", text(WireName.of(VoucherBatch.Status.DONE)));
        try {
            dynamoDb.updateItem(update.request(tableName, update.name("batchStatus") + " <> :done", ReturnValue.NONE));
            return true;
        } catch (ConditionalCheckFailedException notRunning) {
            return false;
        }
    }

    @Override
    public int countCodes(String batchId) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(r -> r.tableName(tableName).indexName(DynamoDbVoucherStore.BATCH_INDEX)
                    .keyConditionExpression("batchId = :batch").expressionAttributeValues(Map.of(":batch", text(batchId)))
                    .select(Select.COUNT).exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }
}
