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

    @Test
    void replaceWritesOnlyWhileTheStoredPackageIsTheOneRead() {
        var read = new TimePackage("rep", "Rep", "", 60, 2, 0, 20, true, 1);
        var plain = new TimePackage("rep2", "Rep", "with words", 60, 2, 0, 20, true, 1);
        store.create(read);
        store.create(plain);
        var cheaper = new TimePackage("rep", "Rep", "", 60, 2, 0, 15, true, 1);
        assertTrue(store.replace(read, cheaper));
        assertFalse(store.replace(read, new TimePackage("rep", "Rep", "", 60, 2, 0, 10, true, 1)), "read is stale now");
        assertEquals(Optional.of(cheaper), store.find("rep"));
        var described = new TimePackage("rep2", "Rep", "other words", 60, 2, 0, 20, false, 1);
        assertTrue(store.replace(plain, described));
        assertEquals(Optional.of(described), store.find("rep2"));
        assertFalse(store.replace(new TimePackage("ghost2", "G", "", 1, 1, 0, 1, true, 0), new TimePackage("ghost2", "G", "", 1, 1, 0, 2, true, 0)));
        assertEquals(Optional.empty(), store.find("ghost2"));
    }
}
