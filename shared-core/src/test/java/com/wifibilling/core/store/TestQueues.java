package com.wifibilling.core.store;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Every queue template.yaml declares, created on ElasticMQ under a fresh prefix (as a stack name). */
public final class TestQueues {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoPaths.template());
    private final SqsClient sqs;
    private final Map<String, String> urls;

    private TestQueues(SqsClient sqs, Map<String, String> urls) {
        this.sqs = sqs;
        this.urls = Map.copyOf(urls);
    }

    static TestQueues createAll(SqsClient sqs) {
        String stack = "q" + ProcessHandle.current().pid() + "x" + COUNTER.incrementAndGet();
        SamTemplate.Bindings bindings = new SamTemplate.Bindings() {
            @Override
            public String ref(String name) {
                if (name.equals("AWS::StackName")) return stack;
                throw new IllegalArgumentException("Queues may only refer to the stack name, not " + name);
            }
            @Override
            public String getAtt(String resource, String attribute) {
                throw new IllegalArgumentException("Queue names may not use GetAtt");
            }
        };
        Map<String, String> names = new LinkedHashMap<>();
        TEMPLATE.queues().forEach(q -> names.put(q.logicalId(), SamTemplate.resolve(q.queueName(), bindings)));
        return new TestQueues(sqs, SqsQueues.create(sqs, TEMPLATE, names::get, id -> "arn:aws:sqs:" + ElasticMqExtension.REGION
                + ":" + ElasticMqExtension.ACCOUNT_ID + ":" + names.get(id)));
    }

    /** Returns the URL of a queue by logical id, e.g. {@code "PaymentCallbacksQueue"}. */
    public String url(String logicalId) {
        String url = urls.get(logicalId);
        if (url == null) throw new IllegalArgumentException("template.yaml has no queue " + logicalId);
        return url;
    }

    public SqsClient client() {
        return sqs;
    }

    /** Returns up to ten messages now on the queue (with their receive counts), leaving them invisible for 30 s. */
    public List<Message> receive(String logicalId) {
        return sqs.receiveMessage(r -> r.queueUrl(url(logicalId)).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                .messageAttributeNames("All")).messages();
    }
}
