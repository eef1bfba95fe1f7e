package com.wifibilling.core.pkg;

import java.util.List;
import java.util.Optional;

/** The Packages table (DESIGN §4): small, operator-edited, so listing it whole is allowed. */
public interface PackageStore {
    /** Returns every package, active or not, in no particular order. */
    List<TimePackage> all();

    Optional<TimePackage> find(String packageId);

    /** Returns false, writing nothing, when a package with that id already exists. */
    boolean create(TimePackage timePackage);

    /** Returns false, writing nothing, when no package with that id exists. */
    boolean update(TimePackage timePackage);

    /** Writes {@code next} only while the stored package is still {@code read} field for field; false, writing nothing, otherwise. */
    boolean replace(TimePackage read, TimePackage next);
}
