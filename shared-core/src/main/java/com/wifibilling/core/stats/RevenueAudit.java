package com.wifibilling.core.stats;

import java.time.Instant;
import java.util.Objects;

/**
 * The hourly audit's money-in versus time-granted check of one business day, recomputed from its purchases
 * ({@code day-index}): purchases M-Pesa says were paid ({@code paid}, {@code paidKES}), those whose time was granted
 * and confirmed ({@code granted}, {@code grantedKES}, {@code grantedSeconds}), and {@code paidNotGranted}: paid
 * purchases whose grant is still unconfirmed when audited — someone who paid and may have no internet. The sweeper
 * finishes such a grant within a minute, so anything but 0 in an audit older than that deserves a look.
 */
public record RevenueAudit(long paid, long paidKES, long granted, long grantedKES, long grantedSeconds, long paidNotGranted,
                           Instant auditedAt) {
    public RevenueAudit {
        Objects.requireNonNull(auditedAt, "auditedAt");
        if (paid < 0 || paidKES < 0 || granted < 0 || grantedKES < 0 || grantedSeconds < 0 || paidNotGranted < 0)
            throw new IllegalArgumentException("audit figures are never negative");
    }
}
