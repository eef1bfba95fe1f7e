package com.wifibilling.core.pkg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A package as the admin sees it, with {@code version}: a digest of every stored field, which an update must send back
 * so two operators editing at once cannot overwrite each other unseen (optimistic, no extra attribute in the table).
 */
public record PackageVersion(String packageId, String name, String description, int durationMinutes, int bandwidthMbps,
                             int uploadMbps, long priceKES, boolean active, int sortOrder, String version) {
    public static PackageVersion of(TimePackage p) {
        return new PackageVersion(p.packageId(), p.name(), p.description(), p.durationMinutes(), p.bandwidthMbps(), p.uploadMbps(),
                p.priceKES(), p.active(), p.sortOrder(), digest(p));
    }

    private static String digest(TimePackage p) {
        String canonical = String.join("\u0000", p.packageId(), p.name(), p.description(), Integer.toString(p.durationMinutes()),
                Integer.toString(p.bandwidthMbps()), Integer.toString(p.uploadMbps()), Long.toString(p.priceKES()),
                Boolean.toString(p.active()), Integer.toString(p.sortOrder()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
