package com.wifibilling.core.store;

import static com.wifibilling.core.store.ItemUpdate.text;
import static com.wifibilling.core.store.ItemUpdate.time;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.Money;
import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.WireName;
import com.wifibilling.core.payment.Checkout;
import com.wifibilling.core.payment.PaymentClaim;
import com.wifibilling.core.payment.PaymentResult;
import com.wifibilling.core.payment.PaymentSource;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.payment.TransactionStatus;
import com.wifibilling.core.payment.TransactionStore;
import com.wifibilling.core.session.DeviceKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The Transactions table on DynamoDB. Reads, creates and queries go through the Enhanced client and the schema
 * below; the state changes are low-level UpdateItems, because each one SETs a few attributes and REMOVEs a
 * sparse-index attribute under a condition, which a whole-item put cannot say.
 *
 * <p>Stored: {@code amount} and {@code grantSeconds} as numbers, {@code phone} as the MSISDN, enums in their
 * lower-case spelling ({@link WireName}), times as {@link StoredTime} strings, {@code day} as the East Africa
 * Time date of {@code createdAt}. {@code pendingShard} ({@code p0}…{@code p3}) exists only while pending;
 * {@code grantShard} ({@code g0}…{@code g3}) only between claim and confirm. Confirmation is the absence of
 * {@code grantShard} on a transaction that has a {@code grantId}. The {@link Checkout} is flat attributes
 * ({@code accountReference}, {@code deviceIp}, {@code loginUrl}, {@code dst}, {@code chapId}, {@code chapChallenge}).
 */
public final class DynamoDbTransactionStore implements TransactionStore {
    static final String CHECKOUT_INDEX = "checkoutRequestId-index";
    static final String PHONE_INDEX = "phone-index";
    static final String DAY_INDEX = "day-index";
    static final String PENDING_INDEX = "pending-index";
    static final String GRANT_INDEX = "grant-index";
    private static final ScalarAttributeType S = ScalarAttributeType.S;
    /** BatchGetItem's limit per call. */
    private static final int BATCH_GET = 100;

