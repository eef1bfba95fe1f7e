package com.wifibilling.local.gateway;

/**
 * The simulator's knobs (contracts/gateways.md §8): {@code timeScale} multiplies every NAS timer (Session-Timeout,
 * Idle-Timeout, interim interval), so 0.01 turns an hour into 36 s; {@code requireMessageAuth} drops Access
 * replies without a valid Message-Authenticator, as RouterOS 7.15's {@code require-message-auth} does;
 * {@code acctInterimSeconds}, when set, overrides the Accept's Acct-Interim-Interval.
 */
record NasSettings(double timeScale, boolean requireMessageAuth, Integer acctInterimSeconds) {
    static final NasSettings DEFAULTS = new NasSettings(1.0, true, null);

    NasSettings {
        if (!(timeScale > 0 && timeScale <= 1000)) throw new IllegalArgumentException("timeScale must be above 0 and at most 1000");
        if (acctInterimSeconds != null && acctInterimSeconds < 1) throw new IllegalArgumentException("acctInterimSeconds must be at least 1");
    }

    /** Returns {@code seconds} of NAS time in wall-clock milliseconds (at least 1). */
    long scaledMillis(long seconds) {
        return Math.max(1, Math.round(seconds * 1000 * timeScale));
    }
}
