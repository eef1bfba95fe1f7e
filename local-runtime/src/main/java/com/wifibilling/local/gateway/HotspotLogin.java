package com.wifibilling.local.gateway;

import com.wifibilling.core.Mac;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * One device's login on the simulated hotspot, like an entry of RouterOS's {@code /ip hotspot active}: who, the
 * limits the Access-Accept (and later CoAs) set, the counters, and whether it is still online. Mutable, guarded by
 * its own monitor; {@link #view()} is the snapshot the control endpoints show.
 */
final class HotspotLogin {
    /** What {@code GET /simulator/gateway/logins} shows for a login. */
    record View(String gatewayId, String mac, String ip, String userName, String acctSessionId, boolean online, Instant startedAt,
                Instant endedAt, Long sessionTimeout, Long idleTimeout, long interimSeconds, String rateLimit, Long uploadKbps,
                Long downloadKbps, long bytesIn, long bytesOut, int interimUpdates, boolean accountingStarted, String terminateCause,
                int coaApplied) {}

    final String gatewayId;
    final Mac mac;
    final String ip;
    final String userName;
    final String acctSessionId;
    final Optional<byte[]> classValue;
    final Instant startedAt;
    final long interimSeconds;
    private Long sessionTimeout;
    private final Long idleTimeout;
    private RateLimit rateLimit;
    private boolean online = true;
    private Instant endedAt;
    private int terminateCause;
    private long bytesIn;
    private long bytesOut;
    private int interimUpdates;
    private boolean accountingStarted;
    private int coaApplied;
    private ScheduledFuture<?> expiry;
    private ScheduledFuture<?> ticks;

    HotspotLogin(String gatewayId, AccessAttempt attempt, AccessAnswer accept, long interimSeconds, Instant startedAt) {
        this.gatewayId = gatewayId;
        this.mac = attempt.mac();
        this.ip = attempt.ip();
        this.userName = attempt.userName();
        this.acctSessionId = attempt.acctSessionId();
        this.classValue = accept.classValue();
        this.startedAt = startedAt;
        this.interimSeconds = interimSeconds;
        this.sessionTimeout = accept.sessionTimeout().isPresent() ? accept.sessionTimeout().getAsLong() : null;
        this.idleTimeout = accept.idleTimeout().isPresent() ? accept.idleTimeout().getAsLong() : null;
        this.rateLimit = accept.rateLimit().orElse(null);
    }

    synchronized boolean online() {
        return online;
    }

    synchronized Optional<Long> sessionTimeout() {
        return Optional.ofNullable(sessionTimeout);
    }

    synchronized Optional<Long> idleTimeout() {
        return Optional.ofNullable(idleTimeout);
    }

    /** Applies a CoA's new limits (contracts/gateways.md §4.2: the Session-Timeout counts from login). */
    synchronized void apply(Optional<Long> newTimeout, Optional<RateLimit> newRate) {
        newTimeout.ifPresent(timeout -> sessionTimeout = timeout);
        newRate.ifPresent(rate -> rateLimit = rate);
        coaApplied++;
    }

    synchronized void accountingStarted() {
        accountingStarted = true;
    }

    synchronized void count(long in, long out) {
        bytesIn += in;
        bytesOut += out;
    }

    synchronized void interimSent() {
        interimUpdates++;
    }

    /** Returns true for the one call that takes the login offline; later calls (a timeout racing a Disconnect) get false. */
    synchronized boolean end(int cause, Instant at) {
        if (!online) return false;
        online = false;
        terminateCause = cause;
        endedAt = at;
        if (expiry != null) expiry.cancel(false);
        if (ticks != null) ticks.cancel(false);
        return true;
    }

    synchronized void schedule(ScheduledFuture<?> newExpiry, ScheduledFuture<?> newTicks) {
        if (expiry != null) expiry.cancel(false);
        expiry = newExpiry;
        if (newTicks != null) {
            if (ticks != null) ticks.cancel(false);
            ticks = newTicks;
        }
    }

    synchronized long bytesIn() {
        return bytesIn;
    }

    synchronized long bytesOut() {
        return bytesOut;
    }

    long sessionSeconds(Instant now) {
        return Math.max(0, Duration.between(startedAt, now).toSeconds());
    }

    synchronized View view() {
        return new View(gatewayId, mac.value(), ip, userName, acctSessionId, online, startedAt, endedAt, sessionTimeout, idleTimeout,
                interimSeconds, rateLimit == null ? null : rateLimit.raw(), rateLimit == null ? null : rateLimit.uploadKbps(),
                rateLimit == null ? null : rateLimit.downloadKbps(), bytesIn, bytesOut, interimUpdates, accountingStarted,
                AccountingRecord.causeName(terminateCause), coaApplied);
    }
}
