package com.wifibilling.local.bench;

import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.store.AwsClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Records the DynamoDB calls that a local runtime's functions make, for the payment benchmarks in scripts/bench.
 * The AWS SDK adds to every client it builds the interceptors named by the classpath resource
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}; local-runtime's <em>test</em> resources
 * name this class, so the DynamoDbClients the handlers build through {@code AwsClients} carry it without any change
 * to production code (and nothing that ships carries it). It does nothing until {@link #open} starts a
 * {@link Recording}, and then records only calls to that recording's endpoint.
 *
 * <p>With {@code images} on, it asks for {@code ReturnConsumedCapacity=INDEXES} on every request (dynalite answers
 * table units only) and reads the item before and after each write through a client of its own (strongly
 * consistent, not recorded), which is what billing needs: DynamoDB bills a write by the larger image and an index
 * write by the index entries that change. The extra reads take time, so the latency benchmark records without them.
 */
public final class DynamoDbCallRecorder implements ExecutionInterceptor {
    private static final AtomicReference<Recording> OPEN = new AtomicReference<>();
    /** Set while the recorder's own reader works: its calls are not recorded. */
    private static final ThreadLocal<Boolean> READING_IMAGES = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final ExecutionAttribute<Recording> RECORDING = new ExecutionAttribute<>("wifibilling.bench.recording");
    private static final ExecutionAttribute<Optional<Map<String, AttributeValue>>> BEFORE =
            new ExecutionAttribute<>("wifibilling.bench.before");

    /** Made by the SDK, by reflection, for every client it builds. */
    public DynamoDbCallRecorder() {
        // stateless: everything lives in the open Recording
    }

    /**
     * Returns a new recording of the calls to {@code endpoint}; {@code keyAttributes} names each table's key
     * attributes (to read a put item's images by its key). Only one recording is open at a time.
     */
    public static Recording open(URI endpoint, Map<String, List<String>> keyAttributes, boolean images, Consumer<DynamoDbCall> listener) {
        var recording = new Recording(endpoint, keyAttributes, images, listener);
        if (!OPEN.compareAndSet(null, recording)) {
            recording.reader().ifPresent(DynamoDbClient::close);
            throw new IllegalStateException("A recording is already open");
        }
        return recording;
    }

    /** Returns what {@code work} returns, with the DynamoDB calls it makes on this thread left out of any recording. */
    public static <T> T unrecorded(Supplier<T> work) {
        Boolean outer = READING_IMAGES.get();
        READING_IMAGES.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            READING_IMAGES.set(outer);
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Recording recording = OPEN.get();
        if (recording == null || !recording.images || READING_IMAGES.get()) return context.request();
        return switch (context.request()) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case ScanRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            default -> context.request();
        };
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Recording recording = OPEN.get();
        if (recording == null || READING_IMAGES.get() || !recording.targets(context.httpRequest())) return;
        attributes.putAttribute(RECORDING, recording);
        if (recording.images && attributes.getAttribute(BEFORE) == null) {
            attributes.putAttribute(BEFORE, Optional.ofNullable(recording.image(tableOf(context.request()), keyOf(recording, context.request()))));
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Recording recording = attributes.getAttribute(RECORDING);
        if (recording == null) return;
        SdkRequest request = context.request();
        Map<String, AttributeValue> key = keyOf(recording, request);
        Map<String, AttributeValue> before = before(attributes);
        Map<String, AttributeValue> after = switch (request) {
            case PutItemRequest put -> put.item();
            case UpdateItemRequest update -> recording.image(update.tableName(), key);
            default -> null;
        };
        recording.add(call(recording, request, key, before, after, returned(context.response()), null, reported(context.response())));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Recording recording = attributes.getAttribute(RECORDING);
        if (recording == null) return;
        SdkRequest request = context.request();
        Map<String, AttributeValue> before = before(attributes);
        // A failed write changed nothing: the item after is the item before (and a failed condition is still billed).
        recording.add(call(recording, request, keyOf(recording, request), before, before, List.of(),
                context.exception().getClass().getSimpleName(), null));
    }

    private static Map<String, AttributeValue> before(ExecutionAttributes attributes) {
        Optional<Map<String, AttributeValue>> before = attributes.getAttribute(BEFORE);
        return before == null ? null : before.orElse(null);
    }

    private static DynamoDbCall call(Recording recording, SdkRequest request, Map<String, AttributeValue> key,
                                     Map<String, AttributeValue> before, Map<String, AttributeValue> after,
                                     List<Map<String, AttributeValue>> returned, String failure, Double reported) {
        String operation = request.getClass().getSimpleName().replaceFirst("Request$", "");
        String index = request instanceof QueryRequest q ? q.indexName() : request instanceof ScanRequest s ? s.indexName() : null;
        boolean consistent = switch (request) {
            case GetItemRequest r -> Boolean.TRUE.equals(r.consistentRead());
            case QueryRequest r -> Boolean.TRUE.equals(r.consistentRead());
            case ScanRequest r -> Boolean.TRUE.equals(r.consistentRead());
            default -> false;
        };
        return new DynamoDbCall(recording.step, Thread.currentThread().getName(), operation, tableOf(request), index, consistent,
                key, before, after, returned, failure, reported, System.nanoTime());
    }

    private static String tableOf(SdkRequest request) {
        return request.getValueForField("TableName", String.class).orElse(null);
    }

    private static Map<String, AttributeValue> keyOf(Recording recording, SdkRequest request) {
        return switch (request) {
            case GetItemRequest r -> r.key();
            case UpdateItemRequest r -> r.key();
            case DeleteItemRequest r -> r.key();
            case PutItemRequest r -> {
                Map<String, AttributeValue> key = new LinkedHashMap<>();
                recording.keyAttributes.getOrDefault(r.tableName(), List.of()).forEach(name -> {
                    if (r.item().containsKey(name)) key.put(name, r.item().get(name));
                });
                yield key;
            }
            default -> null;
        };
    }

    private static List<Map<String, AttributeValue>> returned(SdkResponse response) {
        return switch (response) {
            case GetItemResponse r -> r.hasItem() ? List.of(r.item()) : List.of();
            case QueryResponse r -> r.items();
            case ScanResponse r -> r.items();
            default -> List.of();
        };
    }

    private static Double reported(SdkResponse response) {
        ConsumedCapacity capacity = switch (response) {
            case GetItemResponse r -> r.consumedCapacity();
            case PutItemResponse r -> r.consumedCapacity();
            case UpdateItemResponse r -> r.consumedCapacity();
            case DeleteItemResponse r -> r.consumedCapacity();
            case QueryResponse r -> r.consumedCapacity();
            case ScanResponse r -> r.consumedCapacity();
            default -> null;
        };
        return capacity == null ? null : capacity.capacityUnits();
    }

    /** The calls recorded since {@link #open}, each tagged with the bench step current when it was made. */
    public static final class Recording implements AutoCloseable {
        private final URI endpoint;
        private final Map<String, List<String>> keyAttributes;
        private final boolean images;
        private final DynamoDbClient reader;
        private final Consumer<DynamoDbCall> listener;
        private final List<DynamoDbCall> calls = new CopyOnWriteArrayList<>();
        private volatile String step = "";

        private Recording(URI endpoint, Map<String, List<String>> keyAttributes, boolean images, Consumer<DynamoDbCall> listener) {
            this.endpoint = endpoint;
            this.keyAttributes = Map.copyOf(keyAttributes);
            this.images = images;
            this.listener = listener;
            this.reader = images ? AwsClients.dynamoDb(new AwsConfig("af-south-1", Optional.of(endpoint), Optional.empty())) : null;
        }

        /** Tags the calls made from now on with {@code name}. */
        public void step(String name) {
            step = name;
        }

        /** Returns every call recorded so far, in the order they ended. */
        public List<DynamoDbCall> calls() {
            return new ArrayList<>(calls);
        }

        /** Forgets the calls recorded so far. */
        public void clear() {
            calls.clear();
        }

        private boolean targets(SdkHttpRequest http) {
            return http.host().equals(endpoint.getHost()) && http.port() == endpoint.getPort();
        }

        private Optional<DynamoDbClient> reader() {
            return Optional.ofNullable(reader);
        }

        /** Returns the item as stored now (strongly consistent), or null; null too without images or a key. */
        private Map<String, AttributeValue> image(String table, Map<String, AttributeValue> key) {
            if (reader == null || table == null || key == null || key.isEmpty()) return null;
            return unrecorded(() -> {
                var response = reader.getItem(r -> r.tableName(table).key(key).consistentRead(true));
                return response.hasItem() ? response.item() : null;
            });
        }

        private void add(DynamoDbCall call) {
            calls.add(call);
            if (listener != null) listener.accept(call);
        }

        @Override
        public void close() {
            OPEN.compareAndSet(this, null);
            if (reader != null) reader.close();
        }
    }
}
