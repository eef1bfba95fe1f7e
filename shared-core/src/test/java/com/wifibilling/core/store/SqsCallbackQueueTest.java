package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.payment.ReceivedCallback;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticMqExtension.class)
class SqsCallbackQueueTest {
    private static final String BODY = "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_191220191020363925\",\"ResultCode\":0}}}";

    @Test
    void enqueuedCallbackArrivesOnThePaymentCallbacksQueueWhole(TestQueues queues) {
        var received = new ReceivedCallback(BODY, Instant.parse("2026-11-25T10:15:30.123Z"), "196.201.214.200", "req-1");
        new SqsCallbackQueue(queues.client(), queues.url("PaymentCallbacksQueue")).enqueue(received);
        var messages = queues.receive("PaymentCallbacksQueue");
        assertEquals(1, messages.size());
        assertEquals(received, SqsCallbackQueue.decode(messages.getFirst().body()));
    }

    @Test
    void messagesWeDidNotWriteAreRefused() {
        for (String junk : new String[] {"", "[]", "{}", "{\"body\":1}", "{\"body\":\"x\",\"receivedAt\":\"yesterday\"}", "not json"})
            assertThrows(IllegalArgumentException.class, () -> SqsCallbackQueue.decode(junk), junk);
    }

    @Test
    void printingACallbackNeverShowsItsBody() {
        assertFalse(new ReceivedCallback(BODY, Instant.EPOCH, null, null).toString().contains("stkCallback"));
    }
}
