package com.wifibilling.local.bench;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.store.StoredTime;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills the Transactions table with finished purchases, straight into dynalite with BatchWriteItem (25 a call,
 * several threads), so the capacity benchmark can show that a purchase costs the same however many are stored.
 * Each item is a copy of a real stored purchase ({@code template}, written by the runtime itself) with fresh ids
 * and receipt, a phone from a pool (one in 50 is {@code sharedPhone}, so that phone has history too), a
 * {@code createdAt} in the last 30 days (and its {@code day}), and a final status: 85 % completed, 8 % cancelled,
 * 4 % expired, 3 % failed. None is pending or unconfirmed, as old purchases are not.
 */
final class TransactionPreload {
    private static final int BATCH = 25;
    private static final DateTimeFormatter CHECKOUT_TIME = DateTimeFormatter.ofPattern("ddMMyyyyHHmmss").withZone(BusinessDay.ZONE);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Map<String, AttributeValue> template;
    private final String sharedPhone;
    private final Instant now;

    TransactionPreload(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> template, String sharedPhone, Instant now) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.template = Map.copyOf(template);
        this.sharedPhone = sharedPhone;
        this.now = now;
    }

    /** Writes {@code count} purchases with {@code threads} writers; returns when all are stored. */
    void write(int count, int threads) {
        List<Future<?>> writers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int share = count / threads + (t < count % threads ? 1 : 0);
                writers.add(pool.submit(() -> writeShare(share)));
            }
            for (Future<?> writer : writers) writer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preloading", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Preloading failed", e.getCause());
        }
    }

    private void writeShare(int count) {
        DynamoDbCallRecorder.unrecorded(() -> {
            for (int done = 0; done < count; done += BATCH) {
                List<WriteRequest> batch = new ArrayList<>();
                for (int i = 0; i < Math.min(BATCH, count - done); i++)
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(purchase()).build()).build());
                Map<String, List<WriteRequest>> pending = Map.of(table, batch);
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> send = pending;
                    var unprocessed = dynamoDb.batchWriteItem(r -> r.requestItems(send)).unprocessedItems();
                    pending = unprocessed == null ? Map.of() : unprocessed;
                }
            }
            return null;
        });
    }

    /** Returns one stored purchase shaped like {@code template}. */
    Map<String, AttributeValue> purchase() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, AttributeValue> item = new HashMap<>(template);
        String transactionId = UUID.randomUUID().toString();
        Instant created = now.minus(Duration.ofSeconds(random.nextLong(30L * 24 * 3600))).truncatedTo(ChronoUnit.MILLIS);
        String phone = random.nextInt(50) == 0 ? sharedPhone : "2547" + String.format(Locale.ROOT, "%08d", random.nextInt(20_000));
        item.put("transactionId", s(transactionId));
        item.put("phone", s(phone));
        item.put("createdAt", s(StoredTime.iso(created)));
        item.put("day", s(BusinessDay.key(created)));
        item.put("checkoutRequestId", s("ws_CO_" + CHECKOUT_TIME.format(created) + random.nextLong(100_000_000L, 1_000_000_000L)));
        item.put("merchantRequestId", s(random.nextInt(10_000, 99_999) + "-" + random.nextInt(10_000_000, 99_999_999) + "-1"));
        item.put("accountReference", s(code(10)));
        item.put("deviceKey", s("default#02:" + String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x",
                random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256))));
        item.remove("pendingShard");
        item.remove("grantShard");
        int roll = random.nextInt(100);
        Instant completed = created.plusSeconds(random.nextLong(5, 60));
        item.put("completedAt", s(StoredTime.iso(completed)));
        if (roll < 85) {
            item.put("status", s("completed"));
            item.put("resultCode", s("0"));
            item.put("receipt", s(code(10)));
            item.put("grantId", s(transactionId));
            item.put("claimedAt", s(StoredTime.iso(completed)));
        } else {
            String[] closed = roll < 93 ? new String[] {"cancelled", "1032", "Request cancelled by user"}
                    : roll < 97 ? new String[] {"expired", "1037", "DS timeout user cannot be reached"}
                    : new String[] {"failed", "1", "The balance is insufficient for the transaction"};
            item.put("status", s(closed[0]));
            item.put("resultCode", s(closed[1]));
            item.put("resultDesc", s(closed[2]));
            item.remove("receipt");
            item.remove("grantId");
            item.remove("claimedAt");
        }
        return item;
    }

    private static String code(int length) {
        var code = new StringBuilder(length);
        for (int i = 0; i < length; i++) code.append(ALPHANUMERIC.charAt(ThreadLocalRandom.current().nextInt(ALPHANUMERIC.length())));
        return code.toString();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
