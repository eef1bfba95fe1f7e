package com.wifibilling.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.wifibilling.core.config.Env;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SQS consumer of templates/sqs-test.yaml: records every batch it is given and answers by each body's
 * prefix — {@code ok:} succeeds, {@code fail:} is reported failed every time, {@code fail-once:} only on its
 * first receive, {@code throw-once:} makes the whole invocation throw on its first receive.
 */
public final class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    record Delivery(String function, SQSEvent event) {}

    static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();
    static final Map<String, Env> ENVIRONMENTS = new ConcurrentHashMap<>();

    public RecordingSqsHandler(Env env) {
        ENVIRONMENTS.put(env.require("AWS_LAMBDA_FUNCTION_NAME"), env);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        DELIVERIES.add(new Delivery(context.getFunctionName(), batch));
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : batch.getRecords()) {
            boolean firstReceive = "1".equals(message.getAttributes().get("ApproximateReceiveCount"));
            String body = message.getBody();
            if (body.startsWith("throw-once:") && firstReceive) throw new IllegalStateException("poison batch");
            if (body.startsWith("fail:") || body.startsWith("fail-once:") && firstReceive)
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        }
        return new SQSBatchResponse(failures);
    }
}
