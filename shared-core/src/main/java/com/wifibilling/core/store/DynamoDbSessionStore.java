package com.wifibilling.core.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.WireName;
import com.wifibilling.core.session.Accounting;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.LastCommand;
import com.wifibilling.core.session.MoveAway;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.session.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The Sessions table on DynamoDB: whole-item puts under a condition on what was read (STYLE §3), through the
 * Enhanced client. Every write replaces the item, so one condition covers every field, and the item is small.
 *
 * <p>Stored: {@code expiresAt} and {@code ttl} as epoch-second numbers ({@code ttl} = {@code expiresAt} + 30
 * days, cleanup only), other times as {@link StoredTime} strings, enums in their lower-case spelling,
 * {@code appliedGrants} as a map of numbers (absent while empty), {@code startedByGrant} (absent when unknown),
 * a moved session's {@link MoveAway} flat ({@code moveId}, {@code movedTo}, {@code moveSeconds}, {@code movedAt}, {@code moveConfirmed}), the accounting fields flat as
 * contracts/gateways.md §1 names them, and {@code lastCommand} as a nested map: DynamoDB keeps it readable in the
 * console and in exports, and no JSON parser stands between the item and the record. {@code onlineShard}
 * ({@code o0}…{@code o3}) exists only while {@code gatewayState} is {@code online}: the sparse expiry-index.
 */
public final class DynamoDbSessionStore implements SessionStore {
    /** How long an item outlives its entitlement before TTL may delete it (reports, relogin errors, disputes). */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(30);
    static final String GATEWAY_INDEX = "gateway-index";
    static final String PHONE_INDEX = "phone-index";
    static final String EXPIRY_INDEX = "expiry-index";

    static final TableSchema<LastCommandItem> LAST_COMMAND_SCHEMA = StaticTableSchema.builder(LastCommandItem.class)
            .newItemSupplier(LastCommandItem::new)
            .addAttribute(String.class, a -> a.name("commandId").getter(LastCommandItem::getCommandId).setter(LastCommandItem::setCommandId))
            .addAttribute(String.class, a -> a.name("type").getter(LastCommandItem::getType).setter(LastCommandItem::setType))
            .addAttribute(String.class, a -> a.name("reason").getter(LastCommandItem::getReason).setter(LastCommandItem::setReason))
            .addAttribute(String.class, a -> a.name("result").getter(LastCommandItem::getResult).setter(LastCommandItem::setResult))
            .addAttribute(String.class, a -> a.name("errorCause").getter(LastCommandItem::getErrorCause).setter(LastCommandItem::setErrorCause))
            .addAttribute(String.class, a -> a.name("at").getter(LastCommandItem::getAt).setter(LastCommandItem::setAt))
            .build();

