package com.wifibilling.core.pkg;

import com.wifibilling.core.http.ApiException;
import java.util.regex.Pattern;

/**
 * A time package users buy (DESIGN §4, Packages): {@code durationMinutes} of access at {@code bandwidthMbps}
 * download and {@code uploadMbps} upload (the same as download unless set) for {@code priceKES} whole shillings.
 * Named TimePackage because {@code Package} is {@code java.lang.Package}.
 */
public record TimePackage(String packageId, String name, String description, int durationMinutes,
                          int bandwidthMbps, int uploadMbps, long priceKES, boolean active, int sortOrder) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** 31 days: longer is a subscription, not a hotspot package. */
    public static final int MAX_DURATION_MINUTES = 31 * 24 * 60;
    /** Daraja takes at most KES 250,000 in one STK Push. */
    public static final long MAX_PRICE_KES = 250_000;

    public TimePackage {
        if (packageId == null || !ID.matcher(packageId).matches())
            throw ApiException.invalidField("packageId", "packageId must be 1-40 lowercase letters, digits or dashes");
        if (name == null || name.isBlank() || name.length() > 60)
            throw ApiException.invalidField("name", "name must be 1-60 characters");
        description = description == null ? "" : description.strip();
        if (description.length() > 200)
            throw ApiException.invalidField("description", "description must be at most 200 characters");
        if (durationMinutes < 1 || durationMinutes > MAX_DURATION_MINUTES)
            throw ApiException.invalidField("durationMinutes", "durationMinutes must be between 1 and " + MAX_DURATION_MINUTES);
        if (bandwidthMbps < 1 || bandwidthMbps > 1000)
            throw ApiException.invalidField("bandwidthMbps", "bandwidthMbps must be between 1 and 1000");
        if (uploadMbps == 0) uploadMbps = bandwidthMbps; // optional in the data model: defaults to download
        if (uploadMbps < 1 || uploadMbps > 1000)
            throw ApiException.invalidField("uploadMbps", "uploadMbps must be between 1 and 1000");
        if (priceKES < 1 || priceKES > MAX_PRICE_KES)
            throw ApiException.invalidField("priceKES", "priceKES must be between 1 and " + MAX_PRICE_KES);
        name = name.strip();
    }

    /** Returns the package's length in seconds, the unit grants are counted in. */
    public long durationSeconds() {
        return durationMinutes * 60L;
    }
}
