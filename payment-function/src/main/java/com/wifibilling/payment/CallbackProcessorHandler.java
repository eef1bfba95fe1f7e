package com.wifibilling.payment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.SqsBatches;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.payment.CallbackProcessor;
import com.wifibilling.core.store.SqsCallbackQueue;

/**
 * CallbackProcessor (DESIGN §2): consumes {@code payment-callbacks} in batches and applies contracts/daraja.md
 * §4.3 to each message on its own (STYLE §10): a message that must be retried (an unknown checkout before its
 * 3rd receive) or that failed is reported as a batch item failure, so SQS redelivers only it, and after 5
 * receives moves it to the dead-letter queue. Metrics are flushed whatever happens.
 */
public final class CallbackProcessorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final CallbackProcessor processor;
    private final Metrics metrics;

    /** Lambda: reads the process environment once, at INIT. */
    public CallbackProcessorHandler() {
        this(Env.system());
    }

    /** local-runtime: this function's environment from template.yaml. */
    public CallbackProcessorHandler(Env env) {
        this(ProcessorWiring.from(env));
    }

    /** Tests: real parts in. */
    CallbackProcessorHandler(ProcessorWiring wiring) {
        this.processor = wiring.processor();
        this.metrics = wiring.metrics();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.handle(event, metrics, "payment.callback.processing-failed", message ->
                processor.process(SqsCallbackQueue.decode(message.getBody()), receiveCount(message)) == CallbackProcessor.Outcome.RETRY);
    }

    /** Returns SQS's {@code ApproximateReceiveCount} (1 on the first delivery; 1 when absent or unreadable). */
    static int receiveCount(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
