package com.wifibilling.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.payment.CallbackQueue;
import com.wifibilling.core.payment.ReceivedCallback;
import java.io.IOException;
import java.time.Instant;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The {@code payment-callbacks} queue on SQS. A message is one JSON object: the raw callback body as a string,
 * {@code receivedAt}, {@code sourceIp} and {@code requestId}; {@link #decode} reads it back for the processor.
 */
public final class SqsCallbackQueue implements CallbackQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsCallbackQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(ReceivedCallback callback) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(encode(callback)));
    }

    static String encode(ReceivedCallback callback) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("body", callback.body());
        message.put("receivedAt", callback.receivedAt().toString());
        message.put("sourceIp", callback.sourceIp());
        message.put("requestId", callback.requestId());
        return Json.write(message);
    }

    /** Returns the callback a queue message carries; a message we did not write is an IllegalArgumentException. */
    public static ReceivedCallback decode(String messageBody) {
        try {
            JsonNode message = Json.MAPPER.readTree(messageBody);
            if (message == null || !message.path("body").isTextual() || !message.path("receivedAt").isTextual())
                throw new IllegalArgumentException("Not a payment-callbacks message");
            return new ReceivedCallback(message.get("body").asText(), Instant.parse(message.get("receivedAt").asText()),
                    message.path("sourceIp").isTextual() ? message.get("sourceIp").asText() : null,
                    message.path("requestId").isTextual() ? message.get("requestId").asText() : null);
        } catch (IOException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Not a payment-callbacks message", e);
        }
    }
}
