package com.wifibilling.core.http;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.wifibilling.core.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop every SQS handler runs (STYLE §10): each message on its own, a message that must come back (its
 * handler said so, or threw) reported as a batch item failure so SQS redelivers only it, metrics flushed whatever
 * happens. Needs {@code FunctionResponseTypes: [ReportBatchItemFailures]} on the event source in template.yaml.
 */
public final class SqsBatches {
    private static final Logger log = LoggerFactory.getLogger(SqsBatches.class);

    /** Handles one message; returns true when SQS should deliver it again. */
    @FunctionalInterface
    public interface MessageHandler {
        boolean retry(SQSEvent.SQSMessage message);
    }

    private SqsBatches() {}

    /** Returns the batch's answer after handling every message; {@code failureEvent} names the log line of a throw. */
    public static SQSBatchResponse handle(SQSEvent event, Metrics metrics, String failureEvent, MessageHandler handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                try {
                    if (handler.retry(message)) failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                } catch (RuntimeException e) {
                    log.atError().setCause(e).addKeyValue("messageId", message.getMessageId()).log(failureEvent);
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
        } finally {
            metrics.flush();
        }
        return new SQSBatchResponse(failures);
    }
}