    static final TableSchema<TransactionItem> SCHEMA = StaticTableSchema.builder(TransactionItem.class)
            .newItemSupplier(TransactionItem::new)
            .addAttribute(String.class, a -> a.name("transactionId").getter(TransactionItem::getTransactionId).setter(TransactionItem::setTransactionId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("checkoutRequestId").getter(TransactionItem::getCheckoutRequestId).setter(TransactionItem::setCheckoutRequestId).tags(secondaryPartitionKey(CHECKOUT_INDEX)))
            .addAttribute(String.class, a -> a.name("merchantRequestId").getter(TransactionItem::getMerchantRequestId).setter(TransactionItem::setMerchantRequestId))
            .addAttribute(String.class, a -> a.name("phone").getter(TransactionItem::getPhone).setter(TransactionItem::setPhone).tags(secondaryPartitionKey(PHONE_INDEX)))
            .addAttribute(String.class, a -> a.name("packageId").getter(TransactionItem::getPackageId).setter(TransactionItem::setPackageId))
            .addAttribute(Long.class, a -> a.name("amount").getter(TransactionItem::getAmount).setter(TransactionItem::setAmount))
            .addAttribute(Long.class, a -> a.name("grantSeconds").getter(TransactionItem::getGrantSeconds).setter(TransactionItem::setGrantSeconds))
            .addAttribute(String.class, a -> a.name("deviceKey").getter(TransactionItem::getDeviceKey).setter(TransactionItem::setDeviceKey))
            .addAttribute(String.class, a -> a.name("status").getter(TransactionItem::getStatus).setter(TransactionItem::setStatus))
            .addAttribute(String.class, a -> a.name("resultCode").getter(TransactionItem::getResultCode).setter(TransactionItem::setResultCode))
            .addAttribute(String.class, a -> a.name("resultDesc").getter(TransactionItem::getResultDesc).setter(TransactionItem::setResultDesc))
            .addAttribute(String.class, a -> a.name("receipt").getter(TransactionItem::getReceipt).setter(TransactionItem::setReceipt))
            .addAttribute(String.class, a -> a.name("source").getter(TransactionItem::getSource).setter(TransactionItem::setSource))
            .addAttribute(String.class, a -> a.name("clientTokenHash").getter(TransactionItem::getClientTokenHash).setter(TransactionItem::setClientTokenHash))
            .addAttribute(String.class, a -> a.name("lang").getter(TransactionItem::getLang).setter(TransactionItem::setLang))
            .addAttribute(String.class, a -> a.name("createdAt").getter(TransactionItem::getCreatedAt).setter(TransactionItem::setCreatedAt)
                    .tags(secondarySortKey(List.of(PHONE_INDEX, DAY_INDEX, PENDING_INDEX))))
            .addAttribute(String.class, a -> a.name("completedAt").getter(TransactionItem::getCompletedAt).setter(TransactionItem::setCompletedAt))
            .addAttribute(String.class, a -> a.name("day").getter(TransactionItem::getDay).setter(TransactionItem::setDay).tags(secondaryPartitionKey(DAY_INDEX)))
            .addAttribute(String.class, a -> a.name("pendingShard").getter(TransactionItem::getPendingShard).setter(TransactionItem::setPendingShard).tags(secondaryPartitionKey(PENDING_INDEX)))
            .addAttribute(String.class, a -> a.name("grantId").getter(TransactionItem::getGrantId).setter(TransactionItem::setGrantId))
            .addAttribute(String.class, a -> a.name("grantShard").getter(TransactionItem::getGrantShard).setter(TransactionItem::setGrantShard).tags(secondaryPartitionKey(GRANT_INDEX)))
            .addAttribute(String.class, a -> a.name("claimedAt").getter(TransactionItem::getClaimedAt).setter(TransactionItem::setClaimedAt).tags(secondarySortKey(GRANT_INDEX)))
            .addAttribute(String.class, a -> a.name("accountReference").getter(TransactionItem::getAccountReference).setter(TransactionItem::setAccountReference))
            .addAttribute(String.class, a -> a.name("deviceIp").getter(TransactionItem::getDeviceIp).setter(TransactionItem::setDeviceIp))
            .addAttribute(String.class, a -> a.name("loginUrl").getter(TransactionItem::getLoginUrl).setter(TransactionItem::setLoginUrl))
            .addAttribute(String.class, a -> a.name("dst").getter(TransactionItem::getDst).setter(TransactionItem::setDst))
            .addAttribute(String.class, a -> a.name("chapId").getter(TransactionItem::getChapId).setter(TransactionItem::setChapId))
            .addAttribute(String.class, a -> a.name("chapChallenge").getter(TransactionItem::getChapChallenge).setter(TransactionItem::setChapChallenge))
            .addAttribute(Boolean.class, a -> a.name("late").getter(TransactionItem::getLate).setter(TransactionItem::setLate))
            .addAttribute(String.class, a -> a.name("previousStatus").getter(TransactionItem::getPreviousStatus).setter(TransactionItem::setPreviousStatus))
            .build();
    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(transactionId)").build();
    private static final AttributeValue PENDING = AttributeValue.fromS(WireName.of(TransactionStatus.PENDING));

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DynamoDbTable<TransactionItem> table;
    private final IndexPages<TransactionItem> checkouts;
    private final IndexPages<TransactionItem> byPhone;
    private final IndexPages<TransactionItem> byDay;
    private final IndexPages<TransactionItem> pending;
    private final IndexPages<TransactionItem> grants;

    public DynamoDbTransactionStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.table = AwsClients.enhanced(dynamoDb).table(tableName, SCHEMA);
        this.checkouts = new IndexPages<>(table, CHECKOUT_INDEX, Map.of("checkoutRequestId", S, "transactionId", S));
        this.byPhone = new IndexPages<>(table, PHONE_INDEX, cursorKey("phone", "createdAt"));
        this.byDay = new IndexPages<>(table, DAY_INDEX, cursorKey("day", "createdAt"));
        this.pending = new IndexPages<>(table, PENDING_INDEX, cursorKey("pendingShard", "createdAt"));
        this.grants = new IndexPages<>(table, GRANT_INDEX, cursorKey("grantShard", "claimedAt"));
    }

