package com.wifibilling.core.store;

import com.wifibilling.core.guard.Claim;
import com.wifibilling.core.guard.Guard;
import com.wifibilling.core.guard.GuardStore;
import com.wifibilling.core.guard.RollingCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The Guards table on DynamoDB, through the low-level client: guard items have no fixed shape (an owner, a
 * counter and its window, or a list of timestamps), and counters need {@code ADD}. Attributes: {@code key} (S),
 * {@code owner} (S), {@code ttl} (N, epoch seconds), {@code count} and {@code windowStart} (N, epoch seconds),
 * {@code stamps} (L of N, epoch milliseconds) and {@code version} (N). {@code key}, {@code owner}, {@code ttl} and
 * {@code count} are DynamoDB reserved words, so every expression names attributes through placeholders.
 * "Expired" means {@code ttl ≤ now} by the injected clock; every condition says {@code OR #ttl <= :now} so an
 * expired guard that TTL has not yet deleted is treated as absent.
 */
public final class DynamoDbGuardStore implements GuardStore {
    /** A few rounds suffice: each failed condition means another writer made progress. */
    private static final int COUNTER_ATTEMPTS = 8;
    private static final int APPEND_ATTEMPTS = 64;
    private static final Map<String, String> NAMES = Map.of("#key", "key", "#owner", "owner", "#ttl", "ttl");
    private static final AttributeValue ONE = AttributeValue.fromN("1");

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoDbGuardStore(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, Clock.systemUTC());
    }

    /** The clock decides which guards have expired; tests move it instead of sleeping. */
    public DynamoDbGuardStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public Claim claim(String key, String owner, Instant ttl) {
        requireText(key, "key");
        requireText(owner, "owner");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("key", AttributeValue.fromS(key));
        item.put("owner", AttributeValue.fromS(owner));
        if (ttl != null) item.put("ttl", epochSeconds(ttl));
        // A loser reads the winner; should the winner vanish in between (released, expired), claim again.
        for (int attempt = 0; attempt < COUNTER_ATTEMPTS; attempt++) {
            long now = nowSeconds();
            try {
                Map<String, AttributeValue> old = dynamoDb.putItem(r -> r.tableName(tableName).item(item)
                        .conditionExpression("attribute_not_exists(#key) OR #owner = :owner OR #ttl <= :now")
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner), ":now", number(now)))
                        .returnValues(ReturnValue.ALL_OLD)).attributes();
                boolean heldBefore = old != null && !old.isEmpty() && owner.equals(text(old.get("owner"))) && !expired(old, now);
                return heldBefore ? Claim.SAME_OWNER : Claim.CLAIMED;
            } catch (ConditionalCheckFailedException takenByAnother) {
                Optional<Guard> holder = find(key);
                if (holder.isPresent()) return Claim.takenBy(holder.get().owner());
            }
        }
        throw new IllegalStateException("Guard " + key + " kept changing hands while being claimed");
    }

    @Override
    public Claim claim(String key, String owner) {
        return claim(key, owner, null);
    }

    @Override
    public boolean release(String key, String owner) {
        requireText(owner, "owner");
        try {
            dynamoDb.deleteItem(r -> r.tableName(tableName).key(key(key))
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner))));
            return true;
        } catch (ConditionalCheckFailedException notTheOwner) {
            return false;
        }
    }

    @Override
    public void delete(String key) {
        requireText(key, "key");
        dynamoDb.deleteItem(r -> r.tableName(tableName).key(key(key)));
    }

    @Override
    public Optional<Guard> find(String key) {
        Map<String, AttributeValue> item = read(key);
        if (item.isEmpty() || expired(item, nowSeconds())) return Optional.empty();
        AttributeValue ttl = item.get("ttl");
        return Optional.of(new Guard(key, text(item.get("owner")), ttl == null ? null : Instant.ofEpochSecond(Long.parseLong(ttl.n()))));
    }

    /**
     * Counts without a read: first {@code ADD count :one} if the stored window is this one (or newer, when the
     * caller's clock lags), else restart the count at 1 if the stored window is older or absent. If both
     * conditions fail, another caller restarted the window in between, so the next {@code ADD} succeeds.
     */
    @Override
    public long increment(String key, Instant windowStart, Instant ttl) {
        requireText(key, "key");
        AttributeValue window = epochSeconds(windowStart);
        Map<String, String> names = Map.of("#count", "count", "#window", "windowStart");
        for (int attempt = 0; attempt < COUNTER_ATTEMPTS; attempt++) {
            try {
                var counted = dynamoDb.updateItem(r -> r.tableName(tableName).key(key(key))
                        .updateExpression("ADD #count :one")
                        .conditionExpression("#window >= :window")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(Map.of(":one", ONE, ":window", window))
                        .returnValues(ReturnValue.UPDATED_NEW));
                return Long.parseLong(counted.attributes().get("count").n());
            } catch (ConditionalCheckFailedException absentOrOlderWindow) {
                // fall through to restarting the window
            }
            try {
                dynamoDb.updateItem(r -> r.tableName(tableName).key(key(key))
                        .updateExpression("SET #count = :one, #window = :window, #ttl = :ttl")
                        .conditionExpression("attribute_not_exists(#key) OR attribute_not_exists(#window) OR #window < :window")
                        .expressionAttributeNames(Map.of("#count", "count", "#window", "windowStart", "#ttl", "ttl", "#key", "key"))
                        .expressionAttributeValues(Map.of(":one", ONE, ":window", window, ":ttl", epochSeconds(ttl))));
                return 1;
            } catch (ConditionalCheckFailedException someoneRestartedIt) {
                // the window is current now: count into it on the next round
            }
        }
        throw new IllegalStateException("Counter " + key + " kept changing while being incremented");
    }

    /**
     * Read, prune, append, then write with an optimistic {@code version} condition; a lost race reads again.
     * A list (not a number set) keeps two moves in the same millisecond as two.
     */
    @Override
    public RollingCount appendTimestamp(String key, Instant at, Instant keepAfter, int max) {
        requireText(key, "key");
        if (max < 1) throw new IllegalArgumentException("max must be at least 1");
        if (!keepAfter.isBefore(at)) throw new IllegalArgumentException("keepAfter must be before at");
        Instant ttl = at.plus(Duration.between(keepAfter, at)); // when this stamp leaves the window
        for (int attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> item = read(key);
            List<AttributeValue> kept = new ArrayList<>();
            if (item.containsKey("stamps")) {
                for (AttributeValue stamp : item.get("stamps").l())
                    if (Long.parseLong(stamp.n()) > keepAfter.toEpochMilli()) kept.add(stamp);
            }
            if (kept.size() >= max) return new RollingCount(kept.size(), false);
            kept.add(AttributeValue.fromN(Long.toString(at.toEpochMilli())));
            long version = item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 0;
            Map<String, AttributeValue> next = Map.of("key", AttributeValue.fromS(key), "stamps", AttributeValue.fromL(kept),
                    "version", number(version + 1), "ttl", epochSeconds(ttl));
            try {
                if (item.isEmpty()) {
                    dynamoDb.putItem(r -> r.tableName(tableName).item(next).conditionExpression("attribute_not_exists(#key)")
                            .expressionAttributeNames(Map.of("#key", "key")));
                } else {
                    dynamoDb.putItem(r -> r.tableName(tableName).item(next).conditionExpression("#version = :read")
                            .expressionAttributeNames(Map.of("#version", "version"))
                            .expressionAttributeValues(Map.of(":read", number(version))));
                }
                return new RollingCount(kept.size(), true);
            } catch (ConditionalCheckFailedException changedSinceRead) {
                // another append won: read its list and decide again
            }
        }
        throw new IllegalStateException("Timestamps of " + key + " kept changing while being appended");
    }

    private Map<String, AttributeValue> read(String key) {
        requireText(key, "key");
        return dynamoDb.getItem(r -> r.tableName(tableName).key(key(key)).consistentRead(true)).item();
    }

    private static boolean expired(Map<String, AttributeValue> item, long nowSeconds) {
        AttributeValue ttl = item.get("ttl");
        return ttl != null && Long.parseLong(ttl.n()) <= nowSeconds;
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("key", AttributeValue.fromS(key));
    }

    private static AttributeValue epochSeconds(Instant instant) {
        return number(instant.getEpochSecond());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
    }
}
