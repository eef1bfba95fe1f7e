package com.wifibilling.core.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import com.wifibilling.core.gateway.ControlMode;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayStatus;
import com.wifibilling.core.gateway.GatewayStore;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.gateway.PollLogin;
import com.wifibilling.core.gateway.UnifiController;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The Gateways table on DynamoDB. Creates and reads go through the Enhanced client and a schema written in code;
 * edits, heartbeats and the outbox counter are UpdateItems on the low-level client, each touching only its own
 * attributes: a whole-item put from an edit would roll {@code outboxSeq} back and hand out a sequence number
 * twice. {@code unifi} is a nested map; {@code lastSeenAt} and {@code createdAt} are StoredTime strings.
 */
public final class DynamoDbGatewayStore implements GatewayStore {
    static final TableSchema<UnifiItem> UNIFI_SCHEMA = StaticTableSchema.builder(UnifiItem.class)
            .newItemSupplier(UnifiItem::new)
            .addAttribute(String.class, a -> a.name("baseUrl").getter(UnifiItem::getBaseUrl).setter(UnifiItem::setBaseUrl))
            .addAttribute(String.class, a -> a.name("site").getter(UnifiItem::getSite).setter(UnifiItem::setSite))
            .addAttribute(Boolean.class, a -> a.name("unifiOs").getter(UnifiItem::getUnifiOs).setter(UnifiItem::setUnifiOs))
            .addAttribute(String.class, a -> a.name("credentialsRef").getter(UnifiItem::getCredentialsRef).setter(UnifiItem::setCredentialsRef))
            .addAttribute(String.class, a -> a.name("certSha256").getter(UnifiItem::getCertSha256).setter(UnifiItem::setCertSha256))
            .build();
    static final TableSchema<GatewayItem> SCHEMA = StaticTableSchema.builder(GatewayItem.class)
            .newItemSupplier(GatewayItem::new)
            .addAttribute(String.class, a -> a.name("gatewayId").getter(GatewayItem::getGatewayId).setter(GatewayItem::setGatewayId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("name").getter(GatewayItem::getName).setter(GatewayItem::setName))
            .addAttribute(String.class, a -> a.name("status").getter(GatewayItem::getStatus).setter(GatewayItem::setStatus))
            .addAttribute(String.class, a -> a.name("type").getter(GatewayItem::getType).setter(GatewayItem::setType))
            .addAttribute(String.class, a -> a.name("controlMode").getter(GatewayItem::getControlMode).setter(GatewayItem::setControlMode))
            .addAttribute(String.class, a -> a.name("pollLogin").getter(GatewayItem::getPollLogin).setter(GatewayItem::setPollLogin))
            .addAttribute(String.class, a -> a.name("radiusClientAddress").getter(GatewayItem::getRadiusClientAddress).setter(GatewayItem::setRadiusClientAddress))
            .addAttribute(String.class, a -> a.name("radiusSecretRef").getter(GatewayItem::getRadiusSecretRef).setter(GatewayItem::setRadiusSecretRef))
            .addAttribute(String.class, a -> a.name("coaAddress").getter(GatewayItem::getCoaAddress).setter(GatewayItem::setCoaAddress))
            .addAttribute(Integer.class, a -> a.name("coaPort").getter(GatewayItem::getCoaPort).setter(GatewayItem::setCoaPort))
            .addAttribute(Boolean.class, a -> a.name("coaSupported").getter(GatewayItem::getCoaSupported).setter(GatewayItem::setCoaSupported))
            .addAttribute(Boolean.class, a -> a.name("eventTimestamp").getter(GatewayItem::getEventTimestamp).setter(GatewayItem::setEventTimestamp))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("loginUrlHosts").getter(GatewayItem::getLoginUrlHosts).setter(GatewayItem::setLoginUrlHosts))
            .addAttribute(String.class, a -> a.name("defaultLoginUrl").getter(GatewayItem::getDefaultLoginUrl).setter(GatewayItem::setDefaultLoginUrl))
            .addAttribute(Integer.class, a -> a.name("idleTimeoutSeconds").getter(GatewayItem::getIdleTimeoutSeconds).setter(GatewayItem::setIdleTimeoutSeconds))
            .addAttribute(Integer.class, a -> a.name("acctInterimSeconds").getter(GatewayItem::getAcctInterimSeconds).setter(GatewayItem::setAcctInterimSeconds))
            .addAttribute(EnhancedType.documentOf(UnifiItem.class, UNIFI_SCHEMA), a -> a.name("unifi").getter(GatewayItem::getUnifi).setter(GatewayItem::setUnifi))
            .addAttribute(String.class, a -> a.name("apiKeyHash").getter(GatewayItem::getApiKeyHash).setter(GatewayItem::setApiKeyHash))
            .addAttribute(String.class, a -> a.name("lastSeenAt").getter(GatewayItem::getLastSeenAt).setter(GatewayItem::setLastSeenAt))
            .addAttribute(Long.class, a -> a.name("outboxSeq").getter(GatewayItem::getOutboxSeq).setter(GatewayItem::setOutboxSeq))
            .addAttribute(String.class, a -> a.name("createdAt").getter(GatewayItem::getCreatedAt).setter(GatewayItem::setCreatedAt))
            .addAttribute(Long.class, a -> a.name("version").getter(GatewayItem::getVersion).setter(GatewayItem::setVersion))
            .build();
    /** Attributes an edit never writes: the key, the system's own fields and the version it sets itself. */
    private static final Set<String> NOT_EDITED = Set.of("gatewayId", "lastSeenAt", "outboxSeq", "createdAt", "version");
    private static final List<String> EDITED = SCHEMA.attributeNames().stream().filter(n -> !NOT_EDITED.contains(n)).toList();
    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(gatewayId)").build();

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DynamoDbTable<GatewayItem> table;

