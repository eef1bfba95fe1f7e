package com.wifibilling.core.daraja;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The OAuth token of one Daraja app (contracts/daraja.md §2): one per (base URL, consumer key), held statically so
 * warm Lambda invocations and every client in the JVM reuse it. It is refreshed when less than 300 s remain, one
 * fetch at a time (callers arriving meanwhile wait for that fetch and use its token), and dropped when Daraja
 * calls it invalid. Never minted per request.
 */
final class AccessTokens {
    /** Refresh when less than this remains (§2). */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(300);

    private static final ConcurrentMap<String, AccessTokens> SHARED = new ConcurrentHashMap<>();

    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Token current;

    /** A token and when it stops being worth sending. Its {@code toString} hides the value. */
    record Token(String value, Instant fetchedAt, Duration lifetime) {
        Token {
            Objects.requireNonNull(value, "value");
        }

        /**
         * Returns whether the token is still good at {@code now}: more than 300 s left, or, for a token that never
         * lived 600 s (only test doubles issue those), more than half of its life, so it is not fetched per request.
         */
        boolean freshAt(Instant now) {
            Duration margin = lifetime.compareTo(REFRESH_MARGIN.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : REFRESH_MARGIN;
            return now.isBefore(fetchedAt.plus(lifetime).minus(margin));
        }

        @Override
        public String toString() {
            return "Token[hidden, fetchedAt=" + fetchedAt + ", lifetime=" + lifetime + "]";
        }
    }

    private AccessTokens() {}

    /** Returns the cache of the app {@code consumerKey} at {@code baseUrl}, shared by the whole JVM. */
    static AccessTokens shared(String baseUrl, String consumerKey) {
        return SHARED.computeIfAbsent(baseUrl + '\n' + consumerKey, key -> new AccessTokens());
    }

    /**
     * Returns a token fresh at the clock's time, fetching one through {@code fetch} when needed. Only one caller
     * fetches at a time; the others wait and then take what it fetched. A failed fetch throws to its caller only.
     */
    String get(Clock clock, Supplier<Token> fetch) {
        Token token = current;
        if (token != null && token.freshAt(clock.instant())) return token.value();
        fetching.lock();
        try {
            token = current;
            if (token != null && token.freshAt(clock.instant())) return token.value();
            token = fetch.get();
            current = token;
            return token.value();
        } finally {
            fetching.unlock();
        }
    }

    /**
     * Forgets {@code rejected}, so the next {@link #get} fetches. A token another caller already replaced is left
     * alone: dropping it would cost a second fetch, and each new token may invalidate the previous one (§2).
     */
    void invalidate(String rejected) {
        fetching.lock();
        try {
            Token token = current;
            if (token != null && token.value().equals(rejected)) current = null;
        } finally {
            fetching.unlock();
        }
    }
}
