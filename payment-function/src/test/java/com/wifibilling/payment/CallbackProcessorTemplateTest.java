package com.wifibilling.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackProcessorTemplateTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoPaths.template());
    private static final SamTemplate.FunctionSpec SPEC = TEMPLATE.functions().stream()
            .filter(f -> f.logicalId().equals("CallbackProcessor")).findFirst().orElseThrow();

    @Test
    void templateNamesThisHandlerAndConsumesPaymentCallbacksWithPartialBatchFailures() {
        assertEquals(CallbackProcessorHandler.class.getName(), SPEC.handlerClass());
        assertEquals(List.of(new SamTemplate.SqsSource("PaymentCallbacksQueue", 10, true)), SPEC.queues());
        assertEquals(30, SPEC.timeoutSeconds());
        assertTrue(SPEC.routes().isEmpty(), "no HTTP route: only SQS invokes it");
    }

    @Test
    void paymentCallbacksQueueHasADeadLetterQueueAboveTheUnknownCheckoutReceives() {
        SamTemplate.QueueSpec queue = TEMPLATE.queues().stream().filter(q -> q.logicalId().equals("PaymentCallbacksQueue")).findFirst().orElseThrow();
        assertTrue(queue.deadLetterQueue().isPresent());
        assertTrue(queue.maxReceiveCount() > com.wifibilling.core.payment.CallbackProcessor.UNKNOWN_CHECKOUT_RECEIVES);
        assertTrue(queue.visibilityTimeoutSeconds() >= 6 * SPEC.timeoutSeconds(), "AWS advises six times the function timeout");
    }
}