    public DynamoDbGatewayStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.table = AwsClients.enhanced(dynamoDb).table(tableName, SCHEMA);
    }

    @Override
    public boolean create(Gateway gateway) {
        try {
            table.putItem(r -> r.item(GatewayItem.from(gateway)).conditionExpression(ABSENT));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    @Override
    public Optional<Gateway> find(String gatewayId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(gatewayId).build()).consistentRead(true)))
                .map(GatewayItem::toGateway);
    }

    @Override
    public List<Gateway> all() {
        return table.scan(r -> r.consistentRead(true)).items().stream().map(GatewayItem::toGateway).toList();
    }

    /** One UpdateItem: SET every edited attribute {@code next} has, REMOVE those it lacks, under {@code version = :read}. */
    @Override
    public Optional<Gateway> update(Gateway read, Gateway next) {
        if (!read.gatewayId().equals(next.gatewayId())) throw new IllegalArgumentException("update cannot change gatewayId");
        Map<String, AttributeValue> attributes = SCHEMA.itemToMap(GatewayItem.from(next), true);
        Map<String, String> names = new HashMap<>(Map.of("#version", "version"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":read", AttributeValue.fromN(Long.toString(read.version())),
                ":next", AttributeValue.fromN(Long.toString(read.version() + 1))));
        StringBuilder set = new StringBuilder("SET #version = :next");
        StringBuilder remove = new StringBuilder();
        for (int i = 0; i < EDITED.size(); i++) {
            String attribute = EDITED.get(i);
            names.put("#a" + i, attribute);
            if (attributes.containsKey(attribute)) {
                set.append(", #a").append(i).append(" = :a").append(i);
                values.put(":a" + i, attributes.get(attribute));
            } else {
                remove.append(remove.isEmpty() ? " REMOVE " : ", ").append("#a").append(i);
            }
        }
        try {
            var written = dynamoDb.updateItem(r -> r.tableName(tableName).key(key(read.gatewayId()))
                    .updateExpression(set.toString() + remove).conditionExpression("#version = :read")
                    .expressionAttributeNames(names).expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW));
            return Optional.of(SCHEMA.mapToItem(written.attributes()).toGateway());
        } catch (ConditionalCheckFailedException editedSinceRead) {
            return Optional.empty();
        }
    }

    @Override
    public boolean touch(String gatewayId, Instant lastSeenAt) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key(gatewayId)).updateExpression("SET lastSeenAt = :at")
                    .conditionExpression("attribute_exists(gatewayId) AND (attribute_not_exists(lastSeenAt) OR lastSeenAt < :at)")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(StoredTime.iso(lastSeenAt)))));
            return true;
        } catch (ConditionalCheckFailedException missingOrSeenLater) {
            return false;
        }
    }

    /** {@code ADD outboxSeq :one}, answered with the new value: DynamoDB serialises the additions. */
    @Override
    public OptionalLong nextOutboxSeq(String gatewayId) {
        try {
            var counted = dynamoDb.updateItem(r -> r.tableName(tableName).key(key(gatewayId)).updateExpression("ADD outboxSeq :one")
                    .conditionExpression("attribute_exists(gatewayId)") // never create a gateway from a counter
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).returnValues(ReturnValue.UPDATED_NEW));
            return OptionalLong.of(Long.parseLong(counted.attributes().get("outboxSeq").n()));
        } catch (ConditionalCheckFailedException noSuchGateway) {
            return OptionalLong.empty();
        }
    }

    private static Map<String, AttributeValue> key(String gatewayId) {
        return Map.of("gatewayId", AttributeValue.fromS(gatewayId));
    }

    /** The stored form; mutable only because the Enhanced client fills items through setters. */
    public static final class GatewayItem {
        private String gatewayId;
        private String name;
        private String status;
        private String type;
        private String controlMode;
        private String pollLogin;
        private String radiusClientAddress;
        private String radiusSecretRef;
        private String coaAddress;
        private Integer coaPort;
        private Boolean coaSupported;
        private Boolean eventTimestamp;
        private List<String> loginUrlHosts;
        private String defaultLoginUrl;
        private Integer idleTimeoutSeconds;
        private Integer acctInterimSeconds;
        private UnifiItem unifi;
        private String apiKeyHash;
        private String lastSeenAt;
        private Long outboxSeq;
        private String createdAt;
        private Long version;

        static GatewayItem from(Gateway g) {
            var item = new GatewayItem();
            item.gatewayId = g.gatewayId();
            item.name = g.name();
            item.status = g.status().value();
            item.type = g.type().value();
            item.controlMode = g.controlMode().value();
            item.pollLogin = g.pollLogin().value();
            item.radiusClientAddress = g.radiusClientAddress();
            item.radiusSecretRef = g.radiusSecretRef();
            item.coaAddress = g.coaAddress();
            item.coaPort = g.coaPort();
            item.coaSupported = g.coaSupported();
            item.eventTimestamp = g.eventTimestamp();
            item.loginUrlHosts = g.loginUrlHosts();
            item.defaultLoginUrl = g.defaultLoginUrl();
            item.idleTimeoutSeconds = g.idleTimeoutSeconds();
            item.acctInterimSeconds = g.acctInterimSeconds();
            item.unifi = g.unifi() == null ? null : UnifiItem.from(g.unifi());
            item.apiKeyHash = g.apiKeyHash();
            item.lastSeenAt = StoredTime.iso(g.lastSeenAt());
            item.outboxSeq = g.outboxSeq();
            item.createdAt = StoredTime.iso(g.createdAt());
            item.version = g.version();
            return item;
        }

        /** Missing optional attributes read as the contract's defaults (items written before a field existed). */
        Gateway toGateway() {
            return Gateway.builder(gatewayId, name, GatewayType.fromValue(type), StoredTime.parse(createdAt))
                    .status(GatewayStatus.fromValue(status))
                    .controlMode(controlMode == null ? ControlMode.PUSH : ControlMode.fromValue(controlMode))
                    .pollLogin(pollLogin == null ? PollLogin.RADIUS : PollLogin.fromValue(pollLogin))
                    .radiusClientAddress(radiusClientAddress).radiusSecretRef(radiusSecretRef).coaAddress(coaAddress)
                    .coaPort(coaPort == null ? Gateway.DEFAULT_COA_PORT : coaPort)
                    .coaSupported(coaSupported == null || coaSupported)
                    .eventTimestamp(eventTimestamp == null || eventTimestamp)
                    .loginUrlHosts(loginUrlHosts == null ? List.of() : loginUrlHosts)
                    .defaultLoginUrl(defaultLoginUrl).idleTimeoutSeconds(idleTimeoutSeconds)
                    .acctInterimSeconds(acctInterimSeconds == null ? Gateway.DEFAULT_ACCT_INTERIM_SECONDS : acctInterimSeconds)
                    .unifi(unifi == null ? null : unifi.toController())
                    .apiKeyHash(apiKeyHash).lastSeenAt(StoredTime.parse(lastSeenAt))
                    .outboxSeq(outboxSeq == null ? 0 : outboxSeq).version(version == null ? 0 : version)
                    .build();
        }

        public String getGatewayId() { return gatewayId; }
        public void setGatewayId(String v) { gatewayId = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getStatus() { return status; }
        public void setStatus(String v) { status = v; }
        public String getType() { return type; }
        public void setType(String v) { type = v; }
        public String getControlMode() { return controlMode; }
        public void setControlMode(String v) { controlMode = v; }
        public String getPollLogin() { return pollLogin; }
        public void setPollLogin(String v) { pollLogin = v; }
        public String getRadiusClientAddress() { return radiusClientAddress; }
        public void setRadiusClientAddress(String v) { radiusClientAddress = v; }
        public String getRadiusSecretRef() { return radiusSecretRef; }
        public void setRadiusSecretRef(String v) { radiusSecretRef = v; }
        public String getCoaAddress() { return coaAddress; }
        public void setCoaAddress(String v) { coaAddress = v; }
        public Integer getCoaPort() { return coaPort; }
        public void setCoaPort(Integer v) { coaPort = v; }
        public Boolean getCoaSupported() { return coaSupported; }
        public void setCoaSupported(Boolean v) { coaSupported = v; }
        public Boolean getEventTimestamp() { return eventTimestamp; }
        public void setEventTimestamp(Boolean v) { eventTimestamp = v; }
        public List<String> getLoginUrlHosts() { return loginUrlHosts; }
        public void setLoginUrlHosts(List<String> v) { loginUrlHosts = v; }
        public String getDefaultLoginUrl() { return defaultLoginUrl; }
        public void setDefaultLoginUrl(String v) { defaultLoginUrl = v; }
        public Integer getIdleTimeoutSeconds() { return idleTimeoutSeconds; }
        public void setIdleTimeoutSeconds(Integer v) { idleTimeoutSeconds = v; }
        public Integer getAcctInterimSeconds() { return acctInterimSeconds; }
        public void setAcctInterimSeconds(Integer v) { acctInterimSeconds = v; }
        public UnifiItem getUnifi() { return unifi; }
        public void setUnifi(UnifiItem v) { unifi = v; }
        public String getApiKeyHash() { return apiKeyHash; }
        public void setApiKeyHash(String v) { apiKeyHash = v; }
        public String getLastSeenAt() { return lastSeenAt; }
        public void setLastSeenAt(String v) { lastSeenAt = v; }
        public Long getOutboxSeq() { return outboxSeq; }
        public void setOutboxSeq(Long v) { outboxSeq = v; }
        public String getCreatedAt() { return createdAt; }
        public void setCreatedAt(String v) { createdAt = v; }
        public Long getVersion() { return version; }
        public void setVersion(Long v) { version = v; }
    }

    /** The stored {@code unifi} map. */
    public static final class UnifiItem {
        private String baseUrl;
        private String site;
        private Boolean unifiOs;
        private String credentialsRef;
        private String certSha256;

        static UnifiItem from(UnifiController c) {
            var item = new UnifiItem();
            item.baseUrl = c.baseUrl();
            item.site = c.site();
            item.unifiOs = c.unifiOs();
            item.credentialsRef = c.credentialsRef();
            item.certSha256 = c.certSha256();
            return item;
        }

        UnifiController toController() {
            return new UnifiController(baseUrl, site, Boolean.TRUE.equals(unifiOs), credentialsRef, certSha256);
        }

        public String getBaseUrl() { return baseUrl; }
        public void setBaseUrl(String v) { baseUrl = v; }
        public String getSite() { return site; }
        public void setSite(String v) { site = v; }
        public Boolean getUnifiOs() { return unifiOs; }
        public void setUnifiOs(Boolean v) { unifiOs = v; }
        public String getCredentialsRef() { return credentialsRef; }
        public void setCredentialsRef(String v) { credentialsRef = v; }
        public String getCertSha256() { return certSha256; }
        public void setCertSha256(String v) { certSha256 = v; }
    }
}
