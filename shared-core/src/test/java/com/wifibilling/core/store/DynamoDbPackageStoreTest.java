package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.pkg.TimePackage;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
class DynamoDbPackageStoreTest {
    private final DynamoDbPackageStore store;

    DynamoDbPackageStoreTest(TestTables tables) {
        store = new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable"));
    }

    @Test
    void createdPackageReadsBackWithEveryField() {
        var basic = new TimePackage("basic", "Basic", "1 hour", 60, 2, 1, 20, true, 1);
        assertTrue(store.create(basic));
        assertEquals(Optional.of(basic), store.find("basic"));
    }

    @Test
    void secondCreateWithTheSameIdChangesNothing() {
        assertTrue(store.create(new TimePackage("std", "Standard", "", 180, 5, 0, 50, true, 2)));
        assertFalse(store.create(new TimePackage("std", "Other", "", 10, 1, 0, 5, true, 9)));
        assertEquals("Standard", store.find("std").orElseThrow().name());
    }

    @Test
    void updateOfAMissingPackageWritesNothing() {
        assertFalse(store.update(new TimePackage("ghost", "Ghost", "", 10, 1, 0, 5, true, 9)));
        assertEquals(Optional.empty(), store.find("ghost"));
    }

    @Test
    void uploadDefaultsToDownloadWhenNotSet() {
        store.create(new TimePackage("up", "Up", "", 60, 7, 0, 30, true, 3));
        assertEquals(7, store.find("up").orElseThrow().uploadMbps());
    }
}
