package com.wifibilling.core.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How many failed attempts of one {@code kind} a subject may make (DESIGN §6 "Lockouts"): {@code maxFailures}
 * within a fixed {@code window} (aligned to the epoch, so every caller computes the same window), after which the
 * subject is locked out for {@code lockout}, counted from the failure that reached the limit.
 *
 * <p>Fixed windows are one counter write per failure and no read; their price is that a guesser who times the
 * window edge gets at most {@code maxFailures} more tries before the lockout catches up, which the lockout then
 * ends for its full length.
 */
public record AttemptLimit(String kind, int maxFailures, Duration window, Duration lockout) {
    // Before the constants below: static fields initialize in order, and their constructors use it.
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    /** A receipt claim from one device: (gateway, MAC) — what a guesser controls, not the hotspot's shared IP. */
    public static final AttemptLimit CLAIM_DEVICE = new AttemptLimit("claim-device", 5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    /** A receipt claim aimed at one M-Pesa receipt, from any device. */
    public static final AttemptLimit CLAIM_RECEIPT = new AttemptLimit("claim-receipt", 5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    /** An admin login aimed at one account (its canonical email), known or not, from anywhere. */
    public static final AttemptLimit LOGIN_ACCOUNT = new AttemptLimit("login-account", 5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    /** Codes entered from one device (gateway, MAC), typos included (DESIGN §6; the auth/vouchers issue: 5 in 15 minutes). */
    public static final AttemptLimit VOUCHER_DEVICE = new AttemptLimit("voucher-device", 5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    public AttemptLimit {
        if (kind == null || !KIND.matcher(kind).matches()) throw new IllegalArgumentException("kind must be 1-32 lowercase letters, digits or dashes");
        if (maxFailures < 1) throw new IllegalArgumentException("maxFailures must be at least 1");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(lockout, "lockout");
        if (window.toSeconds() < 1 || lockout.toSeconds() < 1) throw new IllegalArgumentException("window and lockout last at least a second");
    }

    /** Returns the start of the window {@code now} falls in: a multiple of the window since the epoch. */
    public Instant windowStart(Instant now) {
        long seconds = window.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
    }
}
