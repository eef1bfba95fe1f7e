package com.wifibilling.core.session;

import com.wifibilling.core.pkg.TimePackage;

/**
 * The package a grant applies: its id and name (shown, and in Stats keys) and the rates the session takes
 * (DESIGN §4: an extension takes the new package's rates).
 */
public record GrantedPackage(String packageId, String name, int downloadMbps, int uploadMbps) {
    public GrantedPackage {
        if (packageId == null || packageId.isBlank()) throw new IllegalArgumentException("packageId is required");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        if (downloadMbps < 1 || uploadMbps < 1) throw new IllegalArgumentException("Rates must be at least 1 Mbps");
    }

    /** Returns the package's id, name and rates as the catalogue holds them now. */
    public static GrantedPackage of(TimePackage timePackage) {
        return new GrantedPackage(timePackage.packageId(), timePackage.name(), timePackage.bandwidthMbps(), timePackage.uploadMbps());
    }
}