    /** Returns the cursor key of an index whose partition and sort keys are strings: both, and the table key. */
    private static Map<String, ScalarAttributeType> cursorKey(String partition, String sort) {
        return Map.of(partition, S, sort, S, "transactionId", S);
    }

    @Override
    public boolean create(Transaction transaction) {
        try {
            table.putItem(r -> r.item(TransactionItem.from(transaction)).conditionExpression(ABSENT));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Transaction> find(String transactionId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(transactionId).build()).consistentRead(true)))
                .map(TransactionItem::toTransaction);
    }

    @Override
    public Optional<Transaction> findByCheckoutRequestId(String checkoutRequestId) {
        // The index only maps the id (immutable once recorded); the state comes from a strongly consistent read.
        return checkouts.first(AttributeValue.fromS(checkoutRequestId)).flatMap(item -> find(item.getTransactionId()));
    }

    @Override
    public boolean recordPush(String transactionId, String checkoutRequestId, String merchantRequestId) {
        var update = new ItemUpdate("transactionId", transactionId)
                .set("checkoutRequestId", text(checkoutRequestId)).set("merchantRequestId", text(merchantRequestId))
                .value(":pending", PENDING);
        // Never over other ids: a second push for one transaction would orphan the first one's callback.
        String condition = update.name("status") + " = :pending AND (attribute_not_exists(" + update.name("checkoutRequestId")
                + ") OR (#checkoutRequestId = :checkoutRequestId AND " + update.name("merchantRequestId") + " = :merchantRequestId))";
        return updated(update, condition);
    }

    @Override
    public PaymentClaim claim(String transactionId, PaymentResult result) {
        return claimFrom(transactionId, PENDING, claimUpdate(transactionId, result));
    }

    @Override
    public PaymentClaim claimLate(String transactionId, TransactionStatus previous, PaymentResult result) {
        if (!previous.isClosedWithoutGrant()) throw new IllegalArgumentException("A late success follows failed, cancelled or expired, not " + previous);
        var update = claimUpdate(transactionId, result).set("late", AttributeValue.fromBool(true))
                .set("previousStatus", text(WireName.of(previous)));
        return claimFrom(transactionId, AttributeValue.fromS(WireName.of(previous)), update);
    }

    private static ItemUpdate claimUpdate(String transactionId, PaymentResult result) {
        return withResult(new ItemUpdate("transactionId", transactionId), TransactionStatus.COMPLETED, result)
                .set("grantId", text(transactionId))
                .set("grantShard", text(grantShard(Transaction.shardOf(transactionId))))
                .set("claimedAt", time(result.at()));
    }

    /** Returns what the claim {@code update} found, applied only while the status is still {@code from}. */
    private PaymentClaim claimFrom(String transactionId, AttributeValue from, ItemUpdate update) {
        update.value(":from", from);
        try {
            var attributes = dynamoDb.updateItem(update.request(tableName, update.name("status") + " = :from", ReturnValue.ALL_NEW)).attributes();
            return new PaymentClaim(PaymentClaim.Outcome.CLAIMED, SCHEMA.mapToItem(attributes).toTransaction());
        } catch (ConditionalCheckFailedException notPending) {
            return find(transactionId).map(DynamoDbTransactionStore::lostClaim)
                    .orElseGet(() -> new PaymentClaim(PaymentClaim.Outcome.NOT_FOUND, null));
        }
    }

    /** Returns what a claim that lost found: states only move forward, so pending here would be a bug. */
    private static PaymentClaim lostClaim(Transaction current) {
        PaymentClaim.Outcome outcome = switch (current.status()) {
            case COMPLETED -> current.grantUnconfirmed() ? PaymentClaim.Outcome.ALREADY_CLAIMED_UNCONFIRMED : PaymentClaim.Outcome.ALREADY_CONFIRMED;
            case CANCELLED, EXPIRED, FAILED -> PaymentClaim.Outcome.NOT_PENDING;
            case PENDING -> throw new IllegalStateException("Claim of pending transaction " + current.transactionId() + " failed its condition");
        };
        return new PaymentClaim(outcome, current);
    }

    @Override
    public boolean close(String transactionId, TransactionStatus status, PaymentResult result) {
        if (!status.isClosedWithoutGrant()) throw new IllegalArgumentException("close sets cancelled, expired or failed, not " + status);
        if (result.receipt() != null) throw new IllegalArgumentException("A payment closed without a grant has no receipt");
        var update = withResult(new ItemUpdate("transactionId", transactionId), status, result).value(":pending", PENDING);
        return updated(update, update.name("status") + " = :pending");
    }

    @Override
    public boolean recordReceipt(String transactionId, String receipt) {
        var update = new ItemUpdate("transactionId", transactionId).set("receipt", text(receipt))
                .value(":completed", text(WireName.of(TransactionStatus.COMPLETED)));
        return updated(update, update.name("status") + " = :completed AND attribute_not_exists(" + update.name("receipt") + ")");
    }

    /** Returns the update that records a final status and its result, leaving the pending-index. */
    private static ItemUpdate withResult(ItemUpdate update, TransactionStatus status, PaymentResult result) {
        return update.set("status", text(WireName.of(status)))
                .set("resultCode", text(result.resultCode()))
                .set("resultDesc", text(result.resultDesc()))
                .set("receipt", text(result.receipt()))
                .set("source", text(WireName.of(result.source())))
                .set("completedAt", time(result.at()))
                .remove("pendingShard");
    }

    @Override
    public boolean confirm(String transactionId) {
        var update = new ItemUpdate("transactionId", transactionId).remove("grantShard");
        return updated(update, "attribute_exists(" + update.name("grantShard") + ")");
    }

    private boolean updated(ItemUpdate update, String condition) {
        try {
            dynamoDb.updateItem(update.request(tableName, condition, ReturnValue.NONE));
            return true;
        } catch (ConditionalCheckFailedException lostTheRace) {
            return false;
        }
    }

    @Override
    public Page<Transaction> byPhone(Phone phone, int limit, String cursor) {
        return full(byPhone.page(AttributeValue.fromS(phone.msisdn()), true, limit, cursor, item -> item));
    }

    @Override
    public Page<Transaction> byDay(LocalDate day, int limit, String cursor) {
        return full(byDay.page(AttributeValue.fromS(day.toString()), true, limit, cursor, item -> item));
    }

    @Override
    public List<Transaction> pendingOlderThan(int shard, Instant cutoff, int limit) {
        return full(pending.below(AttributeValue.fromS(pendingShard(shard)), time(cutoff), limit), true).stream()
                .filter(t -> t.status() == TransactionStatus.PENDING).toList();
    }

    @Override
    public List<Transaction> unconfirmedGrantsOlderThan(int shard, Instant cutoff, int limit) {
        return full(grants.below(AttributeValue.fromS(grantShard(shard)), time(cutoff), limit), true).stream()
                .filter(Transaction::grantUnconfirmed).toList();
    }

    /** Returns the page's transactions, read whole from the table (the indexes hold keys only). */
    private Page<Transaction> full(Page<TransactionItem> keys) {
        return new Page<>(full(keys.items(), false), keys.nextCursor());
    }

    /**
     * Returns the whole items for index entries, in their order, skipping any deleted since: the indexes project
     * keys only, so an update that leaves the index keys alone writes no index at all (DynamoDB bills every index
     * an update touches), at the price of one BatchGetItem per page read.
     */
    private List<Transaction> full(List<TransactionItem> keys, boolean consistent) {
        List<Transaction> whole = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += BATCH_GET) {
            List<String> ids = keys.subList(from, Math.min(keys.size(), from + BATCH_GET)).stream().map(TransactionItem::getTransactionId).toList();
            Map<String, Transaction> byId = new HashMap<>();
            List<Map<String, AttributeValue>> wanted = ids.stream().distinct()
                    .map(id -> Map.of("transactionId", AttributeValue.fromS(id))).toList();
            while (!wanted.isEmpty()) {
                var request = KeysAndAttributes.builder().keys(wanted).consistentRead(consistent).build();
                var response = dynamoDb.batchGetItem(r -> r.requestItems(Map.of(tableName, request)));
                response.responses().getOrDefault(tableName, List.of())
                        .forEach(item -> byId.put(item.get("transactionId").s(), SCHEMA.mapToItem(item).toTransaction()));
                KeysAndAttributes left = response.unprocessedKeys().get(tableName);
                wanted = left == null ? List.of() : left.keys();
            }
            ids.stream().map(byId::get).filter(Objects::nonNull).forEach(whole::add);
        }
        return whole;
    }

    static String pendingShard(int shard) {
        return "p" + checkedShard(shard);
    }

    static String grantShard(int shard) {
        return "g" + checkedShard(shard);
    }

    private static int checkedShard(int shard) {
        if (shard < 0 || shard >= Transaction.SHARDS)
            throw new IllegalArgumentException("shard must be between 0 and " + (Transaction.SHARDS - 1));
        return shard;
    }

    /** The stored form; mutable only because the Enhanced client fills items through setters. */
    public static final class TransactionItem {
        private String transactionId;
        private String checkoutRequestId;
        private String merchantRequestId;
        private String phone;
        private String packageId;
        private Long amount;
        private Long grantSeconds;
        private String deviceKey;
        private String status;
        private String resultCode;
        private String resultDesc;
        private String receipt;
        private String source;
        private String clientTokenHash;
        private String lang;
        private String createdAt;
        private String completedAt;
        private String day;
        private String pendingShard;
        private String grantId;
        private String grantShard;
        private String claimedAt;
        private String accountReference;
        private String deviceIp;
        private String loginUrl;
        private String dst;
        private String chapId;
        private String chapChallenge;
        private Boolean late;
        private String previousStatus;

        static TransactionItem from(Transaction t) {
            var item = new TransactionItem();
            item.transactionId = t.transactionId();
            item.checkoutRequestId = t.checkoutRequestId();
            item.merchantRequestId = t.merchantRequestId();
            item.phone = t.phone().msisdn();
            item.packageId = t.packageId();
            item.amount = t.amount().shillings();
            item.grantSeconds = t.grantSeconds();
            item.deviceKey = t.deviceKey().value();
            item.status = WireName.of(t.status());
            item.resultCode = t.resultCode();
            item.resultDesc = t.resultDesc();
            item.receipt = t.receipt();
            item.source = WireName.of(t.source());
            item.clientTokenHash = t.clientTokenHash();
            item.lang = t.lang();
            item.createdAt = StoredTime.iso(t.createdAt());
            item.completedAt = StoredTime.iso(t.completedAt());
            item.day = BusinessDay.key(t.createdAt());
            item.pendingShard = t.status() == TransactionStatus.PENDING ? pendingShard(t.shard()) : null;
            item.grantId = t.grantId();
            item.grantShard = t.grantUnconfirmed() ? grantShard(t.shard()) : null;
            item.claimedAt = StoredTime.iso(t.claimedAt());
            if (t.checkout() != null) {
                item.accountReference = t.checkout().accountReference();
                item.deviceIp = t.checkout().ip();
                item.loginUrl = t.checkout().loginUrl();
                item.dst = t.checkout().dst();
                item.chapId = t.checkout().chapId();
                item.chapChallenge = t.checkout().chapChallenge();
            }
            if (t.late()) {
                item.late = true;
                item.previousStatus = WireName.of(t.previousStatus());
            }
            return item;
        }

        Transaction toTransaction() {
            return new Transaction(transactionId, checkoutRequestId, merchantRequestId, new Phone(phone), packageId,
                    Money.kes(amount), grantSeconds, DeviceKey.parse(deviceKey), WireName.parse(TransactionStatus.class, status),
                    resultCode, resultDesc, receipt, WireName.parse(PaymentSource.class, source), clientTokenHash, lang,
                    StoredTime.parse(createdAt), StoredTime.parse(completedAt), grantId, StoredTime.parse(claimedAt),
                    grantId != null && grantShard == null,
                    accountReference == null ? null : new Checkout(accountReference, deviceIp, loginUrl, dst, chapId, chapChallenge),
                    Boolean.TRUE.equals(late), previousStatus == null ? null : WireName.parse(TransactionStatus.class, previousStatus));
        }

        public String getTransactionId() { return transactionId; }
        public void setTransactionId(String v) { transactionId = v; }
        public String getCheckoutRequestId() { return checkoutRequestId; }
        public void setCheckoutRequestId(String v) { checkoutRequestId = v; }
        public String getMerchantRequestId() { return merchantRequestId; }
        public void setMerchantRequestId(String v) { merchantRequestId = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getPackageId() { return packageId; }
        public void setPackageId(String v) { packageId = v; }
        public Long getAmount() { return amount; }
        public void setAmount(Long v) { amount = v; }
        public Long getGrantSeconds() { return grantSeconds; }
        public void setGrantSeconds(Long v) { grantSeconds = v; }
        public String getDeviceKey() { return deviceKey; }
        public void setDeviceKey(String v) { deviceKey = v; }
        public String getStatus() { return status; }
        public void setStatus(String v) { status = v; }
        public String getResultCode() { return resultCode; }
        public void setResultCode(String v) { resultCode = v; }
        public String getResultDesc() { return resultDesc; }
        public void setResultDesc(String v) { resultDesc = v; }
        public String getReceipt() { return receipt; }
        public void setReceipt(String v) { receipt = v; }
        public String getSource() { return source; }
        public void setSource(String v) { source = v; }
        public String getClientTokenHash() { return clientTokenHash; }
        public void setClientTokenHash(String v) { clientTokenHash = v; }
        public String getLang() { return lang; }
        public void setLang(String v) { lang = v; }
        public String getCreatedAt() { return createdAt; }
        public void setCreatedAt(String v) { createdAt = v; }
        public String getCompletedAt() { return completedAt; }
        public void setCompletedAt(String v) { completedAt = v; }
        public String getDay() { return day; }
        public void setDay(String v) { day = v; }
        public String getPendingShard() { return pendingShard; }
        public void setPendingShard(String v) { pendingShard = v; }
        public String getGrantId() { return grantId; }
        public void setGrantId(String v) { grantId = v; }
        public String getGrantShard() { return grantShard; }
        public void setGrantShard(String v) { grantShard = v; }
        public String getClaimedAt() { return claimedAt; }
        public void setClaimedAt(String v) { claimedAt = v; }
        public String getAccountReference() { return accountReference; }
        public void setAccountReference(String v) { accountReference = v; }
        public String getDeviceIp() { return deviceIp; }
        public void setDeviceIp(String v) { deviceIp = v; }
        public String getLoginUrl() { return loginUrl; }
        public void setLoginUrl(String v) { loginUrl = v; }
        public String getDst() { return dst; }
        public void setDst(String v) { dst = v; }
        public String getChapId() { return chapId; }
        public void setChapId(String v) { chapId = v; }
        public String getChapChallenge() { return chapChallenge; }
        public void setChapChallenge(String v) { chapChallenge = v; }
        public Boolean getLate() { return late; }
        public void setLate(Boolean v) { late = v; }
        public String getPreviousStatus() { return previousStatus; }
        public void setPreviousStatus(String v) { previousStatus = v; }
    }
}
