package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.wifibilling.core.config.GrantQueuesConfig;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.session.CommandReason;
import com.wifibilling.core.session.CommandType;
import com.wifibilling.core.session.GatewayCommand;
import com.wifibilling.core.session.SmsReceipt;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.Message;

/** The publish step's adapter on ElasticMQ (the SQS API, in process), read back as a consumer would. */
@ExtendWith(ElasticMqExtension.class)
class SqsGrantPublisherTest {
    private static final Instant AT = Instant.parse("2026-11-23T12:01:02Z");
    private final TestQueues queues;
    private final SqsGrantPublisher publisher;

    SqsGrantPublisherTest(TestQueues queues) {
        this.queues = queues;
        this.publisher = new SqsGrantPublisher(queues.client(),
                new GrantQueuesConfig(queues.url("GatewayCommandsQueue"), queues.url("NotificationsQueue")));
    }

    @Test
    void gatewayCommandGoesToGatewayCommandsAsTheContractsJsonWithItsTypeAttribute() {
        var command = new GatewayCommand("0f6c-1", CommandType.UPDATE, CommandReason.PAYMENT, "gw-nairobi-01#AA:BB:CC:DD:EE:01",
                "9f1c2d3e-1", 7, Instant.parse("2026-11-23T14:00:00Z"), AT);
        publisher.publish(command);

        Message message = only(queues.receive("GatewayCommandsQueue"));
        assertEquals(Map.of("commandId", "0f6c-1", "type", "update", "reason", "payment", "deviceKey", "gw-nairobi-01#AA:BB:CC:DD:EE:01",
                "sessionId", "9f1c2d3e-1", "version", 7, "expiresAt", "2026-11-23T14:00:00Z", "requestedAt", "2026-11-23T12:01:02Z"),
                json(message.body()));
        assertEquals("update", message.messageAttributes().get("type").stringValue());
        assertEquals(command, Json.MAPPER.convertValue(json(message.body()), GatewayCommand.class), "a consumer reads it back");
    }

    @Test
    void smsReceiptGoesToNotificationsWithWhatTheSenderNeeds() {
        publisher.publish(new SmsReceipt("tx-42", "254712345678", "sw", "HS7K2M9Q4BX", "1 hour",
                Instant.parse("2026-11-23T13:00:00Z"), AT));

        Message message = only(queues.receive("NotificationsQueue"));
        assertEquals(Map.of("grantId", "tx-42", "phone", "254712345678", "lang", "sw", "accessCode", "HS7K2M9Q4BX",
                "packageName", "1 hour", "expiresAt", "2026-11-23T13:00:00Z", "requestedAt", "2026-11-23T12:01:02Z"), json(message.body()));
        assertEquals("grant-receipt", message.messageAttributes().get("type").stringValue());
    }

    @Test
    void aQueueThatIsNotThereFailsThePublishRatherThanLosingIt() {
        String gone = queues.client().createQueue(r -> r.queueName("deleted-commands-" + System.nanoTime())).queueUrl();
        queues.client().deleteQueue(r -> r.queueUrl(gone));
        var broken = new SqsGrantPublisher(queues.client(), new GrantQueuesConfig(gone, queues.url("NotificationsQueue")));
        assertThrows(SdkException.class, () -> broken.publish(new GatewayCommand("c-2", CommandType.AUTHORIZE, CommandReason.VOUCHER,
                "gw#AA:BB:CC:DD:EE:02", "s-2", 1, AT, AT)));
    }

    private static Message only(List<Message> messages) {
        assertEquals(1, messages.size());
        return messages.getFirst();
    }

    private static Map<String, Object> json(String body) {
        try {
            return Json.MAPPER.readValue(body, new TypeReference<>() {});
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
