package com.wifibilling.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Returns a conditional UpdateItem request built attribute by attribute: {@code SET} for a value, {@code REMOVE}
 * for a null (so sparse-index attributes leave the index), every attribute named through a {@code #placeholder}
 * (many of ours, {@code status}, {@code source}, {@code day}, {@code ttl}, are DynamoDB reserved words). A value
 * set for attribute {@code a} is {@code :a}, so a condition may compare with it.
 */
final class ItemUpdate {
    private final Map<String, AttributeValue> key;
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    ItemUpdate(String keyAttribute, String keyValue) {
        this.key = Map.of(keyAttribute, AttributeValue.fromS(keyValue));
    }

    /** Sets the attribute to {@code value}, or removes it when {@code value} is null. */
    ItemUpdate set(String attribute, AttributeValue value) {
        if (value == null) return remove(attribute);
        sets.add(name(attribute) + " = :" + attribute);
        values.put(":" + attribute, value);
        return this;
    }

    ItemUpdate remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    /** Adds a value a condition uses, such as {@code :pending}. */
    ItemUpdate value(String placeholder, AttributeValue value) {
        values.put(placeholder, value);
        return this;
    }

    /** Returns the placeholder for an attribute name, for use in a condition: {@code name("status")} is {@code #status}. */
    String name(String attribute) {
        names.put("#" + attribute, attribute);
        return "#" + attribute;
    }

    /** Returns the request; {@code ALL_NEW} hands back the item as the update left it. */
    UpdateItemRequest request(String tableName, String condition, ReturnValue returnValue) {
        var expression = new StringBuilder();
        if (!sets.isEmpty()) expression.append("SET ").append(String.join(", ", sets));
        if (!removes.isEmpty()) expression.append(expression.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        var builder = UpdateItemRequest.builder().tableName(tableName).key(key).updateExpression(expression.toString())
                .conditionExpression(condition).expressionAttributeNames(names).returnValues(returnValue);
        if (!values.isEmpty()) builder.expressionAttributeValues(values); // DynamoDB rejects an empty map
        return builder.build();
    }

    static AttributeValue text(String value) {
        return value == null ? null : AttributeValue.fromS(value);
    }

    static AttributeValue number(Number value) {
        return value == null ? null : AttributeValue.fromN(value.toString());
    }

    /** Returns a {@link StoredTime} string value, as every S-typed {@code *At} attribute is stored. */
    static AttributeValue time(Instant value) {
        return value == null ? null : AttributeValue.fromS(StoredTime.iso(value));
    }
}
