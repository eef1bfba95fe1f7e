package com.wifibilling.local.bench;

import com.wifibilling.core.config.SamTemplate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What DynamoDB (on demand) bills for one recorded call, computed from the items and template.yaml's tables, because
 * dynalite reports table units only:
 * <ul>
 *   <li>item size: attribute name bytes plus value bytes (strings UTF-8, numbers 1 + about one byte per two
 *       significant digits, booleans and nulls 1, lists and maps 3 + their elements + 1 per element), as
 *       dynalite computes it;</li>
 *   <li>a write: ceil(larger of the item before and after / 1 KB) WRU on the table, also when its condition
 *       failed (then on the item as it stands, at least 1); per GSI, only when the write succeeded: entering
 *       the index 1 put, leaving it 1 delete, a changed index key 1 delete + 1 put, a changed projected
 *       attribute 1 put, each ceil(index entry / 1 KB);</li>
 *   <li>a read: ceil(size / 4 KB) RRU, halved when eventually consistent (GSI queries always are); a Query or
 *       Scan sums the sizes of the items it returns before rounding; a read that finds nothing still costs one
 *       4 KB unit.</li>
 * </ul>
 */
public final class BilledUnits {
    private final Map<String, SamTemplate.TableSpec> tables;

    /** {@code tables} maps each table's physical name (as the local runtime named it) to its template definition. */
    public BilledUnits(Map<String, SamTemplate.TableSpec> tables) {
        this.tables = Map.copyOf(tables);
    }

    /** One call's bill: read units, table write units, and write units per index the write touched. */
    public record Bill(DynamoDbCall call, double readUnits, int tableWriteUnits, Map<String, Integer> indexWriteUnits, int itemBytes) {
        public int indexWriteTotal() {
            return indexWriteUnits.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int writeUnits() {
            return tableWriteUnits + indexWriteTotal();
        }
    }

    public Bill bill(DynamoDbCall call) {
        if (call.isWrite()) return write(call);
        return switch (call.operation()) {
            case "GetItem", "Query", "Scan" -> read(call);
            default -> throw new IllegalArgumentException("No billing rule for " + call.operation() + " (the payment path uses none)");
        };
    }

    private Bill read(DynamoDbCall call) {
        int bytes = call.returned().stream().mapToInt(BilledUnits::itemSize).sum();
        double units = Math.max(1, ceilDiv(bytes, 4096));
        boolean consistent = call.consistentRead() && call.index() == null;
        return new Bill(call, consistent ? units : units / 2, 0, Map.of(), bytes);
    }

    private Bill write(DynamoDbCall call) {
        int before = call.before() == null ? 0 : itemSize(call.before());
        int after = call.after() == null ? 0 : itemSize(call.after());
        int tableUnits = Math.max(1, ceilDiv(Math.max(before, after), 1024));
        Map<String, Integer> indexUnits = new LinkedHashMap<>();
        if (call.failure() == null) {
            SamTemplate.TableSpec table = tables.get(call.table());
            if (table == null) throw new IllegalArgumentException("Unknown table " + call.table());
            for (SamTemplate.IndexSpec index : table.indexes()) {
                int units = indexWrite(table, index, call.before(), call.after());
                if (units > 0) indexUnits.put(index.name(), units);
            }
        }
        return new Bill(call, 0, tableUnits, indexUnits, Math.max(before, after));
    }

    /** Returns the write units one table write costs {@code index}, by the index entries before and after. */
    static int indexWrite(SamTemplate.TableSpec table, SamTemplate.IndexSpec index, Map<String, AttributeValue> before,
                          Map<String, AttributeValue> after) {
        Map<String, AttributeValue> old = entry(table, index, before);
        Map<String, AttributeValue> now = entry(table, index, after);
        if (old == null && now == null) return 0;
        if (old == null) return units(now);
        if (now == null) return units(old);
        if (!Objects.equals(indexKey(index, old), indexKey(index, now))) return units(old) + units(now);
        return old.equals(now) ? 0 : Math.max(units(old), units(now));
    }

    /** Returns the item's entry in {@code index} (its projection), or null when the item lacks an index key attribute. */
    static Map<String, AttributeValue> entry(SamTemplate.TableSpec table, SamTemplate.IndexSpec index, Map<String, AttributeValue> item) {
        if (item == null) return null;
        Map<String, AttributeValue> key = indexKey(index, item);
        if (key == null) return null;
        return switch (index.projection()) {
            case "ALL" -> item;
            case "KEYS_ONLY" -> {
                Map<String, AttributeValue> entry = new LinkedHashMap<>(key);
                keyNames(table.key()).forEach(name -> entry.put(name, item.get(name)));
                yield entry;
            }
            default -> throw new IllegalArgumentException("Projection " + index.projection() + " of " + index.name() + " is not modelled");
        };
    }

    private static Map<String, AttributeValue> indexKey(SamTemplate.IndexSpec index, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : keyNames(index.key())) {
            if (!item.containsKey(name)) return null;
            key.put(name, item.get(name));
        }
        return key;
    }

    static List<String> keyNames(SamTemplate.KeySchema key) {
        return key.sortKey().map(sort -> List.of(key.partitionKey(), sort)).orElse(List.of(key.partitionKey()));
    }

    private static int units(Map<String, AttributeValue> entry) {
        return Math.max(1, ceilDiv(itemSize(entry), 1024));
    }

    private static int ceilDiv(int bytes, int unit) {
        return (bytes + unit - 1) / unit;
    }

    /** Returns the item's size in bytes as DynamoDB counts it for capacity. */
    public static int itemSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (var attribute : item.entrySet()) size += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        return size;
    }

    static int valueSize(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> numberSize(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToInt(BilledUnits::utf8).sum();
            case NS -> value.ns().stream().mapToInt(BilledUnits::numberSize).sum();
            case BS -> value.bs().stream().mapToInt(b -> b.asByteArray().length).sum();
            case L -> 3 + value.l().stream().mapToInt(element -> 1 + valueSize(element)).sum();
            case M -> 3 + value.m().size() + itemSize(value.m());
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("Unknown attribute type");
        };
    }

    /** 1 byte plus one per two significant digits (dynalite's rule, after DynamoDB's documentation), 1 more when negative. */
    static int numberSize(String number) {
        BigDecimal value = new BigDecimal(number).stripTrailingZeros();
        if (value.signum() == 0) return 1;
        int digits = value.precision();
        int exponent = value.precision() - value.scale() - 1;
        return 1 + (digits + 1) / 2 + (digits % 2 != 0 || exponent % 2 != 0 ? 0 : 1) + (value.signum() < 0 ? 1 : 0);
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
