package com.wifibilling.core.store;

import static com.wifibilling.core.store.ItemUpdate.text;
import static com.wifibilling.core.store.ItemUpdate.time;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.wifibilling.core.Page;
import com.wifibilling.core.WireName;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.voucher.Redemption;
import com.wifibilling.core.voucher.Voucher;
import com.wifibilling.core.voucher.VoucherKind;
import com.wifibilling.core.voucher.VoucherStatus;
import com.wifibilling.core.voucher.VoucherStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The Vouchers table on DynamoDB. Creates and reads go through the Enhanced client; redeem and void are low-level
 * conditional UpdateItems that change the status and {@code statusKey} together.
 *
 * <p>Stored: {@code statusKey} = kind and status in their lower-case spelling ({@code voucher#unused}), the
 * status-index partition, so each kind lists by status on its own; {@code validUntil} and the other times as
 * {@link StoredTime} strings (fixed width, so the condition {@code validUntil > :now} compares them correctly);
 * {@code ttl} as epoch seconds. Redeem and void apply to sold vouchers ({@code kind = voucher}) only: a purchase
 * code is minted for the session it belongs to, never sold unused.
 *
 * <p>{@link #createAll} writes one conditional PutItem per voucher: BatchWriteItem takes no condition, so a
 * batch write would silently overwrite a colliding code, possibly one already sold or used.
 */
public final class DynamoDbVoucherStore implements VoucherStore {
    static final String BATCH_INDEX = "batch-index";
    static final String STATUS_INDEX = "status-index";

    static final TableSchema<VoucherItem> SCHEMA = StaticTableSchema.builder(VoucherItem.class)
            .newItemSupplier(VoucherItem::new)
            .addAttribute(String.class, a -> a.name("code").getter(VoucherItem::getCode).setter(VoucherItem::setCode)
                    .tags(primaryPartitionKey(), secondarySortKey(BATCH_INDEX)))
            .addAttribute(String.class, a -> a.name("kind").getter(VoucherItem::getKind).setter(VoucherItem::setKind))
            .addAttribute(String.class, a -> a.name("status").getter(VoucherItem::getStatus).setter(VoucherItem::setStatus))
            .addAttribute(String.class, a -> a.name("statusKey").getter(VoucherItem::getStatusKey).setter(VoucherItem::setStatusKey).tags(secondaryPartitionKey(STATUS_INDEX)))
            .addAttribute(String.class, a -> a.name("batchId").getter(VoucherItem::getBatchId).setter(VoucherItem::setBatchId).tags(secondaryPartitionKey(BATCH_INDEX)))
            .addAttribute(String.class, a -> a.name("packageId").getter(VoucherItem::getPackageId).setter(VoucherItem::setPackageId))
            .addAttribute(Long.class, a -> a.name("grantSeconds").getter(VoucherItem::getGrantSeconds).setter(VoucherItem::setGrantSeconds))
            .addAttribute(String.class, a -> a.name("deviceKey").getter(VoucherItem::getDeviceKey).setter(VoucherItem::setDeviceKey))
            .addAttribute(String.class, a -> a.name("sessionId").getter(VoucherItem::getSessionId).setter(VoucherItem::setSessionId))
            .addAttribute(String.class, a -> a.name("usedAt").getter(VoucherItem::getUsedAt).setter(VoucherItem::setUsedAt))
            .addAttribute(String.class, a -> a.name("validUntil").getter(VoucherItem::getValidUntil).setter(VoucherItem::setValidUntil))
            .addAttribute(String.class, a -> a.name("createdAt").getter(VoucherItem::getCreatedAt).setter(VoucherItem::setCreatedAt).tags(secondarySortKey(STATUS_INDEX)))
            .addAttribute(String.class, a -> a.name("createdBy").getter(VoucherItem::getCreatedBy).setter(VoucherItem::setCreatedBy))
            .addAttribute(Long.class, a -> a.name("ttl").getter(VoucherItem::getTtl).setter(VoucherItem::setTtl))
            .build();
    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(code)").build();
    private static final AttributeValue UNUSED = AttributeValue.fromS(WireName.of(VoucherStatus.UNUSED));
    private static final AttributeValue SOLD = AttributeValue.fromS(WireName.of(VoucherKind.VOUCHER));

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DynamoDbTable<VoucherItem> table;
    private final IndexPages<VoucherItem> byBatch;
    private final IndexPages<VoucherItem> byStatus;

    public DynamoDbVoucherStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.table = AwsClients.enhanced(dynamoDb).table(tableName, SCHEMA);
        var s = ScalarAttributeType.S;
        this.byBatch = new IndexPages<>(table, BATCH_INDEX, Map.of("batchId", s, "code", s));
        this.byStatus = new IndexPages<>(table, STATUS_INDEX, Map.of("statusKey", s, "createdAt", s, "code", s));
    }

    @Override
    public boolean create(Voucher voucher) {
        try {
            table.putItem(r -> r.item(VoucherItem.from(voucher)).conditionExpression(ABSENT));
            return true;
        } catch (ConditionalCheckFailedException collision) {
            return false;
        }
    }

    @Override
    public List<String> createAll(List<Voucher> vouchers) {
        List<String> collided = new ArrayList<>();
        for (Voucher voucher : vouchers) {
            if (!create(voucher)) collided.add(voucher.code());
        }
        return collided;
    }

    @Override
    public Optional<Voucher> find(String code) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(code).build()).consistentRead(true)))
                .map(VoucherItem::toVoucher);
    }

    @Override
    public Redemption redeem(String code, DeviceKey deviceKey, String sessionId, Instant now) {
        var update = new ItemUpdate("code", code)
                .set("status", text(WireName.of(VoucherStatus.USED)))
                .set("statusKey", text(statusKey(VoucherKind.VOUCHER, VoucherStatus.USED)))
                .set("deviceKey", text(deviceKey.value()))
                .set("sessionId", text(sessionId))
                .set("usedAt", time(now))
                .value(":unused", UNUSED).value(":sold", SOLD).value(":now", time(now));
        String validUntil = update.name("validUntil");
        String condition = update.name("status") + " = :unused AND " + update.name("kind") + " = :sold AND (attribute_not_exists("
                + validUntil + ") OR " + validUntil + " > :now)";
        try {
            var attributes = dynamoDb.updateItem(update.request(tableName, condition, ReturnValue.ALL_NEW)).attributes();
            return new Redemption(Redemption.Outcome.REDEEMED, SCHEMA.mapToItem(attributes).toVoucher());
        } catch (ConditionalCheckFailedException notRedeemable) {
            return find(code).map(current -> notRedeemed(current, deviceKey, now))
                    .orElseGet(() -> new Redemption(Redemption.Outcome.NOT_FOUND, null));
        }
    }

    /** Returns why a redemption wrote nothing, from the voucher as it is now. */
    private static Redemption notRedeemed(Voucher current, DeviceKey deviceKey, Instant now) {
        Redemption.Outcome outcome = switch (current.status()) {
            case VOID -> Redemption.Outcome.VOID;
            case USED -> deviceKey.equals(current.deviceKey()) ? Redemption.Outcome.ALREADY_USED_BY_SAME_DEVICE : Redemption.Outcome.ALREADY_USED;
            case UNUSED -> {
                if (!current.isValidAt(now)) yield Redemption.Outcome.EXPIRED;
                throw new IllegalStateException("Unused " + current.kind() + " code cannot be redeemed: only sold vouchers are");
            }
        };
        return new Redemption(outcome, current);
    }

    @Override
    public boolean confirmGrant(String code, Instant at) {
        var update = new ItemUpdate("code", code).set("grantConfirmedAt", time(at))
                .value(":used", AttributeValue.fromS(WireName.of(VoucherStatus.USED)));
        try {
            dynamoDb.updateItem(update.request(tableName, update.name("status") + " = :used AND attribute_not_exists("
                    + update.name("grantConfirmedAt") + ")", ReturnValue.NONE));
            return true;
        } catch (ConditionalCheckFailedException confirmedBefore) {
            return false;
        }
    }

    @Override
    public boolean voidUnused(String code) {
        var update = new ItemUpdate("code", code)
                .set("status", text(WireName.of(VoucherStatus.VOID)))
                .set("statusKey", text(statusKey(VoucherKind.VOUCHER, VoucherStatus.VOID)))
                .value(":unused", UNUSED).value(":sold", SOLD);
        try {
            dynamoDb.updateItem(update.request(tableName, update.name("status") + " = :unused AND " + update.name("kind") + " = :sold", ReturnValue.NONE));
            return true;
        } catch (ConditionalCheckFailedException notUnused) {
            return false;
        }
    }

    @Override
    public Page<Voucher> byBatch(String batchId, int limit, String cursor) {
        return byBatch.page(AttributeValue.fromS(batchId), false, limit, cursor, VoucherItem::toVoucher);
    }

    @Override
    public Page<Voucher> byStatus(VoucherKind kind, VoucherStatus status, int limit, String cursor) {
        return byStatus.page(AttributeValue.fromS(statusKey(kind, status)), true, limit, cursor, VoucherItem::toVoucher);
    }

    static String statusKey(VoucherKind kind, VoucherStatus status) {
        return WireName.of(kind) + "#" + WireName.of(status);
    }

    /** The stored form; mutable only because the Enhanced client fills items through setters. */
    public static final class VoucherItem {
        private String code;
        private String kind;
        private String status;
        private String statusKey;
        private String batchId;
        private String packageId;
        private Long grantSeconds;
        private String deviceKey;
        private String sessionId;
        private String usedAt;
        private String validUntil;
        private String createdAt;
        private String createdBy;
        private Long ttl;

        static VoucherItem from(Voucher v) {
            var item = new VoucherItem();
            item.code = v.code();
            item.kind = WireName.of(v.kind());
            item.status = WireName.of(v.status());
            item.statusKey = statusKey(v.kind(), v.status());
            item.batchId = v.batchId();
            item.packageId = v.packageId();
            item.grantSeconds = v.grantSeconds();
            item.deviceKey = v.deviceKey() == null ? null : v.deviceKey().value();
            item.sessionId = v.sessionId();
            item.usedAt = StoredTime.iso(v.usedAt());
            item.validUntil = StoredTime.iso(v.validUntil());
            item.createdAt = StoredTime.iso(v.createdAt());
            item.createdBy = v.createdBy();
            item.ttl = v.ttl() == null ? null : v.ttl().getEpochSecond();
            return item;
        }

        Voucher toVoucher() {
            return new Voucher(code, WireName.parse(VoucherKind.class, kind), WireName.parse(VoucherStatus.class, status),
                    batchId, packageId, grantSeconds, deviceKey == null ? null : DeviceKey.parse(deviceKey), sessionId,
                    StoredTime.parse(usedAt), StoredTime.parse(validUntil), StoredTime.parse(createdAt), createdBy,
                    ttl == null ? null : Instant.ofEpochSecond(ttl));
        }

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getStatus() { return status; }
        public void setStatus(String v) { status = v; }
        public String getStatusKey() { return statusKey; }
        public void setStatusKey(String v) { statusKey = v; }
        public String getBatchId() { return batchId; }
        public void setBatchId(String v) { batchId = v; }
        public String getPackageId() { return packageId; }
        public void setPackageId(String v) { packageId = v; }
        public Long getGrantSeconds() { return grantSeconds; }
        public void setGrantSeconds(Long v) { grantSeconds = v; }
        public String getDeviceKey() { return deviceKey; }
        public void setDeviceKey(String v) { deviceKey = v; }
        public String getSessionId() { return sessionId; }
        public void setSessionId(String v) { sessionId = v; }
        public String getUsedAt() { return usedAt; }
        public void setUsedAt(String v) { usedAt = v; }
        public String getValidUntil() { return validUntil; }
        public void setValidUntil(String v) { validUntil = v; }
        public String getCreatedAt() { return createdAt; }
        public void setCreatedAt(String v) { createdAt = v; }
        public String getCreatedBy() { return createdBy; }
        public void setCreatedBy(String v) { createdBy = v; }
        public Long getTtl() { return ttl; }
        public void setTtl(Long v) { ttl = v; }
    }
}
