package com.wifibilling.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wifibilling.core.config.SamTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BilledUnitsTest {
    private static final SamTemplate.IndexSpec BY_PHONE = new SamTemplate.IndexSpec("phone-index",
            new SamTemplate.KeySchema("phone", Optional.of("createdAt")), "ALL");
    private static final SamTemplate.IndexSpec PENDING = new SamTemplate.IndexSpec("pending-index",
            new SamTemplate.KeySchema("pendingShard", Optional.of("createdAt")), "KEYS_ONLY");
    private static final SamTemplate.TableSpec TRANSACTIONS = new SamTemplate.TableSpec("TransactionsTable", "Transactions", Map.of(),
            new SamTemplate.KeySchema("transactionId", Optional.empty()), List.of(BY_PHONE, PENDING), Optional.empty());
    private static final BilledUnits UNITS = new BilledUnits(Map.of("Transactions", TRANSACTIONS));

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static Map<String, AttributeValue> pending() {
        return new HashMap<>(Map.of("transactionId", s("t1"), "phone", s("254711000001"), "createdAt", s("2026-11-25T10:00:00.000Z"),
                "pendingShard", s("p1"), "status", s("pending")));
    }

    private static DynamoDbCall write(String operation, Map<String, AttributeValue> before, Map<String, AttributeValue> after, String failure) {
        return new DynamoDbCall("step", "lambda-PaymentApi", operation, "Transactions", null, false, Map.of("transactionId", s("t1")),
                before, after, List.of(), failure, null, 0);
    }

    @Test
    void sizesFollowDynamoDbsRules() {
        assertEquals(1 + 3, BilledUnits.itemSize(Map.of("a", s("abc"))));
        assertEquals(2 + 1, BilledUnits.itemSize(Map.of("ok", AttributeValue.fromBool(true))));
        assertEquals(1, BilledUnits.numberSize("0"));
        assertEquals(2, BilledUnits.numberSize("5"));
        assertEquals(2, BilledUnits.numberSize("3600"), "36 × 100: one pair of digits");
        assertEquals(3, BilledUnits.numberSize("360"), "3 | 60: two pairs");
        assertEquals(3, BilledUnits.numberSize("-3600"));
        // a map: 3 + one byte per element + the elements' names and values: 3 + 1 + (2 + 2)
        assertEquals(1 + 3 + 1 + 2 + 2, BilledUnits.itemSize(Map.of("m", AttributeValue.fromM(Map.of("tx", AttributeValue.fromN("3600"))))));
    }

    @Test
    void aNewItemPaysOnePutPerIndexItEnters() {
        var bill = UNITS.bill(write("PutItem", null, pending(), null));
        assertEquals(1, bill.tableWriteUnits());
        assertEquals(Map.of("phone-index", 1, "pending-index", 1), bill.indexWriteUnits());
    }

    @Test
    void anUpdateLeavingASparseIndexPaysTheDeleteAndAllProjectionsPayForAnyChange() {
        var after = pending();
        after.remove("pendingShard");
        after.put("status", s("completed"));
        var bill = UNITS.bill(write("UpdateItem", pending(), after, null));
        assertEquals(Map.of("phone-index", 1, "pending-index", 1), bill.indexWriteUnits());
    }

    @Test
    void aKeysOnlyIndexIgnoresNonKeyChangesAndAChangedIndexKeyCostsTwo() {
        var after = pending();
        after.put("status", s("still pending"));
        assertEquals(Map.of("phone-index", 1), UNITS.bill(write("UpdateItem", pending(), after, null)).indexWriteUnits());
        var moved = pending();
        moved.put("pendingShard", s("p2"));
        assertEquals(2, UNITS.bill(write("UpdateItem", pending(), moved, null)).indexWriteUnits().get("pending-index"));
    }

    @Test
    void aFailedConditionStillPaysTheTableButNoIndex() {
        var bill = UNITS.bill(write("PutItem", pending(), pending(), "ConditionalCheckFailedException"));
        assertEquals(1, bill.tableWriteUnits());
        assertEquals(Map.of(), bill.indexWriteUnits());
    }

    @Test
    void writesAreBilledPerKilobyteOfTheLargerImageAndReadsPerFourKilobytes() {
        var big = pending();
        big.put("note", s("x".repeat(1500)));
        var bill = UNITS.bill(write("UpdateItem", pending(), big, null));
        assertEquals(2, bill.tableWriteUnits());
        assertEquals(2, bill.indexWriteUnits().get("phone-index"));
        var strong = new DynamoDbCall("step", "t", "GetItem", "Transactions", null, true, Map.of(), null, null, List.of(big), null, null, 0);
        assertEquals(1.0, UNITS.bill(strong).readUnits());
        var query = new DynamoDbCall("step", "t", "Query", "Transactions", "phone-index", false, null, null, null,
                List.of(big, big, big), null, null, 0);
        assertEquals(1.0, UNITS.bill(query).readUnits(), "4.6 KB from a GSI: two 4 KB units, eventually consistent");
        var missing = new DynamoDbCall("step", "t", "GetItem", "Transactions", null, true, Map.of(), null, null, List.of(), null, null, 0);
        assertEquals(1.0, UNITS.bill(missing).readUnits());
    }
}
