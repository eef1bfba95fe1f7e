package com.wifibilling.core.payment;

/**
 * The {@code payment-callbacks} queue (DESIGN §2): the callback endpoint only validates, enqueues and answers
 * Daraja; the processor grants from the queue, with retries and a dead-letter queue behind it.
 */
public interface CallbackQueue {
    /** Puts the callback on the queue; a failure propagates, so the endpoint answers 503 (the sweeper recovers). */
    void enqueue(ReceivedCallback callback);
}
