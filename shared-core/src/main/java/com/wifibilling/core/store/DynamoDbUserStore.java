package com.wifibilling.core.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.guard.Claim;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.guard.GuardStore;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.user.AdminCreation;
import com.wifibilling.core.user.User;
import com.wifibilling.core.user.UserKind;
import com.wifibilling.core.user.UserStatus;
import com.wifibilling.core.user.UserStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The Users table on DynamoDB: puts, reads and index queries through the Enhanced client and a schema written
 * in code; single-attribute updates through the low-level client. Admin email uniqueness lives in the Guards
 * table (through {@link GuardStore}), because a GSI cannot refuse a duplicate.
 */
public final class DynamoDbUserStore implements UserStore {
    static final String PHONE_INDEX = "phone-index";
    static final String EMAIL_INDEX = "email-index";
    static final String KIND_INDEX = "kind-index";
    static final TableSchema<UserItem> SCHEMA = StaticTableSchema.builder(UserItem.class)
            .newItemSupplier(UserItem::new)
            .addAttribute(String.class, a -> a.name("userId").getter(UserItem::getUserId).setter(UserItem::setUserId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("kind").getter(UserItem::getKind).setter(UserItem::setKind).tags(secondaryPartitionKey(KIND_INDEX)))
            .addAttribute(String.class, a -> a.name("phone").getter(UserItem::getPhone).setter(UserItem::setPhone).tags(secondaryPartitionKey(PHONE_INDEX)))
            .addAttribute(String.class, a -> a.name("email").getter(UserItem::getEmail).setter(UserItem::setEmail).tags(secondaryPartitionKey(EMAIL_INDEX)))
            .addAttribute(String.class, a -> a.name("passwordHash").getter(UserItem::getPasswordHash).setter(UserItem::setPasswordHash))
            .addAttribute(EnhancedType.setOf(String.class), a -> a.name("roles").getter(UserItem::getRoles).setter(UserItem::setRoles))
            .addAttribute(String.class, a -> a.name("status").getter(UserItem::getStatus).setter(UserItem::setStatus))
            .addAttribute(String.class, a -> a.name("createdAt").getter(UserItem::getCreatedAt).setter(UserItem::setCreatedAt).tags(secondarySortKey(KIND_INDEX)))
            .addAttribute(String.class, a -> a.name("lastSeenAt").getter(UserItem::getLastSeenAt).setter(UserItem::setLastSeenAt))
            .build();
    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(userId)").build();
    private static final Set<String> LIST_KEY = Set.of("kind", "createdAt", "userId");
    private static final Comparator<User> OLDEST_FIRST = Comparator.comparing(User::createdAt).thenComparing(User::userId);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DynamoDbTable<UserItem> table;
    private final GuardStore guards;

    /** {@code guards} holds the {@code email#} uniqueness guards (normally a {@link DynamoDbGuardStore}). */
    public DynamoDbUserStore(DynamoDbClient dynamoDb, String tableName, GuardStore guards) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.table = AwsClients.enhanced(dynamoDb).table(tableName, SCHEMA);
        this.guards = guards;
    }

    /**
     * Two conditional writes, in this order, each safe to repeat:
     * <ol>
     * <li>claim the guard {@code email#<email>} for this userId ({@code attribute_not_exists(key) OR owner =
     * :userId}); held by another userId → {@code EMAIL_TAKEN}, and no user is written;</li>
     * <li>put the user ({@code attribute_not_exists(userId)}).</li>
     * </ol>
     * The guard comes first so two admins with one email can never both exist: of racing callers only the guard's
     * winner reaches step 2. A crash between the steps leaves a guard without its user; repeating the call with
     * the same userId and email finishes it, while other userIds keep getting {@code EMAIL_TAKEN} (the guard's
     * owner may be a creation still in flight, so it is never taken over). If step 2 finds the userId held by the
     * same admin (a repeat), the answer is {@code CREATED}; held by a different user, the guard just claimed is
     * released and the answer is {@code USER_ID_TAKEN}.
     */
    @Override
    public AdminCreation createAdmin(User admin) {
        if (admin.kind() != UserKind.ADMIN) throw new IllegalArgumentException("createAdmin takes an admin");
        String emailGuard = GuardKeys.email(admin.email());
        if (guards.claim(emailGuard, admin.userId()) instanceof Claim.TakenBy) return AdminCreation.EMAIL_TAKEN;
        if (putIfAbsent(admin)) return AdminCreation.CREATED;
        User existing = find(admin.userId()).orElseThrow(() -> new IllegalStateException("User " + admin.userId() + " vanished"));
        if (existing.kind() == UserKind.ADMIN && existing.email().equals(admin.email())) return AdminCreation.CREATED;
        guards.release(emailGuard, admin.userId()); // this userId can never carry that email: free it
        return AdminCreation.USER_ID_TAKEN;
    }

    @Override
    public boolean createPortalUser(User portalUser) {
        if (portalUser.kind() != UserKind.PORTAL) throw new IllegalArgumentException("createPortalUser takes a portal user");
        return putIfAbsent(portalUser);
    }

