package com.wifibilling.core.pkg;

import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.event.EventStore;
import com.wifibilling.core.http.ApiException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The operator's side of the Packages table: list every package (active or not), create, update optimistically and
 * deactivate, each change recorded as an {@code admin.package.*} event. A package is never deleted: sales, vouchers and sessions name it. The portal's list
 * ({@link PackageCatalog}) is cached per container for at most 60 s, so an edit reaches buyers within a minute (at once
 * in the same JVM, as in the local runtime).
 */
public final class PackageAdmin {
    private static final Comparator<TimePackage> ORDER = Comparator.comparingInt(TimePackage::sortOrder)
            .thenComparingLong(TimePackage::priceKES).thenComparing(TimePackage::packageId);

    private final PackageStore store;
    private final EventStore events;
    private final Clock clock;

    public PackageAdmin(PackageStore store, EventStore events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Returns every package in display order, each with the version an update must name. */
    public List<PackageVersion> all() {
        return store.all().stream().sorted(ORDER).map(PackageVersion::of).toList();
    }

    /** Creates an active package; 409 when the id is taken (by an active or a deactivated one). */
    public PackageVersion create(PackageRequest request, String actor) {
        TimePackage created = request.toPackage(request.requireId(), true);
        if (!store.create(created)) throw ApiException.conflict("PACKAGE_EXISTS", "A package with that id already exists");
        return audited("admin.package.created", actor, created);
    }

    /**
     * Replaces a package's fields when {@code version} is still the stored one (409 {@code STALE_PACKAGE} otherwise,
     * writing nothing). {@code active} stays as it is unless the request names it.
     */
    public PackageVersion update(String packageId, PackageRequest request, String actor) {
        if (request.packageId() != null && !request.packageId().equals(packageId))
            throw ApiException.invalidField("packageId", "packageId cannot change: it is the package's name in sales and vouchers");
        String expected = request.requireVersion();
        TimePackage read = find(packageId);
        if (!PackageVersion.of(read).version().equals(expected)) throw stale();
        TimePackage next = request.toPackage(packageId, request.active() == null ? read.active() : request.active());
        if (!store.replace(read, next)) throw stale();
        return audited("admin.package.updated", actor, next);
    }

    /** Takes a package off sale; idempotent. Vouchers already sold for it still redeem. */
    public PackageVersion deactivate(String packageId, String actor) {
        TimePackage read = find(packageId);
        if (!read.active()) return PackageVersion.of(read);
        TimePackage next = new TimePackage(read.packageId(), read.name(), read.description(), read.durationMinutes(), read.bandwidthMbps(),
                read.uploadMbps(), read.priceKES(), false, read.sortOrder());
        if (!store.replace(read, next)) throw stale();
        return audited("admin.package.deactivated", actor, next);
    }

    /** Records who changed the package into the audit log (the Events table) and returns it as now stored. */
    private PackageVersion audited(String type, String actor, TimePackage now) {
        PackageVersion version = PackageVersion.of(now);
        PackageCatalog.packagesChanged();
        events.record(AuditEvent.of(clock.instant(), type, actor, now.packageId(), null, Map.of("version", version.version(),
                "priceKES", Long.toString(now.priceKES()), "active", Boolean.toString(now.active()))));
        return version;
    }

    private TimePackage find(String packageId) {
        if (packageId == null || !packageId.matches("[a-z0-9][a-z0-9-]{0,39}")) throw notFound();
        return store.find(packageId).orElseThrow(PackageAdmin::notFound);
    }

    private static ApiException notFound() {
        return ApiException.notFound("NOT_FOUND", "There is no such package");
    }

    private static ApiException stale() {
        return ApiException.conflict("STALE_PACKAGE", "The package changed since it was read: reload it and try again");
    }
}
