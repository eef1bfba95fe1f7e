package com.wifibilling.core.pkg;

import com.wifibilling.core.http.ApiException;
import java.util.Comparator;
import java.util.List;

/**
 * The operator's side of the Packages table: list every package (active or not), create, update optimistically and
 * deactivate. A package is never deleted: sales, vouchers and sessions name it. The portal's list
 * ({@link PackageCatalog}) is cached per container for at most 60 s, so an edit reaches buyers within a minute.
 */
public final class PackageAdmin {
    private static final Comparator<TimePackage> ORDER = Comparator.comparingInt(TimePackage::sortOrder)
            .thenComparingLong(TimePackage::priceKES).thenComparing(TimePackage::packageId);

    private final PackageStore store;

    public PackageAdmin(PackageStore store) {
        this.store = store;
    }

    /** Returns every package in display order, each with the version an update must name. */
    public List<PackageVersion> all() {
        return store.all().stream().sorted(ORDER).map(PackageVersion::of).toList();
    }

    /** Creates an active package; 409 when the id is taken (by an active or a deactivated one). */
    public PackageVersion create(PackageRequest request) {
        TimePackage created = request.toPackage(request.requireId(), true);
        if (!store.create(created)) throw ApiException.conflict("PACKAGE_EXISTS", "A package with that id already exists");
        return PackageVersion.of(created);
    }

    /**
     * Replaces a package's fields when {@code version} is still the stored one (409 {@code STALE_PACKAGE} otherwise,
     * writing nothing). {@code active} stays as it is unless the request names it.
     */
    public PackageVersion update(String packageId, PackageRequest request) {
        if (request.packageId() != null && !request.packageId().equals(packageId))
            throw ApiException.invalidField("packageId", "packageId cannot change: it is the package's name in sales and vouchers");
        String expected = request.requireVersion();
        TimePackage read = find(packageId);
        if (!PackageVersion.of(read).version().equals(expected)) throw stale();
        TimePackage next = request.toPackage(packageId, request.active() == null ? read.active() : request.active());
        if (!store.replace(read, next)) throw stale();
        return PackageVersion.of(next);
    }

    /** Takes a package off sale; idempotent. Vouchers already sold for it still redeem. */
    public PackageVersion deactivate(String packageId) {
        TimePackage read = find(packageId);
        if (!read.active()) return PackageVersion.of(read);
        TimePackage next = new TimePackage(read.packageId(), read.name(), read.description(), read.durationMinutes(), read.bandwidthMbps(),
                read.uploadMbps(), read.priceKES(), false, read.sortOrder());
        if (!store.replace(read, next)) throw stale();
        return PackageVersion.of(next);
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
