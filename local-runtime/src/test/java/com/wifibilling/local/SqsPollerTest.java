package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.store.AwsClients;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS event source mapping, on ElasticMQ, with templates/sqs-test.yaml: batches delivered as real SQSEvents,
 * partial batch failures honoured only with ReportBatchItemFailures, nothing deleted when the invocation throws,
 * and the queue's redrive policy moving a message that keeps failing to its DLQ.
 */
class SqsPollerTest {
    private static final Duration VISIBILITY = Duration.ofSeconds(1); // the test template's VisibilityTimeout
    private static LocalRuntime runtime;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        runtime = TestRuntimes.start("--template", TestRuntimes.testTemplate("sqs-test.yaml").toString());
        sqs = AwsClients.sqs(new AwsConfig(LocalResources.REGION, Optional.empty(), Optional.of(runtime.sqsEndpoint())));
    }

    @AfterAll
    static void stop() {
        sqs.close();
        runtime.close();
    }

    @Test
    void batchArrivesAsAnSqsEventWithTheFieldsLambdaSets() throws Exception {
        List<String> bodies = IntStream.rangeClosed(1, 7).mapToObj(i -> "ok:batch-" + i).toList();
        sendBatch("ReportingQueue", bodies);
        await(() -> records("ReportingConsumer", "ok:batch-").size() == 7);

        List<SQSEvent> events = events("ReportingConsumer", "ok:batch-");
        assertTrue(events.stream().allMatch(e -> e.getRecords().size() <= 5), "never more than the template's BatchSize");
        assertTrue(events.stream().anyMatch(e -> e.getRecords().size() > 1), "messages waiting together arrive together");
        SQSEvent.SQSMessage record = records("ReportingConsumer", "ok:batch-1").getFirst();
        assertFalse(record.getMessageId().isBlank());
        assertFalse(record.getReceiptHandle().isBlank());
        assertEquals(md5("ok:batch-1"), record.getMd5OfBody());
        assertEquals("aws:sqs", record.getEventSource());
        assertEquals("arn:aws:sqs:af-south-1:000000000000:local-reporting", record.getEventSourceArn());
        assertEquals("af-south-1", record.getAwsRegion());
        assertEquals("1", record.getAttributes().get("ApproximateReceiveCount"));
        assertTrue(Long.parseLong(record.getAttributes().get("SentTimestamp")) > 0);
        assertTrue(Long.parseLong(record.getAttributes().get("ApproximateFirstReceiveTimestamp")) > 0);
        SQSEvent.MessageAttribute lang = record.getMessageAttributes().get("lang");
        assertEquals("String", lang.getDataType());
        assertEquals("sw", lang.getStringValue());
    }

    @Test
    void consumerEnvironmentResolvesTheQueueIntrinsicsForTheLocalStack() {
        sendBatch("ReportingQueue", List.of("ok:env"));
        await(() -> RecordingSqsHandler.ENVIRONMENTS.containsKey("ReportingConsumer"));
        var env = RecordingSqsHandler.ENVIRONMENTS.get("ReportingConsumer");
        assertEquals(runtime.queueUrl("ReportingQueue"), env.require("OWN_QUEUE_URL"));
        assertEquals("arn:aws:sqs:af-south-1:000000000000:local-reporting", env.require("OWN_QUEUE_ARN"));
        assertEquals("local-reporting-dlq", env.require("OWN_DLQ_NAME"));
        assertEquals("test", env.require("STAGE"));
        assertEquals(runtime.sqsEndpoint().toString(), env.require("SQS_ENDPOINT"));
    }

    @Test
    void partialBatchFailureBringsBackOnlyTheFailedMessage() {
        sendBatch("ReportingQueue", List.of("ok:partial-a", "fail-once:partial-b", "ok:partial-c"));
        await(() -> receiveCounts("ReportingConsumer", "fail-once:partial-b").equals(List.of("1", "2")));
        sleep(VISIBILITY.multipliedBy(2)); // long enough for anything not deleted to come back once more
        assertEquals(List.of("1"), receiveCounts("ReportingConsumer", "ok:partial-a"));
        assertEquals(List.of("1"), receiveCounts("ReportingConsumer", "ok:partial-c"));
        assertEquals(List.of("1", "2"), receiveCounts("ReportingConsumer", "fail-once:partial-b"), "deleted once it succeeded");
    }

    @Test
    void messageThatKeepsFailingLandsInTheDlqAfterMaxReceiveCount() {
        sendBatch("ReportingQueue", List.of("fail:poison"));
        String dlq = runtime.queueUrl("ReportingDlq");
        List<Message> deadLetters = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (deadLetters.isEmpty() && System.nanoTime() < deadline)
            deadLetters = sqs.receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1)).messages();
        assertEquals(List.of("fail:poison"), deadLetters.stream().map(Message::body).toList());
        assertEquals(List.of("1", "2"), receiveCounts("ReportingConsumer", "fail:poison"), "maxReceiveCount is 2");
    }

    @Test
    void withoutReportBatchItemFailuresASuccessfulInvocationDeletesTheWholeBatch() {
        sendBatch("PlainQueue", List.of("fail-once:plain-a", "ok:plain-b"));
        await(() -> records("PlainConsumer", "ok:plain-b").size() == 1 && records("PlainConsumer", "fail-once:plain-a").size() == 1);
        sleep(VISIBILITY.multipliedBy(3));
        assertEquals(List.of("1"), receiveCounts("PlainConsumer", "fail-once:plain-a"), "the failure list is ignored without the switch");
    }

    @Test
    void invocationThatThrowsDeletesNothingFromItsBatch() {
        sendBatch("PlainQueue", List.of("throw-once:thrown-a", "ok:thrown-b"));
        await(() -> receiveCounts("PlainConsumer", "throw-once:thrown-a").equals(List.of("1", "2")));
        sleep(VISIBILITY.multipliedBy(2));
        boolean sharedTheThrowingBatch = events("PlainConsumer", "throw-once:thrown-a").getFirst().getRecords().stream()
                .anyMatch(m -> m.getBody().equals("ok:thrown-b"));
        assertEquals(sharedTheThrowingBatch ? List.of("1", "2") : List.of("1"), receiveCounts("PlainConsumer", "ok:thrown-b"),
                "every message of the failed invocation comes back, and only once it succeeds is it gone");
    }

    // ------------------------------------------------------------------ helpers

    private static void sendBatch(String queue, List<String> bodies) {
        List<SendMessageBatchRequestEntry> entries = IntStream.range(0, bodies.size()).mapToObj(i -> SendMessageBatchRequestEntry.builder()
                .id("m" + i).messageBody(bodies.get(i))
                .messageAttributes(Map.of("lang", MessageAttributeValue.builder().dataType("String").stringValue("sw").build()))
                .build()).toList();
        var result = sqs.sendMessageBatch(r -> r.queueUrl(runtime.queueUrl(queue)).entries(entries));
        assertEquals(List.of(), result.failed());
    }

    /** Returns the events delivered to {@code function} that hold a message whose body starts with {@code prefix}. */
    private static List<SQSEvent> events(String function, String prefix) {
        return RecordingSqsHandler.DELIVERIES.stream().filter(d -> d.function().equals(function)).map(RecordingSqsHandler.Delivery::event)
                .filter(e -> e.getRecords().stream().anyMatch(m -> m.getBody().startsWith(prefix))).toList();
    }

    private static List<SQSEvent.SQSMessage> records(String function, String prefix) {
        return RecordingSqsHandler.DELIVERIES.stream().filter(d -> d.function().equals(function))
                .flatMap(d -> d.event().getRecords().stream()).filter(m -> m.getBody().startsWith(prefix)).toList();
    }

    private static List<String> receiveCounts(String function, String body) {
        return records(function, body).stream().filter(m -> m.getBody().equals(body))
                .map(m -> m.getAttributes().get("ApproximateReceiveCount")).toList();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 20 s; deliveries: " + RecordingSqsHandler.DELIVERIES.size());
            sleep(Duration.ofMillis(50));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String md5(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
    }
}
