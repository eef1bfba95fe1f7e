package com.wifibilling.core.store;

import com.wifibilling.core.http.Json;
import com.wifibilling.core.voucher.VoucherBatchQueue;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queues a large voucher batch for the background worker: the body is {@code {"batchId":"…"}}, nothing else. */
public final class SqsVoucherBatchQueue implements VoucherBatchQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsVoucherBatchQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(String batchId) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(Json.write(Map.of("batchId", batchId))));
    }
}
