package com.wifibilling.core.voucher;

/** Hands a large batch to the background worker (an SQS queue in AWS and locally). */
public interface VoucherBatchQueue {
    void enqueue(String batchId);
}
