package com.wifibilling.core.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.TestTables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(DynaliteExtension.class)
class PackageAdminTest {
    private final DynamoDbPackageStore store;
    private static final Instant AT = Instant.parse("2027-05-05T09:00:00Z");
    private final DynamoDbEventStore events;
    private final PackageAdmin admin;

    PackageAdminTest(TestTables tables) {
        store = new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable"));
        events = new DynamoDbEventStore(tables.client(), tables.name("EventsTable"));
        admin = new PackageAdmin(store, events, Clock.fixed(AT, ZoneOffset.UTC));
    }

    private static PackageRequest request(String id) {
        return new PackageRequest(id, "Two hours", "For the evening", 120, 5, null, 30L, 2, null, null);
    }

    @Test
    void createdPackageIsActiveListedAndAsecondCreateIsAConflict() {
        PackageVersion created = admin.create(request("evening"), "admin-1");
        assertTrue(created.active());
        assertEquals(5, created.uploadMbps(), "upload defaults to download");
        assertTrue(admin.all().contains(created));
        var again = assertThrows(ApiException.class, () -> admin.create(request("evening"), "admin-1"));
        assertEquals(409, again.status());
        assertEquals("Two hours", store.find("evening").orElseThrow().name());
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("packageId", (UnaryOperator<PackageRequest>) r -> new PackageRequest(null, r.name(), r.description(), r.durationMinutes(), r.bandwidthMbps(), r.uploadMbps(), r.priceKES(), r.sortOrder(), null, null)),
                Arguments.of("packageId", (UnaryOperator<PackageRequest>) r -> new PackageRequest("Bad Id", r.name(), r.description(), r.durationMinutes(), r.bandwidthMbps(), r.uploadMbps(), r.priceKES(), r.sortOrder(), null, null)),
                Arguments.of("name", (UnaryOperator<PackageRequest>) r -> new PackageRequest(r.packageId(), " ", r.description(), r.durationMinutes(), r.bandwidthMbps(), r.uploadMbps(), r.priceKES(), r.sortOrder(), null, null)),
                Arguments.of("name", (UnaryOperator<PackageRequest>) r -> new PackageRequest(r.packageId(), null, r.description(), r.durationMinutes(), r.bandwidthMbps(), r.uploadMbps(), r.priceKES(), r.sortOrder(), null, null)),
                Arguments.of("durationMinutes", (UnaryOperator<PackageRequest>) r -> new PackageRequest(r.packageId(), r.name(), r.description(), 0, r.bandwidthMbps(), r.uploadMbps(), r.priceKES(), r.sortOrder(), null, null)),
                Arguments.of("durationMinutes", (UnaryOperator<PackageRequest>) r -> new PackageRequest(r.packageId(), r.name(), r.description(), null, r.bandwidthMbps(), r.uploadMbps(), r.priceKES(), r.sortOrder(), null, null)),
                Arguments.of("bandwidthMbps", (UnaryOperator<PackageRequest>) r -> new PackageRequest(r.packageId(), r.name(), r.description(), r.durationMinutes(), 1001, r.uploadMbps(), r.priceKES(), r.sortOrder(), null, null)),
                Arguments.of("uploadMbps", (UnaryOperator<PackageRequest>) r -> new PackageRequest(r.packageId(), r.name(), r.description(), r.durationMinutes(), r.bandwidthMbps(), 0, r.priceKES(), r.sortOrder(), null, null)),
                Arguments.of("priceKES", (UnaryOperator<PackageRequest>) r -> new PackageRequest(r.packageId(), r.name(), r.description(), r.durationMinutes(), r.bandwidthMbps(), r.uploadMbps(), 0L, r.sortOrder(), null, null)),
                Arguments.of("priceKES", (UnaryOperator<PackageRequest>) r -> new PackageRequest(r.packageId(), r.name(), r.description(), r.durationMinutes(), r.bandwidthMbps(), r.uploadMbps(), 250_001L, r.sortOrder(), null, null)),
                Arguments.of("sortOrder", (UnaryOperator<PackageRequest>) r -> new PackageRequest(r.packageId(), r.name(), r.description(), r.durationMinutes(), r.bandwidthMbps(), r.uploadMbps(), r.priceKES(), -1, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidCreateNamesTheFieldAndWritesNothing(String field, UnaryOperator<PackageRequest> spoil) {
        var bad = spoil.apply(request("spoiled"));
        var rejected = assertThrows(ApiException.class, () -> admin.create(bad, "admin-1"));
        assertEquals(400, rejected.status());
        assertEquals(Optional.of(field), rejected.field());
        assertEquals(Optional.empty(), store.find("spoiled"));
    }

    @Test
    void updateNeedsTheVersionReadAndAStaleOneWritesNothing() {
        PackageVersion v1 = admin.create(request("upd"), "admin-1");
        var change = new PackageRequest(null, "Two hours plus", "", 150, 5, 3, 35L, 1, null, v1.version());
        PackageVersion v2 = admin.update("upd", change, "admin-1");
        assertEquals("Two hours plus", v2.name());
        assertEquals(3, v2.uploadMbps());
        assertTrue(v2.active());
        assertNotEquals(v1.version(), v2.version());
        var stale = assertThrows(ApiException.class, () -> admin.update("upd", new PackageRequest(null, "Lost edit", "", 10, 1, null, 5L, 0, null, v1.version()), "admin-1"));
        assertEquals(409, stale.status());
        assertEquals("Two hours plus", store.find("upd").orElseThrow().name());
        var noVersion = assertThrows(ApiException.class, () -> admin.update("upd", new PackageRequest(null, "X", "", 10, 1, null, 5L, 0, null, null), "admin-1"));
        assertEquals(Optional.of("version"), noVersion.field());
        var renamed = assertThrows(ApiException.class, () -> admin.update("upd", new PackageRequest("other", "X", "", 10, 1, null, 5L, 0, null, v2.version()), "admin-1"));
        assertEquals(Optional.of("packageId"), renamed.field());
        assertEquals(404, assertThrows(ApiException.class, () -> admin.update("nope", change, "admin-1")).status());
    }

    @Test
    void deactivateKeepsThePackageAndIsIdempotent() {
        admin.create(request("gone-soon"), "admin-1");
        PackageVersion off = admin.deactivate("gone-soon", "admin-1");
        assertFalse(off.active());
        assertEquals(off, admin.deactivate("gone-soon", "admin-1"));
        assertFalse(store.find("gone-soon").orElseThrow().active());
        assertTrue(admin.all().stream().map(PackageVersion::packageId).toList().contains("gone-soon"), "listed, inactive");
        assertEquals(404, assertThrows(ApiException.class, () -> admin.deactivate("Not An Id", "admin-1")).status());
        assertEquals(List.of(), admin.all().stream().filter(p -> p.packageId().equals("ghost")).toList());
        var audit = events.onDay(BusinessDay.of(AT), 100, null).items().stream().filter(e -> "gone-soon".equals(e.subject()))
                .map(e -> e.type() + " by " + e.actor()).sorted().toList();
        assertEquals(List.of("admin.package.created by admin-1", "admin.package.deactivated by admin-1"), audit,
                "each change is in the audit log; a repeated deactivate changes and records nothing");
    }
}
