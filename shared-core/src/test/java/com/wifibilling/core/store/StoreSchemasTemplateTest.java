package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Every table a store reads is declared in template.yaml with the keys, indexes (names, key attributes and their
 * types) and TTL attribute the store's schema uses, so a query the store tests prove on dynalite also works on the
 * deployed stack. Stores without a schema (Guards, Stats, buckets) use their table's primary key only.
 */
class StoreSchemasTemplateTest {
    private static final Map<String, SamTemplate.TableSpec> TABLES = SamTemplate.load(RepoPaths.template()).tables().stream()
            .collect(Collectors.toMap(SamTemplate.TableSpec::logicalId, t -> t));

    /** Each store's item schema → the template table it reads and writes. */
    private static final Map<String, TableSchema<?>> SCHEMAS = new TreeMap<>(Map.of(
            "EventsTable", DynamoDbEventStore.SCHEMA,
            "GatewayOutboxTable", DynamoDbGatewayOutboxStore.SCHEMA,
            "GatewaysTable", DynamoDbGatewayStore.SCHEMA,
            "LoginsTable", DynamoDbLoginStore.SCHEMA,
            "PackagesTable", DynamoDbPackageStore.SCHEMA,
            "SessionsTable", DynamoDbSessionStore.SCHEMA,
            "SettingsTable", DynamoDbSettingsStore.SCHEMA,
            "TransactionsTable", DynamoDbTransactionStore.SCHEMA,
            "UsersTable", DynamoDbUserStore.SCHEMA,
            "VouchersTable", DynamoDbVoucherStore.SCHEMA));

    @Test
    void everyStoreWithASchemaIsChecked() throws IOException {
        Set<String> declaring;
        try (Stream<java.nio.file.Path> files = Files.list(RepoPaths.home().resolve("shared-core/src/main/java/com/wifibilling/core/store"))) {
            declaring = files.filter(f -> {
                try {
                    return Files.readString(f).contains("static final TableSchema<") && Files.readString(f).contains("> SCHEMA =");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString().replace(".java", "")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> checked = SCHEMAS.values().stream().map(s -> ((StaticTableSchema<?>) s).itemType().rawClass().getEnclosingClass())
                .map(c -> c == null ? "?" : c.getSimpleName()).collect(Collectors.toCollection(TreeSet::new));
        declaring.removeAll(checked);
        assertEquals(Set.of(), declaring, "stores with a SCHEMA that this test does not map to a template table");
    }

    @Test
    void storeSchemasMatchTheirTemplateTables() {
        List<String> problems = new ArrayList<>();
        SCHEMAS.forEach((tableId, schema) -> {
            SamTemplate.TableSpec table = TABLES.get(tableId);
            if (table == null) {
                problems.add(tableId + ": a store uses it, but template.yaml declares no such table");
                return;
            }
            TableMetadata meta = schema.tableMetadata();
            String primary = TableMetadata.primaryIndexName();
            compareKey(problems, tableId, "the table", table, table.key(), meta.primaryPartitionKey(), meta.primarySortKey(), meta);

            Set<String> coded = meta.indices().stream().map(i -> i.name()).filter(n -> !n.equals(primary)).collect(Collectors.toCollection(TreeSet::new));
            Set<String> declared = table.indexes().stream().map(SamTemplate.IndexSpec::name).collect(Collectors.toCollection(TreeSet::new));
            if (!coded.equals(declared))
                problems.add(tableId + ": the store's schema tags indexes " + coded + ", template.yaml declares " + declared);
            for (SamTemplate.IndexSpec index : table.indexes()) {
                if (!coded.contains(index.name())) continue;
                compareKey(problems, tableId, index.name(), table, index.key(), meta.indexPartitionKey(index.name()),
                        meta.indexSortKey(index.name()), meta);
            }
            boolean writesTtl = schema.attributeNames().contains("ttl");
            if (writesTtl != table.ttlAttribute().equals(Optional.of("ttl")))
                problems.add(tableId + (writesTtl ? ": the store writes ttl, but template.yaml does not enable TTL on it"
                        : ": template.yaml enables TTL on " + table.ttlAttribute().orElse("?") + ", which the store never writes"));
        });
        assertEquals(List.of(), problems);
    }

    private static void compareKey(List<String> problems, String tableId, String what, SamTemplate.TableSpec table,
                                   SamTemplate.KeySchema declared, String partition, Optional<String> sort, TableMetadata meta) {
        if (!declared.partitionKey().equals(partition) || !declared.sortKey().equals(sort))
            problems.add(tableId + " " + what + ": the store's key is " + partition + sort.map(s -> " / " + s).orElse("")
                    + ", template.yaml's is " + declared.partitionKey() + declared.sortKey().map(s -> " / " + s).orElse(""));
        Stream.concat(Stream.of(partition), sort.stream()).forEach(attribute -> {
            String type = meta.scalarAttributeType(attribute).map(t -> t.toString()).orElse("?");
            String templateType = table.attributeTypes().get(attribute);
            if (templateType != null && !type.equals(templateType))
                problems.add(tableId + " " + what + ": " + attribute + " is " + type + " in the store, " + templateType + " in template.yaml");
        });
    }
}
