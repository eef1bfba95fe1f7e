package com.wifibilling.local.bench;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.event.EventStore;
import com.wifibilling.core.payment.Checkout;
import com.wifibilling.core.payment.PaymentSource;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.payment.TransactionStatus;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.session.SessionStore;
import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.StatsKey;
import com.wifibilling.core.stats.StatsStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import com.wifibilling.core.store.StoredTime;
import com.wifibilling.core.user.User;
import com.wifibilling.core.user.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A hotspot's history for the admin lists benchmark: a fixed population (a few hundred phones with a skewed share of
 * the purchases, each with one to three devices on its gateways) and as many finished purchases as asked, written
 * straight into dynalite. Purchases go in with BatchWriteItem (25 a call, several writers); each item is a copy of
 * one the runtime's own {@link DynamoDbTransactionStore} stored for that status, with the varying attributes set the
 * way the store sets them ({@code createdAt} as a StoredTime string, {@code day} its East Africa Time date), so
 * phone-index and day-index are filled exactly as in production. The Stats counters the grant (completed) and the
 * finalizer (cancelled, expired, failed) would have added are summed per day, package and gateway and added with
 * the store's own {@code ADD}. Users (one per phone), sessions (one per device) and a few events per day go in
 * through their stores.
 */
final class AdminListsSeed {
    private static final int BATCH = 25;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** Zipf exponent of the phones' shares: the busiest of 400 makes ≈ 11 % of the purchases. */
    private static final double SKEW = 0.9;

    /** A package as config/packages.json seeds it, with its share of the sales. */
    record Pkg(String packageId, String name, long priceKES, long seconds, int mbps, double share) {}

    static final List<Pkg> PACKAGES = List.of(
            new Pkg("basic", "Basic", 20, 3_600, 2, 0.50),
            new Pkg("standard", "Standard", 50, 10_800, 5, 0.30),
            new Pkg("premium", "Premium", 100, 21_600, 10, 0.15),
            new Pkg("ultra", "Ultra", 300, 86_400, 20, 0.05));
    private static final double[] PACKAGE_SHARES = PACKAGES.stream().mapToDouble(Pkg::share).toArray();
    /** The runtime's seeded gateway plus three the bench adds, with their share of the phones. */
    static final List<String> GATEWAYS = List.of("default", "mall-westlands", "stage-kencom", "estate-umoja");
    private static final double[] GATEWAY_SHARES = {0.40, 0.25, 0.20, 0.15};

    private final DynamoDbClient dynamoDb;
    private final String transactionsTable;
    private final Instant now;
    private final int days;
    private final List<Phone> phones = new ArrayList<>();
    private final double[] phoneCumulative;
    private final List<List<DeviceKey>> devices = new ArrayList<>();
    private final Map<TransactionStatus, Map<String, AttributeValue>> templates = new EnumMap<>(TransactionStatus.class);
    private final Map<StatsKey, Map<Counter, AtomicLong>> tally = new ConcurrentHashMap<>();

    AdminListsSeed(DynamoDbClient dynamoDb, String transactionsTable, int phoneCount, int days, Instant now) {
        this.dynamoDb = dynamoDb;
        this.transactionsTable = transactionsTable;
        this.now = now;
        this.days = days;
        var random = new SplittableRandom(20261125L); // the same population every run
        phoneCumulative = new double[phoneCount];
        double sum = 0;
        for (int i = 0; i < phoneCount; i++) {
            phones.add(new Phone(String.format(Locale.ROOT, "2547%08d", 10_000_000 + i * 7_919)));
            sum += 1 / Math.pow(i + 1, SKEW);
            phoneCumulative[i] = sum;
            String home = GATEWAYS.get(pick(GATEWAY_SHARES, random.nextDouble()));
            int count = 1 + random.nextInt(3);
            List<DeviceKey> own = new ArrayList<>();
            for (int d = 0; d < count; d++) {
                String gateway = d > 0 && random.nextInt(10) < 3 ? GATEWAYS.get(random.nextInt(GATEWAYS.size())) : home;
                own.add(new DeviceKey(gateway, Mac.parse(String.format(Locale.ROOT, "02:b1:%02x:%02x:%02x:%02x",
                        i >> 8 & 0xff, i & 0xff, d, random.nextInt(256)))));
            }
            devices.add(own);
        }
        for (int i = 0; i < phoneCount; i++) phoneCumulative[i] /= sum;
    }

