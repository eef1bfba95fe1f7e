package com.wifibilling.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JacksonException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.http.SqsBatches;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.voucher.VoucherBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VoucherBatches (the auth/vouchers issue): makes the codes of large orders in the background, one queued batch
 * per message. A run that fails is reported as a batch item failure and redelivered; the next run counts what is
 * stored and makes only the rest, so nothing is made twice. An unreadable message is dropped after logging: it
 * can never succeed.
 */
public final class VoucherBatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger log = LoggerFactory.getLogger(VoucherBatchHandler.class);

    private final VoucherBatches batches;
    private final Metrics metrics;

    /** Lambda: reads the process environment once, at INIT. */
    public VoucherBatchHandler() {
        this(Env.system());
    }

    /** local-runtime: this function's environment from template.yaml. */
    public VoucherBatchHandler(Env env) {
        this(env, Metrics.forService(env.require("SERVICE_NAME")));
    }

    private VoucherBatchHandler(Env env, Metrics metrics) {
        this(AdminWiring.batchWorker(env, metrics), metrics);
    }

    VoucherBatchHandler(VoucherBatches batches, Metrics metrics) {
        this.batches = batches;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.handle(event, metrics, "vouchers.batch-failed", message -> {
            String batchId;
            try {
                batchId = Json.MAPPER.readTree(message.getBody()).path("batchId").asText("");
            } catch (JacksonException unreadable) {
                log.atError().addKeyValue("messageId", message.getMessageId()).log("vouchers.batch-message-unreadable");
                return false; // it can never succeed: dropped, not retried
            }
            batches.runQueued(batchId);
            return false;
        });
    }
}
