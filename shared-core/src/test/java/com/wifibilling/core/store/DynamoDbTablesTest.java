package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;

@ExtendWith(DynaliteExtension.class)
class DynamoDbTablesTest {
    @Test
    void tablesAreCreatedOnDynaliteWithTheIndexesOfTheTemplate(TestTables tables, DynamoDbClient dynamo) {
        var description = dynamo.describeTable(r -> r.tableName(tables.name("TransactionsTable"))).table();
        Set<String> indexes = description.globalSecondaryIndexes().stream().map(i -> i.indexName()).collect(Collectors.toSet());
        assertEquals(Set.of("checkoutRequestId-index", "phone-index", "day-index", "pending-index", "grant-index"), indexes);
        description.globalSecondaryIndexes().forEach(i -> assertEquals(IndexStatus.ACTIVE, i.indexStatus()));
    }

    @Test
    void creatingAnExistingTableKeepsIt(TestTables tables, DynamoDbClient dynamo) {
        String name = tables.name("PackagesTable");
        dynamo.putItem(r -> r.tableName(name).item(java.util.Map.of("packageId",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("basic"))));
        var spec = com.wifibilling.core.config.SamTemplate.load(com.wifibilling.core.RepoPaths.template()).tables().stream()
                .filter(t -> t.logicalId().equals("PackagesTable")).findFirst().orElseThrow();
        DynamoDbTables.create(dynamo, spec, name);
        assertEquals(1, dynamo.scan(r -> r.tableName(name)).count());
    }
}
