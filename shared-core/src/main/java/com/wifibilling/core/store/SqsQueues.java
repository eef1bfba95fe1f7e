package com.wifibilling.core.store;

import com.wifibilling.core.config.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates every queue of template.yaml with the template's visibility timeout and redrive policy (dead-letter
 * queue and maxReceiveCount), so a message that keeps failing moves to its DLQ exactly as in AWS: for the local
 * runtime and the queue tests. Dead-letter queues are created first: a redrive policy must name an existing queue.
 */
public final class SqsQueues {
    private SqsQueues() {}

    /**
     * Returns logical id → queue URL; {@code nameOf} and {@code arnOf} give a queue's name and ARN for this stack.
     * Creating an existing queue with the same attributes is a no-op in SQS.
     */
    public static Map<String, String> create(SqsClient sqs, SamTemplate template, Function<String, String> nameOf,
                                             Function<String, String> arnOf) {
        List<SamTemplate.QueueSpec> ordered = new ArrayList<>();
        template.queues().stream().filter(q -> q.deadLetterQueue().isEmpty()).forEach(ordered::add);
        template.queues().stream().filter(q -> q.deadLetterQueue().isPresent()).forEach(ordered::add);
        Map<String, String> urls = new LinkedHashMap<>();
        for (SamTemplate.QueueSpec queue : ordered) {
            Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()));
            queue.deadLetterQueue().ifPresent(dlq -> attributes.put(QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + arnOf.apply(dlq) + "\",\"maxReceiveCount\":" + queue.maxReceiveCount() + "}"));
            String name = nameOf.apply(queue.logicalId());
            urls.put(queue.logicalId(), sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl());
        }
        return urls;
    }
}
