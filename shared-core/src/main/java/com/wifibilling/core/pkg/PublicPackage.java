package com.wifibilling.core.pkg;

/**
 * Returns a package as the portal sees it in {@code GET /api/payment/packages} (DESIGN §4 fields): what it
 * costs and gives, without the operator's bookkeeping ({@code active}, {@code sortOrder}).
 */
public record PublicPackage(String packageId, String name, String description, int durationMinutes,
                            int bandwidthMbps, int uploadMbps, long priceKES) {
    public static PublicPackage of(TimePackage p) {
        return new PublicPackage(p.packageId(), p.name(), p.description(), p.durationMinutes(),
                p.bandwidthMbps(), p.uploadMbps(), p.priceKES());
    }
}
