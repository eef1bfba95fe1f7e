package com.wifibilling.core.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import com.wifibilling.core.pkg.PackageStore;
import com.wifibilling.core.pkg.TimePackage;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The Packages table on DynamoDB; its schema is written in code once (no bean introspection at cold start). */
public final class DynamoDbPackageStore implements PackageStore {
    static final TableSchema<PackageItem> SCHEMA = StaticTableSchema.builder(PackageItem.class)
            .newItemSupplier(PackageItem::new)
            .addAttribute(String.class, a -> a.name("packageId").getter(PackageItem::getPackageId).setter(PackageItem::setPackageId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("name").getter(PackageItem::getName).setter(PackageItem::setName))
            .addAttribute(String.class, a -> a.name("description").getter(PackageItem::getDescription).setter(PackageItem::setDescription))
            .addAttribute(Integer.class, a -> a.name("durationMinutes").getter(PackageItem::getDurationMinutes).setter(PackageItem::setDurationMinutes))
            .addAttribute(Integer.class, a -> a.name("bandwidthMbps").getter(PackageItem::getBandwidthMbps).setter(PackageItem::setBandwidthMbps))
            .addAttribute(Integer.class, a -> a.name("uploadMbps").getter(PackageItem::getUploadMbps).setter(PackageItem::setUploadMbps))
            .addAttribute(Long.class, a -> a.name("priceKES").getter(PackageItem::getPriceKES).setter(PackageItem::setPriceKES))
            .addAttribute(Boolean.class, a -> a.name("active").getter(PackageItem::getActive).setter(PackageItem::setActive))
            .addAttribute(Integer.class, a -> a.name("sortOrder").getter(PackageItem::getSortOrder).setter(PackageItem::setSortOrder))
            .build();
    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(packageId)").build();
    private static final Expression PRESENT = Expression.builder().expression("attribute_exists(packageId)").build();

    private final DynamoDbTable<PackageItem> table;

    public DynamoDbPackageStore(DynamoDbEnhancedClient dynamoDb, String tableName) {
        this.table = dynamoDb.table(tableName, SCHEMA);
    }

    @Override
    public List<TimePackage> all() {
        return table.scan().items().stream().map(PackageItem::toPackage).toList();
    }

    @Override
    public Optional<TimePackage> find(String packageId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(packageId).build()).consistentRead(true)))
                .map(PackageItem::toPackage);
    }

    @Override
    public boolean create(TimePackage timePackage) {
        return putIf(timePackage, ABSENT);
    }

    @Override
    public boolean update(TimePackage timePackage) {
        return putIf(timePackage, PRESENT);
    }

    @Override
    public boolean replace(TimePackage read, TimePackage next) {
        if (!read.packageId().equals(next.packageId())) throw new IllegalArgumentException("A package's id never changes");
        PackageItem was = PackageItem.from(read);
        var condition = Expression.builder()
                .expression("#n = :n AND durationMinutes = :d AND bandwidthMbps = :b AND uploadMbps = :u AND priceKES = :p"
                        + " AND active = :a AND sortOrder = :s AND "
                        + (was.getDescription() == null ? "attribute_not_exists(description)" : "description = :desc"))
                .putExpressionName("#n", "name")
                .putExpressionValue(":n", AttributeValue.fromS(was.getName()))
                .putExpressionValue(":d", number(was.getDurationMinutes()))
                .putExpressionValue(":b", number(was.getBandwidthMbps()))
                .putExpressionValue(":u", number(was.getUploadMbps()))
                .putExpressionValue(":p", number(was.getPriceKES()))
                .putExpressionValue(":a", AttributeValue.fromBool(was.getActive()))
                .putExpressionValue(":s", number(was.getSortOrder()));
        if (was.getDescription() != null) condition.putExpressionValue(":desc", AttributeValue.fromS(was.getDescription()));
        return putIf(next, condition.build());
    }

    private static AttributeValue number(Number value) {
        return AttributeValue.fromN(value.toString());
    }

    private boolean putIf(TimePackage timePackage, Expression condition) {
        try {
            table.putItem(r -> r.item(PackageItem.from(timePackage)).conditionExpression(condition));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The stored form; mutable only because the Enhanced client fills items through setters. */
    public static final class PackageItem {
        private String packageId;
        private String name;
        private String description;
        private Integer durationMinutes;
        private Integer bandwidthMbps;
        private Integer uploadMbps;
        private Long priceKES;
        private Boolean active;
        private Integer sortOrder;

        static PackageItem from(TimePackage p) {
            var item = new PackageItem();
            item.packageId = p.packageId();
            item.name = p.name();
            item.description = p.description().isEmpty() ? null : p.description();
            item.durationMinutes = p.durationMinutes();
            item.bandwidthMbps = p.bandwidthMbps();
            item.uploadMbps = p.uploadMbps();
            item.priceKES = p.priceKES();
            item.active = p.active();
            item.sortOrder = p.sortOrder();
            return item;
        }

        TimePackage toPackage() {
            return new TimePackage(packageId, name, description, orZero(durationMinutes), orZero(bandwidthMbps),
                    orZero(uploadMbps), priceKES == null ? 0 : priceKES, Boolean.TRUE.equals(active), orZero(sortOrder));
        }

        private static int orZero(Integer value) {
            return value == null ? 0 : value;
        }

        public String getPackageId() { return packageId; }
        public void setPackageId(String v) { packageId = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public Integer getDurationMinutes() { return durationMinutes; }
        public void setDurationMinutes(Integer v) { durationMinutes = v; }
        public Integer getBandwidthMbps() { return bandwidthMbps; }
        public void setBandwidthMbps(Integer v) { bandwidthMbps = v; }
        public Integer getUploadMbps() { return uploadMbps; }
        public void setUploadMbps(Integer v) { uploadMbps = v; }
        public Long getPriceKES() { return priceKES; }
        public void setPriceKES(Long v) { priceKES = v; }
        public Boolean getActive() { return active; }
        public void setActive(Boolean v) { active = v; }
        public Integer getSortOrder() { return sortOrder; }
        public void setSortOrder(Integer v) { sortOrder = v; }
    }
}
