package com.wifibilling.core.guard;

import java.time.Instant;
import java.util.Optional;

/**
 * The Guards table (DESIGN §4). Every operation decides in one conditional write (or a short loop of them),
 * never in a read followed by a write, so concurrent callers cannot both win. A guard whose {@code ttl} is in
 * the past counts as absent even while DynamoDB has not deleted it yet (its TTL deletion is lazy, and no logic
 * waits for it).
 */
public interface GuardStore {
    /**
     * Returns {@link Claim#CLAIMED} when the guard was absent (or expired) and now names {@code owner} until
     * {@code ttl}; {@link Claim#SAME_OWNER} when it already named {@code owner} (its ttl is then moved to
     * {@code ttl}); {@link Claim.TakenBy} naming the other owner otherwise, having written nothing.
     */
    Claim claim(String key, String owner, Instant ttl);

    /** Returns the same answers as {@link #claim(String, String, Instant)} for a guard that never expires. */
    Claim claim(String key, String owner);

    /** Returns true when the guard named {@code owner} and is now deleted; false (nothing deleted) otherwise. */
    boolean release(String key, String owner);

    /**
     * Deletes the guard under {@code key}, whatever it holds and whoever owns it; an absent key is fine. For
     * guards that have no owner to release them by, such as an attempt counter a success resets.
     */
    void delete(String key);

    /** Returns the live guard under {@code key}, strongly consistent; empty when absent or expired. */
    Optional<Guard> find(String key);

    /**
     * Returns the number of attempts counted in the fixed window starting at {@code windowStart}, this one
     * included. A stored count from an older window (or an expired one) starts again at 1; the guard lives until
     * {@code ttl}, normally the end of the window.
     */
    long increment(String key, Instant windowStart, Instant ttl);

    /**
     * Returns how many timestamps lie after {@code keepAfter} once {@code at} is added, dropping older ones; when
     * {@code max} already lie there, nothing is added and {@link RollingCount#appended()} is false (the rolling
     * limit is reached). The guard lives until the newest timestamp leaves the window.
     */
    RollingCount appendTimestamp(String key, Instant at, Instant keepAfter, int max);
}
