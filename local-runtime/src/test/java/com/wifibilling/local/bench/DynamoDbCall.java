package com.wifibilling.local.bench;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB call a function made, as {@link DynamoDbCallRecorder} saw it: which bench step and thread made it,
 * the operation, table and index, the key, the item before and after a write (null where there was none), the
 * items a read returned, the error a failed call ended with, and the units dynalite reported (table units only;
 * null when it reported none).
 */
public record DynamoDbCall(String step, String thread, String operation, String table, String index, boolean consistentRead,
                           Map<String, AttributeValue> key, Map<String, AttributeValue> before, Map<String, AttributeValue> after,
                           List<Map<String, AttributeValue>> returned, String failure, Double reportedUnits, long atNanos) {

    /** Returns whether the call writes (Put, Update, Delete). */
    public boolean isWrite() {
        return switch (operation) {
            case "PutItem", "UpdateItem", "DeleteItem" -> true;
            default -> false;
        };
    }

    /** Returns the function that made the call, from the thread the local runtime runs it on ({@code lambda-<logicalId>}). */
    public String function() {
        return thread.startsWith("lambda-") ? thread.substring("lambda-".length()) : thread;
    }
}
