package com.wifibilling.core.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What RADIUS accounting last reported for the device's gateway login (contracts/gateways.md §1 and §3.5): the
 * identifiers a Disconnect- or CoA-Request needs (§4.2) and the byte counters. {@code bytesIn} is what the
 * device uploaded, {@code bytesOut} what it downloaded (the NAS's point of view).
 */
public record Accounting(String nasUserName, String acctSessionId, String framedIp, String nasIp, String nasIdentifier,
                         Instant acctStartedAt, Instant lastAcctAt, long bytesIn, long bytesOut) {
    public Accounting {
        if (bytesIn < 0 || bytesOut < 0) throw new IllegalArgumentException("Byte counters cannot be negative");
        acctStartedAt = acctStartedAt == null ? null : acctStartedAt.truncatedTo(ChronoUnit.MILLIS);
        lastAcctAt = lastAcctAt == null ? null : lastAcctAt.truncatedTo(ChronoUnit.MILLIS);
    }
}