    private boolean putIfAbsent(User user) {
        try {
            table.putItem(r -> r.item(UserItem.from(user)).conditionExpression(ABSENT));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    @Override
    public Optional<User> find(String userId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(userId).build()).consistentRead(true)))
                .map(UserItem::toUser);
    }

    @Override
    public Optional<User> findByPhone(Phone phone) {
        return earliest(table.index(PHONE_INDEX), phone.msisdn());
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return earliest(table.index(EMAIL_INDEX), User.canonicalEmail(email));
    }

    /** Reads every match: normally one, and the earliest wins so the answer is stable if a race made two. */
    private static Optional<User> earliest(DynamoDbIndex<UserItem> index, String value) {
        return index.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(value)))).stream()
                .flatMap(page -> page.items().stream()).map(UserItem::toUser).min(OLDEST_FIRST);
    }

    @Override
    public Page<User> list(UserKind kind, int limit, String cursor) {
        if (limit < 1 || limit > 100) throw ApiException.invalidField("limit", "limit must be between 1 and 100");
        Map<String, AttributeValue> start = startKey(cursor, kind);
        var page = table.index(KIND_INDEX).query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(kind.value())))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(start)).iterator().next();
        return new Page<>(page.items().stream().map(UserItem::toUser).toList(), Cursors.encode(page.lastEvaluatedKey()));
    }

    /** A cursor from another kind's list, or with non-string parts, would be a DynamoDB error (500): make it a 400. */
    private static Map<String, AttributeValue> startKey(String cursor, UserKind kind) {
        Map<String, AttributeValue> start = Cursors.decode(cursor, LIST_KEY);
        if (start == null) return null;
        boolean fits = kind.value().equals(start.get("kind").s()) && start.get("createdAt").s() != null && start.get("userId").s() != null;
        if (!fits) throw ApiException.invalidField("cursor", "cursor is not one this list returned");
        return start;
    }

    @Override
    public boolean touch(String userId, Instant lastSeenAt) {
        return update(userId, "SET lastSeenAt = :at",
                "attribute_exists(userId) AND (attribute_not_exists(lastSeenAt) OR lastSeenAt < :at)",
                Map.of(), Map.of(":at", AttributeValue.fromS(StoredTime.iso(lastSeenAt))));
    }

    @Override
    public boolean updatePasswordHash(String userId, String passwordHash) {
        if (passwordHash == null || passwordHash.isBlank()) throw new IllegalArgumentException("passwordHash must not be blank");
        return update(userId, "SET passwordHash = :hash", "attribute_exists(userId) AND #kind = :admin",
                Map.of("#kind", "kind"),
                Map.of(":hash", AttributeValue.fromS(passwordHash), ":admin", AttributeValue.fromS(UserKind.ADMIN.value())));
    }

    @Override
    public boolean setStatus(String userId, UserStatus status) {
        return update(userId, "SET #status = :status", "attribute_exists(userId)",
                Map.of("#status", "status"), Map.of(":status", AttributeValue.fromS(status.value())));
    }

    private boolean update(String userId, String update, String condition, Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(Map.of("userId", AttributeValue.fromS(userId)))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(names.isEmpty() ? null : names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException missingOrNotAllowed) {
            return false;
        }
    }

    /** The stored form; mutable only because the Enhanced client fills items through setters. */
    public static final class UserItem {
        private String userId;
        private String kind;
        private String phone;
        private String email;
        private String passwordHash;
        private Set<String> roles;
        private String status;
        private String createdAt;
        private String lastSeenAt;

        static UserItem from(User user) {
            var item = new UserItem();
            item.userId = user.userId();
            item.kind = user.kind().value();
            item.phone = user.phone() == null ? null : user.phone().msisdn();
            item.email = user.email();
            item.passwordHash = user.passwordHash();
            item.roles = user.roles().isEmpty() ? null : user.roles(); // DynamoDB has no empty sets
            item.status = user.status().value();
            item.createdAt = StoredTime.iso(user.createdAt());
            item.lastSeenAt = StoredTime.iso(user.lastSeenAt());
            return item;
        }

        User toUser() {
            return new User(userId, UserKind.fromValue(kind), phone == null ? null : new Phone(phone), email, passwordHash,
                    roles, UserStatus.fromValue(status), StoredTime.parse(createdAt), StoredTime.parse(lastSeenAt));
        }

        public String getUserId() { return userId; }
        public void setUserId(String v) { userId = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getPasswordHash() { return passwordHash; }
        public void setPasswordHash(String v) { passwordHash = v; }
        public Set<String> getRoles() { return roles; }
        public void setRoles(Set<String> v) { roles = v; }
        public String getStatus() { return status; }
        public void setStatus(String v) { status = v; }
        public String getCreatedAt() { return createdAt; }
        public void setCreatedAt(String v) { createdAt = v; }
        public String getLastSeenAt() { return lastSeenAt; }
        public void setLastSeenAt(String v) { lastSeenAt = v; }
    }
}
