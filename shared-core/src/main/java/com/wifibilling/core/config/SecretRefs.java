package com.wifibilling.core.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a secret reference stored on a gateway ({@code radiusSecretRef}, {@code unifi.credentialsRef}) into its
 * value. Two forms: {@code env:NAME} reads this function's environment variable {@code NAME} (what an operator
 * provisions by hand, and the local runtime's seeded gateway), and {@code secretsmanager:NAME} (or a Secrets
 * Manager ARN) reads the secret store (a {@link LazySecretStore}, so a function that never meets such a reference
 * never pays for its client at cold start). Store values are kept for {@code ttl}: a rotated secret reaches every
 * container within that time without a Secrets Manager call per CoA.
 */
public final class SecretRefs {
    public static final String ENV_PREFIX = "env:";
    public static final String STORE_PREFIX = "secretsmanager:";
    private static final String ARN_PREFIX = "arn:aws:secretsmanager:";

    private record Cached(String value, Instant fetchedAt) {}

    private final Env env;
    private final SecretStore store;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SecretRefs(Env env, SecretStore store, Clock clock, Duration ttl) {
        this.env = env;
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Returns the reference under which {@code name} is kept in the secret store. */
    public static String storeRef(String name) {
        return STORE_PREFIX + name;
    }

    /** Returns the value {@code ref} points at; a {@link ConfigException} naming the reference (never a value) otherwise. */
    public String resolve(String ref) {
        if (ref == null || ref.isBlank()) throw new ConfigException("A secret reference is missing (expected env:NAME or secretsmanager:NAME)");
        if (ref.startsWith(ENV_PREFIX)) return env.require(ref.substring(ENV_PREFIX.length()));
        String id;
        if (ref.startsWith(STORE_PREFIX)) id = ref.substring(STORE_PREFIX.length());
        else if (ref.startsWith(ARN_PREFIX)) id = ref;
        // Not echoed: a value pasted where its reference belongs would otherwise reach the logs.
        else throw new ConfigException("A secret reference must be env:NAME, secretsmanager:NAME or a Secrets Manager ARN");
        if (id.isBlank()) throw new ConfigException("A secretsmanager: reference must name a secret");
        Instant now = clock.instant();
        Cached cached = cache.get(id);
        if (cached != null && cached.fetchedAt().plus(ttl).isAfter(now)) return cached.value();
        String value = store.read(id);
        cache.put(id, new Cached(value, now));
        return value;
    }
}
