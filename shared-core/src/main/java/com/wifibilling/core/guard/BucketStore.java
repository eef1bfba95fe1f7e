package com.wifibilling.core.guard;

import java.time.Instant;
import java.util.Optional;

/** Where {@link TokenBucket}s keep their level (the Guards table, {@code bucket#<kind>#<subject>}). */
public interface BucketStore {
    /** A bucket's level: thousandths of a token (whole numbers keep the arithmetic exact), as of {@code at}. */
    record Level(long milliTokens, Instant at) {}

    /** Returns the stored level, strongly consistent; empty when there is none or it has expired. */
    Optional<Level> read(String key);

    /**
     * Returns true when {@code next} replaced {@code read} unchanged since it was read (none, or an expired one,
     * when {@code read} is empty); false, writing nothing, when another request got there first.
     */
    boolean write(String key, Optional<Level> read, Level next, Instant ttl);
}
