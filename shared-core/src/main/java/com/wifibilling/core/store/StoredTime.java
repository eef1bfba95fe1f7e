package com.wifibilling.core.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Returns instants as stored in sort keys: ISO-8601 UTC with exactly three fraction digits
 * ({@code 2026-11-25T10:00:00.000Z}). {@link Instant#toString()} drops zero fractions, and then
 * {@code "…:00Z"} sorts after {@code "…:00.500Z"}: a GSI on {@code createdAt} would page out of order.
 * Epoch-second attributes ({@code expiresAt}, {@code ttl}) are numbers and need none of this.
 */
public final class StoredTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StoredTime() {}

    public static String iso(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Instant parse(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