    /** The phone with the most purchases (the first of the Zipf ranking). */
    Phone busiestPhone() {
        return phones.getFirst();
    }

    int phoneCount() {
        return phones.size();
    }

    int deviceCount() {
        return devices.stream().mapToInt(List::size).sum();
    }

    /**
     * Stores one purchase of each final status through the store (the shapes every copy starts from), keeps their items
     * and deletes them again, so only the copies count.
     */
    void learnShapes(DynamoDbTransactionStore store) {
        Instant at = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        for (TransactionStatus status : List.of(TransactionStatus.COMPLETED, TransactionStatus.CANCELLED, TransactionStatus.EXPIRED,
                TransactionStatus.FAILED)) {
            String id = UUID.randomUUID().toString();
            boolean completed = status == TransactionStatus.COMPLETED;
            String[] result = switch (status) {
                case COMPLETED -> new String[] {"0", "The service request is processed successfully."};
                case CANCELLED -> new String[] {"1032", "Request cancelled by user"};
                case EXPIRED -> new String[] {"1037", "DS timeout user cannot be reached"};
                default -> new String[] {"1", "The balance is insufficient for the transaction"};
            };
            var checkout = new Checkout("WB7K2Q9M4X", "10.5.50.23", "http://10.5.50.1/login", "http://example.com/", "\\311",
                    "\\223\\154\\017\\062\\244\\301\\005\\266\\120\\017\\231\\076\\054\\353\\017\\241");
            var transaction = new Transaction(id, "ws_CO_25112026101500123456789", "29115-34620561-1", phones.getFirst(), "basic",
                    Money.kes(20), 3_600, devices.getFirst().getFirst(), status, result[0], result[1], completed ? "TKP3XA91BC" : null,
                    completed ? PaymentSource.CALLBACK : PaymentSource.INLINE_POLL, "c".repeat(64), "en", at, at.plusSeconds(20),
                    completed ? id : null, completed ? at.plusSeconds(20) : null, completed, checkout);
            if (!store.create(transaction)) throw new IllegalStateException("template " + id + " already exists");
            Map<String, AttributeValue> key = Map.of("transactionId", AttributeValue.fromS(id));
            var item = dynamoDb.getItem(r -> r.tableName(transactionsTable).key(key).consistentRead(true)).item();
            templates.put(status, Map.copyOf(item));
            dynamoDb.deleteItem(r -> r.tableName(transactionsTable).key(key));
        }
    }

    /** Writes {@code count} purchases with {@code threads} writers and counts them for Stats; returns when all are stored. */
    void writePurchases(int count, int threads) {
        inParallel(threads, count, (from, to) -> {
            List<WriteRequest> batch = new ArrayList<>(BATCH);
            for (int i = from; i < to; i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(purchase()).build()).build());
                if (batch.size() == BATCH || i == to - 1) {
                    writeBatch(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        });
    }

    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(transactionsTable, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> send = pending;
            var unprocessed = dynamoDb.batchWriteItem(r -> r.requestItems(send)).unprocessedItems();
            pending = unprocessed == null ? Map.of() : unprocessed;
        }
    }

    /** Returns one finished purchase: its status's template with this purchase's ids, phone, device, package and times. */
    private Map<String, AttributeValue> purchase() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int roll = random.nextInt(100);
        TransactionStatus status = roll < 85 ? TransactionStatus.COMPLETED : roll < 93 ? TransactionStatus.CANCELLED
                : roll < 97 ? TransactionStatus.EXPIRED : TransactionStatus.FAILED;
        int who = pickPhone(random.nextDouble());
        List<DeviceKey> own = devices.get(who);
        DeviceKey device = own.get(random.nextInt(own.size()));
        Pkg pkg = PACKAGES.get(pick(PACKAGE_SHARES, random.nextDouble()));
        Instant created = createdAt(random);
        Instant completed = created.plusMillis(random.nextLong(4_000, 60_000));
        String transactionId = UUID.randomUUID().toString();

