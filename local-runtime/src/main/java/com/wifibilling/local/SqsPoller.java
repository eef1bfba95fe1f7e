package com.wifibilling.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.wifibilling.core.config.SamTemplate.SqsSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Plays Lambda's SQS event source mapping for one function and queue, with {@value #CONCURRENT_BATCHES} pollers
 * like Lambda's first scale step: each receives up to the template's BatchSize,
 * delivers the batch as a real {@link SQSEvent} to the function, then deletes what succeeded. With
 * {@code ReportBatchItemFailures} only the messages not listed as failures are deleted; without it a successful
 * invocation deletes the whole batch (the list is ignored, as in AWS); an invocation that throws or times out
 * deletes nothing. Messages not deleted come back after the queue's visibility timeout, and ElasticMQ moves them
 * to the dead-letter queue after maxReceiveCount receives, from the queue's redrive policy.
 */
final class SqsPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqsPoller.class);
    /** Short long-polls: a stop never waits more than this for an idle receive. */
    private static final int WAIT_SECONDS = 1;
    private static final int SQS_MAX_PER_RECEIVE = 10;
    /**
     * Lambda's SQS event source starts with five concurrent pollers, each delivering its own batch (and scales up
     * from there); with one, a burst of callbacks would queue behind each other's batches, which AWS never does.
     */
    static final int CONCURRENT_BATCHES = 5;

    private final SqsClient sqs;
    private final FunctionHost function;
    private final SqsSource source;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private volatile boolean running = true;
    private final List<Thread> threads = new ArrayList<>();

    private SqsPoller(SqsClient sqs, FunctionHost function, SqsSource source, String queueUrl, String queueArn, String region) {
        this.sqs = sqs;
        this.function = function;
        this.source = source;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        for (int i = 0; i < CONCURRENT_BATCHES; i++)
            threads.add(Thread.ofVirtual().name("sqs-" + function.name() + "-" + source.queue() + "-" + i).unstarted(this::run));
    }

    static SqsPoller start(SqsClient sqs, FunctionHost function, SqsSource source, LocalResources resources) {
        var poller = new SqsPoller(sqs, function, source, resources.queueUrl(source.queue()), resources.queueArn(source.queue()),
                LocalResources.REGION);
        poller.threads.forEach(Thread::start);
        return poller;
    }

    private void run() {
        while (running) {
            try {
                List<Message> batch = receiveBatch();
                if (!batch.isEmpty()) deliver(batch);
            } catch (RuntimeException e) {
                if (!running) return; // ElasticMQ is stopping under us
                log.atWarn().addKeyValue("function", function.name()).addKeyValue("queue", source.queue())
                        .setCause(e).log("local.sqs.poll.failed");
                pause();
            }
        }
    }

    /** Returns up to BatchSize messages: one long-poll, then quick receives to fill the batch from what is waiting. */
    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>(receive(WAIT_SECONDS, Math.min(source.batchSize(), SQS_MAX_PER_RECEIVE)));
        while (!batch.isEmpty() && batch.size() < source.batchSize() && running) {
            List<Message> more = receive(0, Math.min(source.batchSize() - batch.size(), SQS_MAX_PER_RECEIVE));
            if (more.isEmpty()) break;
            batch.addAll(more);
        }
        return batch;
    }

    private List<Message> receive(int waitSeconds, int max) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    private void deliver(List<Message> batch) {
        Object answer;
        try {
            answer = function.invoke(event(batch));
        } catch (FunctionHost.InvocationFailure e) {
            return; // nothing deleted: the whole batch comes back after the visibility timeout
        }
        Set<String> failed = source.reportsBatchItemFailures() ? failedIds(answer, batch) : Set.of();
        List<Message> done = batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
        delete(done);
        if (!failed.isEmpty())
            log.atInfo().addKeyValue("function", function.name()).addKeyValue("failed", failed.size())
                    .addKeyValue("deleted", done.size()).log("local.sqs.partial-batch");
    }

    /**
     * Returns the ids to keep. An item identifier that is empty or not in the batch makes Lambda treat the whole
     * batch as failed, so it does here too.
     */
    private Set<String> failedIds(Object answer, List<Message> batch) {
        if (!(answer instanceof SQSBatchResponse response) || response.getBatchItemFailures() == null) return Set.of();
        Set<String> inBatch = new HashSet<>();
        batch.forEach(m -> inBatch.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || !inBatch.contains(id)) {
                log.atWarn().addKeyValue("function", function.name()).log("local.sqs.invalid-item-identifier: whole batch kept");
                return inBatch;
            }
            failed.add(id);
        }
        return failed;
    }

    private void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += SQS_MAX_PER_RECEIVE) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + SQS_MAX_PER_RECEIVE));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++)
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(chunk.get(i).receiptHandle()).build());
            var result = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (!result.failed().isEmpty())
                log.atWarn().addKeyValue("queue", source.queue()).addKeyValue("failed", result.failed().size()).log("local.sqs.delete.failed");
        }
    }

    /** Returns the batch as Lambda delivers it (aws-lambda-java-events' SQSEvent, records in receive order). */
    SQSEvent event(List<Message> batch) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : batch) {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(region);
            Map<String, String> attributes = new LinkedHashMap<>();
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            Map<String, SQSEvent.MessageAttribute> messageAttributes = new LinkedHashMap<>();
            message.messageAttributes().forEach((name, value) -> messageAttributes.put(name, attribute(value)));
            record.setMessageAttributes(messageAttributes);
            records.add(record);
        }
        var event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        var attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        if (value.binaryValue() != null) attribute.setBinaryValue(value.binaryValue().asByteBuffer());
        attribute.setStringListValues(value.stringListValues());
        attribute.setBinaryListValues(value.binaryListValues().stream().map(b -> b.asByteBuffer()).toList());
        return attribute;
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops receiving and waits for the batches in hand to finish (their function's Timeout at most). */
    @Override
    public void close() {
        running = false;
        try {
            for (Thread thread : threads) {
                if (!thread.join(java.time.Duration.ofSeconds(WAIT_SECONDS + 2L))) {
                    thread.interrupt();
                    thread.join(java.time.Duration.ofSeconds(function.spec().timeoutSeconds()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
