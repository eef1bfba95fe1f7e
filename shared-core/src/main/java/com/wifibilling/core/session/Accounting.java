package com.wifibilling.core.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What RADIUS accounting last reported for the device's gateway login (contracts/gateways.md §1 and §3.5): the
 * identifiers a Disconnect- or CoA-Request needs (§4.2) and the byte counters. {@code bytesIn} is what the
 * device uploaded, {@code bytesOut} what it downloaded (the NAS's point of view). {@code loginUploadMbps} and
 * {@code loginDownloadMbps} are the rates the gateway enforces on this login (the session's when the login started,
 * then those of each CoA it acknowledged): a CoA refused on a rate change falls back to a Disconnect (§4.4), which a
 * time-only change does not need. Null for logins recorded before these were kept.
 */
public record Accounting(String nasUserName, String acctSessionId, String framedIp, String nasIp, String nasIdentifier,
                         Instant acctStartedAt, Instant lastAcctAt, long bytesIn, long bytesOut, Integer loginUploadMbps,
                         Integer loginDownloadMbps) {
    public Accounting {
        if (bytesIn < 0 || bytesOut < 0) throw new IllegalArgumentException("Byte counters cannot be negative");
        acctStartedAt = acctStartedAt == null ? null : acctStartedAt.truncatedTo(ChronoUnit.MILLIS);
        lastAcctAt = lastAcctAt == null ? null : lastAcctAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A login whose enforced rates are not known. */
    public Accounting(String nasUserName, String acctSessionId, String framedIp, String nasIp, String nasIdentifier,
                      Instant acctStartedAt, Instant lastAcctAt, long bytesIn, long bytesOut) {
        this(nasUserName, acctSessionId, framedIp, nasIp, nasIdentifier, acctStartedAt, lastAcctAt, bytesIn, bytesOut, null, null);
    }

    /** Returns this login now enforcing {@code session}'s rates (at its start, and after an acknowledged CoA). */
    public Accounting enforcing(Session session) {
        return new Accounting(nasUserName, acctSessionId, framedIp, nasIp, nasIdentifier, acctStartedAt, lastAcctAt, bytesIn, bytesOut,
                session.uploadMbps(), session.downloadMbps());
    }

    /** True when the login's enforced rates are known and differ from {@code session}'s (a package change). */
    public boolean rateDiffersFrom(Session session) {
        return loginUploadMbps != null && loginDownloadMbps != null
                && (loginUploadMbps != session.uploadMbps() || loginDownloadMbps != session.downloadMbps());
    }
}
