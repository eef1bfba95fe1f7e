package com.wifibilling.core.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackageCatalogTest {
    /** A hand-written fake that counts reads (the DynamoDB store is tested on dynalite). */
    static final class CountingStore implements PackageStore {
        final List<TimePackage> packages = new ArrayList<>();
        int reads;
        @Override public List<TimePackage> all() { reads++; return List.copyOf(packages); }
        @Override public Optional<TimePackage> find(String id) { return packages.stream().filter(p -> p.packageId().equals(id)).findFirst(); }
        @Override public boolean create(TimePackage p) { return packages.add(p); }
        @Override public boolean update(TimePackage p) { return true; }
        @Override public boolean replace(TimePackage read, TimePackage next) { return true; }
    }

    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static TimePackage pkg(String id, int sortOrder, long price, boolean active) {
        return new TimePackage(id, id, "", 60, 2, 0, price, active, sortOrder);
    }

    @Test
    void activePackagesComeSortedBySortOrderWithoutInactiveOnes() {
        var store = new CountingStore();
        store.packages.addAll(List.of(pkg("ultra", 4, 300, true), pkg("basic", 1, 20, true), pkg("old", 0, 10, false), pkg("premium", 3, 100, true)));
        var catalog = new PackageCatalog(store, new StepClock(), Duration.ofSeconds(60));
        assertEquals(List.of("basic", "premium", "ultra"), catalog.active().stream().map(TimePackage::packageId).toList());
    }

    @Test
    void catalogueIsReadOncePerMaxAgeAndAgainAfterIt() {
        var store = new CountingStore();
        store.packages.add(pkg("basic", 1, 20, true));
        var clock = new StepClock();
        var catalog = new PackageCatalog(store, clock, Duration.ofSeconds(60));
        catalog.active();
        clock.now = clock.now.plusSeconds(59);
        catalog.active();
        assertEquals(1, store.reads);
        store.packages.add(pkg("new", 2, 30, true));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(2, catalog.active().size());
        assertEquals(2, store.reads);
    }

    @Test
    void cacheLongerThanSixtySecondsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PackageCatalog(new CountingStore(), Clock.systemUTC(), Duration.ofSeconds(61)));
    }
}
