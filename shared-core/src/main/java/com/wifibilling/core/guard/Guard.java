package com.wifibilling.core.guard;

import java.time.Instant;
import java.util.Objects;

/**
 * A live uniqueness guard as {@link GuardStore#find} reads it: its {@code key}, its {@code owner} (null for
 * counter and timestamp guards, which have none) and its {@code ttl}, when it stops counting (null: never).
 */
public record Guard(String key, String owner, Instant ttl) {
    public Guard {
        Objects.requireNonNull(key, "key");
    }
}