    static final TableSchema<SessionItem> SCHEMA = StaticTableSchema.builder(SessionItem.class)
            .newItemSupplier(SessionItem::new)
            .addAttribute(String.class, a -> a.name("deviceKey").getter(SessionItem::getDeviceKey).setter(SessionItem::setDeviceKey).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("sessionId").getter(SessionItem::getSessionId).setter(SessionItem::setSessionId))
            .addAttribute(String.class, a -> a.name("accessCode").getter(SessionItem::getAccessCode).setter(SessionItem::setAccessCode))
            .addAttribute(String.class, a -> a.name("radiusSecret").getter(SessionItem::getRadiusSecret).setter(SessionItem::setRadiusSecret))
            .addAttribute(String.class, a -> a.name("gatewayId").getter(SessionItem::getGatewayId).setter(SessionItem::setGatewayId).tags(secondaryPartitionKey(GATEWAY_INDEX)))
            .addAttribute(String.class, a -> a.name("mac").getter(SessionItem::getMac).setter(SessionItem::setMac))
            .addAttribute(String.class, a -> a.name("phone").getter(SessionItem::getPhone).setter(SessionItem::setPhone).tags(secondaryPartitionKey(PHONE_INDEX)))
            .addAttribute(String.class, a -> a.name("packageId").getter(SessionItem::getPackageId).setter(SessionItem::setPackageId))
            .addAttribute(String.class, a -> a.name("packageName").getter(SessionItem::getPackageName).setter(SessionItem::setPackageName))
            .addAttribute(Integer.class, a -> a.name("downloadMbps").getter(SessionItem::getDownloadMbps).setter(SessionItem::setDownloadMbps))
            .addAttribute(Integer.class, a -> a.name("uploadMbps").getter(SessionItem::getUploadMbps).setter(SessionItem::setUploadMbps))
            .addAttribute(String.class, a -> a.name("startedAt").getter(SessionItem::getStartedAt).setter(SessionItem::setStartedAt).tags(secondarySortKey(PHONE_INDEX)))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(SessionItem::getExpiresAt).setter(SessionItem::setExpiresAt)
                    .tags(secondarySortKey(List.of(GATEWAY_INDEX, EXPIRY_INDEX))))
            .addAttribute(String.class, a -> a.name("status").getter(SessionItem::getStatus).setter(SessionItem::setStatus))
            .addAttribute(String.class, a -> a.name("endedAt").getter(SessionItem::getEndedAt).setter(SessionItem::setEndedAt))
            .addAttribute(String.class, a -> a.name("endReason").getter(SessionItem::getEndReason).setter(SessionItem::setEndReason))
            .addAttribute(Long.class, a -> a.name("version").getter(SessionItem::getVersion).setter(SessionItem::setVersion))
            .addAttribute(EnhancedType.mapOf(String.class, Long.class), a -> a.name("appliedGrants").getter(SessionItem::getAppliedGrants).setter(SessionItem::setAppliedGrants))
            .addAttribute(String.class, a -> a.name("startedByGrant").getter(SessionItem::getStartedByGrant).setter(SessionItem::setStartedByGrant))
            .addAttribute(String.class, a -> a.name("moveId").getter(SessionItem::getMoveId).setter(SessionItem::setMoveId))
            .addAttribute(String.class, a -> a.name("movedTo").getter(SessionItem::getMovedTo).setter(SessionItem::setMovedTo))
            .addAttribute(Long.class, a -> a.name("moveSeconds").getter(SessionItem::getMoveSeconds).setter(SessionItem::setMoveSeconds))
            .addAttribute(String.class, a -> a.name("movedAt").getter(SessionItem::getMovedAt).setter(SessionItem::setMovedAt))
            .addAttribute(Boolean.class, a -> a.name("moveConfirmed").getter(SessionItem::getMoveConfirmed).setter(SessionItem::setMoveConfirmed))
            .addAttribute(String.class, a -> a.name("gatewayState").getter(SessionItem::getGatewayState).setter(SessionItem::setGatewayState))
            .addAttribute(String.class, a -> a.name("onlineShard").getter(SessionItem::getOnlineShard).setter(SessionItem::setOnlineShard).tags(secondaryPartitionKey(EXPIRY_INDEX)))
            .addAttribute(String.class, a -> a.name("loggedOutAt").getter(SessionItem::getLoggedOutAt).setter(SessionItem::setLoggedOutAt))
            .addAttribute(String.class, a -> a.name("nasUserName").getter(SessionItem::getNasUserName).setter(SessionItem::setNasUserName))
            .addAttribute(String.class, a -> a.name("acctSessionId").getter(SessionItem::getAcctSessionId).setter(SessionItem::setAcctSessionId))
            .addAttribute(String.class, a -> a.name("framedIp").getter(SessionItem::getFramedIp).setter(SessionItem::setFramedIp))
            .addAttribute(String.class, a -> a.name("nasIp").getter(SessionItem::getNasIp).setter(SessionItem::setNasIp))
            .addAttribute(String.class, a -> a.name("nasIdentifier").getter(SessionItem::getNasIdentifier).setter(SessionItem::setNasIdentifier))
            .addAttribute(String.class, a -> a.name("acctStartedAt").getter(SessionItem::getAcctStartedAt).setter(SessionItem::setAcctStartedAt))
            .addAttribute(String.class, a -> a.name("lastAcctAt").getter(SessionItem::getLastAcctAt).setter(SessionItem::setLastAcctAt))
            .addAttribute(Long.class, a -> a.name("bytesIn").getter(SessionItem::getBytesIn).setter(SessionItem::setBytesIn))
            .addAttribute(Long.class, a -> a.name("bytesOut").getter(SessionItem::getBytesOut).setter(SessionItem::setBytesOut))
            .addAttribute(Integer.class, a -> a.name("loginUploadMbps").getter(SessionItem::getLoginUploadMbps).setter(SessionItem::setLoginUploadMbps))
            .addAttribute(Integer.class, a -> a.name("loginDownloadMbps").getter(SessionItem::getLoginDownloadMbps).setter(SessionItem::setLoginDownloadMbps))
            .addAttribute(EnhancedType.documentOf(LastCommandItem.class, LAST_COMMAND_SCHEMA, doc -> doc.ignoreNulls(true)),
                    a -> a.name("lastCommand").getter(SessionItem::getLastCommand).setter(SessionItem::setLastCommand))
            .addAttribute(Long.class, a -> a.name("ttl").getter(SessionItem::getTtl).setter(SessionItem::setTtl))
            .build();
    private static final Expression FIRST_SESSION = Expression.builder().expression("attribute_not_exists(deviceKey)").build();

    private final DynamoDbTable<SessionItem> table;
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final IndexPages<SessionItem> byGateway;
    private final IndexPages<SessionItem> byPhone;
    private final IndexPages<SessionItem> expiring;

    public DynamoDbSessionStore(DynamoDbClient dynamoDb, String tableName) {
        this.table = AwsClients.enhanced(dynamoDb).table(tableName, SCHEMA);
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        var s = ScalarAttributeType.S;
        this.byGateway = new IndexPages<>(table, GATEWAY_INDEX, Map.of("gatewayId", s, "expiresAt", ScalarAttributeType.N, "deviceKey", s));
        this.byPhone = new IndexPages<>(table, PHONE_INDEX, Map.of("phone", s, "startedAt", s, "deviceKey", s));
        this.expiring = new IndexPages<>(table, EXPIRY_INDEX, Map.of("onlineShard", s, "expiresAt", ScalarAttributeType.N, "deviceKey", s));
    }

    @Override
    public Optional<Session> find(DeviceKey deviceKey) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(deviceKey.value()).build()).consistentRead(true)))
                .map(SessionItem::toSession);
    }

    @Override
    public boolean write(Optional<Session> read, Session next, String grantId) {
        requireNextVersion(read, next);
        if (!next.appliedGrants().containsKey(grantId))
            throw new IllegalArgumentException("The written session must record grant " + grantId);
        Expression unchanged = read.isEmpty() ? FIRST_SESSION : Expression.builder()
                .expression("#version = :read AND attribute_not_exists(#appliedGrants.#grant)")
                .putExpressionName("#version", "version").putExpressionName("#appliedGrants", "appliedGrants")
                .putExpressionName("#grant", grantId)
                .putExpressionValue(":read", AttributeValue.fromN(Long.toString(read.get().version()))).build();
        return putIf(next, unchanged);
    }

    @Override
    public boolean update(Session read, Session next) {
        requireNextVersion(Optional.of(read), next);
        // A grant that skipped write()'s appliedGrants check could add its time twice.
        if (!next.appliedGrants().equals(read.appliedGrants()))
            throw new IllegalArgumentException("update() adds no grants; write() does");
        Expression unchanged = Expression.builder().expression("#version = :read").putExpressionName("#version", "version")
                .putExpressionValue(":read", AttributeValue.fromN(Long.toString(read.version()))).build();
        return putIf(next, unchanged);
    }

    private static void requireNextVersion(Optional<Session> read, Session next) {
        long expected = read.map(s -> s.version() + 1).orElse(1L);
        if (next.version() != expected) throw new IllegalArgumentException("next.version must be " + expected + ", not " + next.version());
        if (read.isPresent() && !read.get().deviceKey().equals(next.deviceKey()))
            throw new IllegalArgumentException("A session cannot change device");
    }

    private boolean putIf(Session next, Expression condition) {
        try {
            table.putItem(r -> r.item(SessionItem.from(next)).conditionExpression(condition));
            return true;
        } catch (ConditionalCheckFailedException lostTheRace) {
            return false; // the caller re-reads: its grant is in appliedGrants (done), or it computes again
        }
    }

    @Override
    public Page<Session> byGateway(String gatewayId, int limit, String cursor) {
        return byGateway.page(AttributeValue.fromS(gatewayId), true, limit, cursor, SessionItem::toSession);
    }

    @Override
    public long countUnexpired(String gatewayId, Instant now) {
        long count = 0;
        Map<String, AttributeValue> from = null;
        do {
            Map<String, AttributeValue> start = from;
            var page = dynamoDb.query(r -> r.tableName(tableName).indexName(GATEWAY_INDEX).select(Select.COUNT)
                    .keyConditionExpression("gatewayId = :g AND expiresAt > :now")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(gatewayId), ":now",
                            AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                    .exclusiveStartKey(start));
            count += page.count();
            from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (from != null);
        return count;
    }

    @Override
    public Page<Session> byPhone(Phone phone, int limit, String cursor) {
        return byPhone.page(AttributeValue.fromS(phone.msisdn()), true, limit, cursor, SessionItem::toSession);
    }

    @Override
    public List<Session> onlineExpiringBefore(int shard, Instant cutoff, int limit) {
        return expiring.below(AttributeValue.fromS(onlineShard(shard)), AttributeValue.fromN(Long.toString(cutoff.getEpochSecond())), limit)
                .stream().map(SessionItem::toSession).toList();
    }

    static String onlineShard(int shard) {
        if (shard < 0 || shard >= Session.SHARDS) throw new IllegalArgumentException("shard must be between 0 and " + (Session.SHARDS - 1));
        return "o" + shard;
    }

    /** The stored form of {@link LastCommand}, a map inside the session item. */
    public static final class LastCommandItem {
        private String commandId;
        private String type;
        private String reason;
        private String result;
        private String errorCause;
        private String at;

        static LastCommandItem from(LastCommand c) {
            if (c == null) return null;
            var item = new LastCommandItem();
            item.commandId = c.commandId();
            item.type = c.type();
            item.reason = c.reason();
            item.result = c.result();
            item.errorCause = c.errorCause();
            item.at = StoredTime.iso(c.at());
            return item;
        }

        LastCommand toLastCommand() {
            return new LastCommand(commandId, type, reason, result, errorCause, StoredTime.parse(at));
        }

        public String getCommandId() { return commandId; }
        public void setCommandId(String v) { commandId = v; }
        public String getType() { return type; }
        public void setType(String v) { type = v; }
        public String getReason() { return reason; }
        public void setReason(String v) { reason = v; }
        public String getResult() { return result; }
        public void setResult(String v) { result = v; }
        public String getErrorCause() { return errorCause; }
        public void setErrorCause(String v) { errorCause = v; }
        public String getAt() { return at; }
        public void setAt(String v) { at = v; }
    }

    /** The stored form; mutable only because the Enhanced client fills items through setters. */
    public static final class SessionItem {
        private String deviceKey;
        private String sessionId;
        private String accessCode;
        private String radiusSecret;
        private String gatewayId;
        private String mac;
        private String phone;
        private String packageId;
        private String packageName;
        private Integer downloadMbps;
        private Integer uploadMbps;
        private String startedAt;
        private Long expiresAt;
        private String status;
        private String endedAt;
        private String endReason;
        private Long version;
        private Map<String, Long> appliedGrants;
        private String startedByGrant;
        private String moveId;
        private String movedTo;
        private Long moveSeconds;
        private String movedAt;
        private Boolean moveConfirmed;
        private String gatewayState;
        private String onlineShard;
        private String loggedOutAt;
        private String nasUserName;
        private String acctSessionId;
        private String framedIp;
        private String nasIp;
        private String nasIdentifier;
        private String acctStartedAt;
        private String lastAcctAt;
        private Long bytesIn;
        private Long bytesOut;
        private Integer loginUploadMbps;
        private Integer loginDownloadMbps;
        private LastCommandItem lastCommand;
        private Long ttl;

        static SessionItem from(Session s) {
            var item = new SessionItem();
            item.deviceKey = s.deviceKey().value();
            item.sessionId = s.sessionId();
            item.accessCode = s.accessCode();
            item.radiusSecret = s.radiusSecret();
            item.gatewayId = s.gatewayId();
            item.mac = s.mac().value();
            item.phone = s.phone() == null ? null : s.phone().msisdn();
            item.packageId = s.packageId();
            item.packageName = s.packageName();
            item.downloadMbps = s.downloadMbps();
            item.uploadMbps = s.uploadMbps();
            item.startedAt = StoredTime.iso(s.startedAt());
            item.expiresAt = s.expiresAt().getEpochSecond();
            item.status = WireName.of(s.status());
            item.endedAt = StoredTime.iso(s.endedAt());
            item.endReason = s.endReason();
            item.version = s.version();
            item.appliedGrants = s.appliedGrants().isEmpty() ? null : s.appliedGrants();
            item.startedByGrant = s.startedByGrant();
            if (s.movedTo() != null) {
                item.moveId = s.movedTo().moveId();
                item.movedTo = s.movedTo().to().value();
                item.moveSeconds = s.movedTo().seconds();
                item.movedAt = StoredTime.iso(s.movedTo().at());
                item.moveConfirmed = s.movedTo().confirmed();
            }
            item.gatewayState = WireName.of(s.gatewayState());
            item.onlineShard = s.gatewayState() == GatewayState.ONLINE ? onlineShard(s.shard()) : null;
            item.loggedOutAt = StoredTime.iso(s.loggedOutAt());
            Accounting a = s.accounting();
            if (a != null) {
                item.nasUserName = a.nasUserName();
                item.acctSessionId = a.acctSessionId();
                item.framedIp = a.framedIp();
                item.nasIp = a.nasIp();
                item.nasIdentifier = a.nasIdentifier();
                item.acctStartedAt = StoredTime.iso(a.acctStartedAt());
                item.lastAcctAt = StoredTime.iso(a.lastAcctAt());
                item.bytesIn = a.bytesIn();
                item.bytesOut = a.bytesOut(); // always there once accounting is: it marks that accounting exists
                item.loginUploadMbps = a.loginUploadMbps();
                item.loginDownloadMbps = a.loginDownloadMbps();
            }
            item.lastCommand = LastCommandItem.from(s.lastCommand());
            item.ttl = s.expiresAt().plus(KEPT_AFTER_EXPIRY).getEpochSecond();
            return item;
        }

        Session toSession() {
            Accounting accounting = bytesOut == null ? null : new Accounting(nasUserName, acctSessionId, framedIp, nasIp,
                    nasIdentifier, StoredTime.parse(acctStartedAt), StoredTime.parse(lastAcctAt), orZero(bytesIn), bytesOut,
                    loginUploadMbps, loginDownloadMbps);
            return new Session(DeviceKey.parse(deviceKey), sessionId, accessCode, radiusSecret,
                    phone == null ? null : new Phone(phone), packageId, packageName, downloadMbps, uploadMbps,
                    StoredTime.parse(startedAt), Instant.ofEpochSecond(expiresAt), WireName.parse(SessionStatus.class, status),
                    StoredTime.parse(endedAt), endReason, version, appliedGrants == null ? Map.of() : appliedGrants,
                    WireName.parse(GatewayState.class, gatewayState), StoredTime.parse(loggedOutAt), accounting,
                    lastCommand == null ? null : lastCommand.toLastCommand(), startedByGrant,
                    moveId == null ? null : new MoveAway(moveId, DeviceKey.parse(movedTo), moveSeconds, StoredTime.parse(movedAt),
                            Boolean.TRUE.equals(moveConfirmed)));
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }

        public String getDeviceKey() { return deviceKey; }
        public void setDeviceKey(String v) { deviceKey = v; }
        public String getSessionId() { return sessionId; }
        public void setSessionId(String v) { sessionId = v; }
        public String getAccessCode() { return accessCode; }
        public void setAccessCode(String v) { accessCode = v; }
        public String getRadiusSecret() { return radiusSecret; }
        public void setRadiusSecret(String v) { radiusSecret = v; }
        public String getGatewayId() { return gatewayId; }
        public void setGatewayId(String v) { gatewayId = v; }
        public String getMac() { return mac; }
        public void setMac(String v) { mac = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getPackageId() { return packageId; }
        public void setPackageId(String v) { packageId = v; }
        public String getPackageName() { return packageName; }
        public void setPackageName(String v) { packageName = v; }
        public Integer getDownloadMbps() { return downloadMbps; }
        public void setDownloadMbps(Integer v) { downloadMbps = v; }
        public Integer getUploadMbps() { return uploadMbps; }
        public void setUploadMbps(Integer v) { uploadMbps = v; }
        public String getStartedAt() { return startedAt; }
        public void setStartedAt(String v) { startedAt = v; }
        public Long getExpiresAt() { return expiresAt; }
        public void setExpiresAt(Long v) { expiresAt = v; }
        public String getStatus() { return status; }
        public void setStatus(String v) { status = v; }
        public String getEndedAt() { return endedAt; }
        public void setEndedAt(String v) { endedAt = v; }
        public String getEndReason() { return endReason; }
        public void setEndReason(String v) { endReason = v; }
        public Long getVersion() { return version; }
        public void setVersion(Long v) { version = v; }
        public Map<String, Long> getAppliedGrants() { return appliedGrants; }
        public void setAppliedGrants(Map<String, Long> v) { appliedGrants = v; }
        public String getMoveId() { return moveId; }
        public void setMoveId(String v) { moveId = v; }
        public String getMovedTo() { return movedTo; }
        public void setMovedTo(String v) { movedTo = v; }
        public Long getMoveSeconds() { return moveSeconds; }
        public void setMoveSeconds(Long v) { moveSeconds = v; }
        public String getMovedAt() { return movedAt; }
        public void setMovedAt(String v) { movedAt = v; }
        public Boolean getMoveConfirmed() { return moveConfirmed; }
        public void setMoveConfirmed(Boolean v) { moveConfirmed = v; }
        public String getStartedByGrant() { return startedByGrant; }
        public void setStartedByGrant(String v) { startedByGrant = v; }
        public String getGatewayState() { return gatewayState; }
        public void setGatewayState(String v) { gatewayState = v; }
        public String getOnlineShard() { return onlineShard; }
        public void setOnlineShard(String v) { onlineShard = v; }
        public String getLoggedOutAt() { return loggedOutAt; }
        public void setLoggedOutAt(String v) { loggedOutAt = v; }
        public String getNasUserName() { return nasUserName; }
        public void setNasUserName(String v) { nasUserName = v; }
        public String getAcctSessionId() { return acctSessionId; }
        public void setAcctSessionId(String v) { acctSessionId = v; }
        public String getFramedIp() { return framedIp; }
        public void setFramedIp(String v) { framedIp = v; }
        public String getNasIp() { return nasIp; }
        public void setNasIp(String v) { nasIp = v; }
        public String getNasIdentifier() { return nasIdentifier; }
        public void setNasIdentifier(String v) { nasIdentifier = v; }
        public String getAcctStartedAt() { return acctStartedAt; }
        public void setAcctStartedAt(String v) { acctStartedAt = v; }
        public String getLastAcctAt() { return lastAcctAt; }
        public void setLastAcctAt(String v) { lastAcctAt = v; }
        public Long getBytesIn() { return bytesIn; }
        public void setBytesIn(Long v) { bytesIn = v; }
        public Long getBytesOut() { return bytesOut; }
        public void setBytesOut(Long v) { bytesOut = v; }
        public Integer getLoginUploadMbps() { return loginUploadMbps; }
        public void setLoginUploadMbps(Integer v) { loginUploadMbps = v; }
        public Integer getLoginDownloadMbps() { return loginDownloadMbps; }
        public void setLoginDownloadMbps(Integer v) { loginDownloadMbps = v; }
        public LastCommandItem getLastCommand() { return lastCommand; }
        public void setLastCommand(LastCommandItem v) { lastCommand = v; }
        public Long getTtl() { return ttl; }
        public void setTtl(Long v) { ttl = v; }
    }
}
