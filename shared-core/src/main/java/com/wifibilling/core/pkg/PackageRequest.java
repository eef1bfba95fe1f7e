package com.wifibilling.core.pkg;

import com.wifibilling.core.http.ApiException;

/**
 * The body of {@code POST /api/admin/packages} and {@code PUT /api/admin/packages/{packageId}}. Every missing field is a 400
 * naming it; {@link TimePackage} checks the ranges. {@code uploadMbps} defaults to the download speed, {@code sortOrder} to 0.
 */
public record PackageRequest(String packageId, String name, String description, Integer durationMinutes, Integer bandwidthMbps,
                             Integer uploadMbps, Long priceKES, Integer sortOrder, Boolean active, String version) {
    public static final int MAX_SORT_ORDER = 10_000;

    String requireId() {
        if (packageId == null) throw ApiException.invalidField("packageId", "packageId is required");
        return packageId;
    }

    String requireVersion() {
        if (version == null || version.isBlank())
            throw ApiException.invalidField("version", "version is required: send the version the package was read with");
        return version;
    }

    TimePackage toPackage(String id, boolean isActive) {
        if (name == null) throw ApiException.invalidField("name", "name is required");
        if (durationMinutes == null) throw ApiException.invalidField("durationMinutes", "durationMinutes is required");
        if (bandwidthMbps == null) throw ApiException.invalidField("bandwidthMbps", "bandwidthMbps is required");
        if (priceKES == null) throw ApiException.invalidField("priceKES", "priceKES is required");
        int order = sortOrder == null ? 0 : sortOrder;
        if (order < 0 || order > MAX_SORT_ORDER)
            throw ApiException.invalidField("sortOrder", "sortOrder must be between 0 and " + MAX_SORT_ORDER);
        if (uploadMbps != null && uploadMbps == 0) throw ApiException.invalidField("uploadMbps", "uploadMbps must be between 1 and 1000");
        return new TimePackage(id, name, description, durationMinutes, bandwidthMbps, uploadMbps == null ? 0 : uploadMbps, priceKES,
                isActive, order);
    }
}