        Map<String, AttributeValue> item = new HashMap<>(templates.get(status));
        item.put("transactionId", s(transactionId));
        item.put("phone", s(phones.get(who).msisdn()));
        item.put("packageId", s(pkg.packageId()));
        item.put("amount", AttributeValue.fromN(Long.toString(pkg.priceKES())));
        item.put("grantSeconds", AttributeValue.fromN(Long.toString(pkg.seconds())));
        item.put("deviceKey", s(device.value()));
        item.put("createdAt", s(StoredTime.iso(created)));
        item.put("day", s(BusinessDay.key(created)));
        item.put("completedAt", s(StoredTime.iso(completed)));
        item.put("checkoutRequestId", s("ws_CO_" + random.nextLong(100_000_000_000_000L, 999_999_999_999_999L)));
        item.put("merchantRequestId", s(random.nextInt(10_000, 99_999) + "-" + random.nextInt(10_000_000, 99_999_999) + "-1"));
        item.put("accountReference", s(code(random, 10)));
        if (status == TransactionStatus.COMPLETED) {
            item.put("receipt", s(code(random, 10)));
            item.put("grantId", s(transactionId));
            item.put("claimedAt", s(StoredTime.iso(completed)));
        }
        count(BusinessDay.of(created), pkg, device.gatewayId(), status);
        return item;
    }

    /** A time in the last {@code days} business days, quieter at night (East Africa Time): 0:00–6:00 has a sixth of the sales. */
    private Instant createdAt(ThreadLocalRandom random) {
        LocalDate first = BusinessDay.of(now).minusDays(days - 1L);
        Instant start = first.atStartOfDay(BusinessDay.ZONE).toInstant();
        while (true) {
            Instant at = start.plusMillis(random.nextLong(Duration.between(start, now).toMillis()));
            int hour = at.atZone(BusinessDay.ZONE).getHour();
            if (hour >= 6 || random.nextInt(6) == 0) return at;
        }
    }

    /** What confirming the grant (completed) or closing the payment (the rest) adds to the day's, package's and gateway's Stats. */
    private void count(LocalDate day, Pkg pkg, String gatewayId, TransactionStatus status) {
        Map<Counter, Long> amounts = switch (status) {
            case COMPLETED -> Map.of(Counter.PAYMENTS_COMPLETED, 1L, Counter.REVENUE_KES, pkg.priceKES(), Counter.SESSIONS_STARTED, 1L);
            case CANCELLED -> Map.of(Counter.PAYMENTS_CANCELLED, 1L);
            case EXPIRED -> Map.of(Counter.PAYMENTS_EXPIRED, 1L);
            default -> Map.of(Counter.PAYMENTS_FAILED, 1L);
        };
        for (StatsKey key : List.of(StatsKey.day(day), StatsKey.forPackage(day, pkg.packageId()), StatsKey.forGateway(day, gatewayId))) {
            Map<Counter, AtomicLong> sums = tally.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
            amounts.forEach((counter, amount) -> sums.computeIfAbsent(counter, c -> new AtomicLong()).addAndGet(amount));
        }
    }

    /** Adds what the purchases written since the last call counted to Stats ({@code ADD}, as the grant does); returns the keys touched. */
    int addStats(StatsStore stats) {
        Map<StatsKey, Map<Counter, Long>> due = new HashMap<>();
        tally.forEach((key, sums) -> {
            Map<Counter, Long> amounts = new EnumMap<>(Counter.class);
            sums.forEach((counter, sum) -> amounts.put(counter, sum.getAndSet(0)));
            amounts.values().removeIf(v -> v == 0);
            if (!amounts.isEmpty()) due.put(key, amounts);
        });
        List<StatsKey> keys = List.copyOf(due.keySet());
        inParallel(4, keys.size(), (from, to) -> {
            for (int i = from; i < to; i++) stats.add(keys.get(i), due.get(keys.get(i)));
        });
        return keys.size();
    }

    /** One portal user per phone, created when the phone first bought (some time in the range). */
    void writeUsers(UserStore users) {
        inParallel(8, phones.size(), (from, to) -> {
            for (int i = from; i < to; i++) {
                Instant created = now.minus(Duration.ofMinutes(ThreadLocalRandom.current().nextLong(days * 24L * 60)));
                if (!users.createPortalUser(User.portal(UUID.randomUUID().toString(), phones.get(i), created)))
                    throw new IllegalStateException("user exists");
            }
        });
    }

    /**
     * One session per device (the Sessions table holds a device's current entitlement): most ran out some time in the
     * range, one device in eight bought in the last three hours and is still entitled (and online).
     */
    void writeSessions(SessionStore sessions) {
        List<DeviceKey> all = devices.stream().flatMap(List::stream).toList();
        Map<DeviceKey, Phone> owner = new HashMap<>();
        for (int i = 0; i < phones.size(); i++) for (DeviceKey d : devices.get(i)) owner.put(d, phones.get(i));
        inParallel(8, all.size(), (from, to) -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = from; i < to; i++) {
                DeviceKey device = all.get(i);
                Pkg pkg = PACKAGES.get(pick(PACKAGE_SHARES, random.nextDouble()));
                boolean current = random.nextInt(8) == 0;
                Instant started = current ? now.minus(Duration.ofMinutes(random.nextLong(1, Math.min(180, pkg.seconds() / 60))))
                        : now.minus(Duration.ofMinutes(random.nextLong(pkg.seconds() / 60 + 1, days * 24L * 60)));
                String grantId = UUID.randomUUID().toString();
                var session = new Session(device, UUID.randomUUID().toString(), code(random, 10), code(random, 24).replace("0", "a"),
                        owner.get(device), pkg.packageId(), pkg.name(), pkg.mbps(), pkg.mbps(), started, started.plusSeconds(pkg.seconds()),
                        SessionStatus.ACTIVE, null, null, 1, Map.of(grantId, pkg.seconds()),
                        current ? GatewayState.ONLINE : GatewayState.OFFLINE, null, null, null, grantId);
                if (!sessions.write(Optional.empty(), session, grantId)) throw new IllegalStateException("session exists");
            }
        });
    }

    /** Events of the range: {@code perDay} admin actions each day, plus one anomaly per {@code purchasesPerAnomaly} of {@code purchases}. */
    int writeEvents(EventStore events, int purchases, int perDay, int purchasesPerAnomaly) {
        List<AuditEvent> due = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate first = BusinessDay.of(now).minusDays(days - 1L);
        Instant start = first.atStartOfDay(BusinessDay.ZONE).toInstant();
        long span = Duration.between(start, now).toMillis();
        String[] admin = {"admin.package.updated", "admin.session.terminated", "admin.vouchers.generated", "admin.gateway.rotated"};
        for (int d = 0; perDay > 0 && d < days; d++)
            for (int e = 0; e < perDay; e++) {
                Instant at = first.plusDays(d).atStartOfDay(BusinessDay.ZONE).toInstant().plusMillis(random.nextLong(Duration.ofDays(1).toMillis()));
                if (at.isAfter(now)) continue;
                due.add(AuditEvent.of(at, admin[random.nextInt(admin.length)], "admin-bench", "subject-" + e, null, Map.of()));
            }
        for (int a = 0; a < purchases / purchasesPerAnomaly; a++)
            due.add(AuditEvent.of(start.plusMillis(random.nextLong(span)), "callback.suspicious", "daraja", UUID.randomUUID().toString(),
                    "amount differs from the transaction", Map.of("amount", "19")));
        inParallel(8, due.size(), (from, to) -> {
            for (int i = from; i < to; i++) events.record(due.get(i));
        });
        return due.size();
    }

    // ------------------------------------------------------------------ helpers

    private int pickPhone(double u) {
        int at = Arrays.binarySearch(phoneCumulative, u);
        return Math.min(phoneCumulative.length - 1, at >= 0 ? at : -at - 1);
    }

    private static int pick(double[] shares, double u) {
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (u < sum) return i;
        }
        return shares.length - 1;
    }

    private static String code(ThreadLocalRandom random, int length) {
        var code = new StringBuilder(length);
        for (int i = 0; i < length; i++) code.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        return code.toString();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** Splits {@code 0..count} into {@code threads} ranges and runs {@code work} on each, on its own thread; returns when all ended. */
    private static void inParallel(int threads, int count, RangeWorker work) {
        List<Future<?>> running = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            int from = 0;
            for (int t = 0; t < threads; t++) {
                int share = count / threads + (t < count % threads ? 1 : 0);
                int start = from;
                from += share;
                running.add(pool.submit(() -> work.run(start, start + share)));
            }
            for (Future<?> f : running) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Seeding failed", e.getCause());
        }
    }

    @FunctionalInterface
    private interface RangeWorker {
        void run(int from, int to);
    }
}
