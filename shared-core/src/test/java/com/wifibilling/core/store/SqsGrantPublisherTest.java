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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The publish step's adapter on ElasticMQ (the SQS API, in process), read back as a consumer would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqsGrantPublisherTest {
    private static final Instant AT = Instant.parse("2026-11-23T12:01:02Z");
    private SQSRestServer server;
    private SqsClient sqs;
    private GrantQueuesConfig queues;
    private SqsGrantPublisher publisher;

    @BeforeAll
    void startElasticMq() {
        server = SQSRestServerBuilder.withPort(0).withInterface("127.0.0.1").start();
        int port = server.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder().region(Region.AF_SOUTH_1).endpointOverride(URI.create("http://127.0.0.1:" + port))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        queues = new GrantQueuesConfig(sqs.createQueue(r -> r.queueName("gateway-commands")).queueUrl(),
                sqs.createQueue(r -> r.queueName("notifications")).queueUrl());
        publisher = new SqsGrantPublisher(sqs, queues);
    }

    @AfterAll
    void stopElasticMq() {
        sqs.close();
        server.stopAndWait();
    }

    @Test
    void gatewayCommandGoesToGatewayCommandsAsTheContractsJsonWithItsTypeAttribute() {
        var command = new GatewayCommand("0f6c-1", CommandType.UPDATE, CommandReason.PAYMENT, "gw-nairobi-01#AA:BB:CC:DD:EE:01",
                "9f1c2d3e-1", 7, Instant.parse("2026-11-23T14:00:00Z"), AT);
        publisher.publish(command);

        Message message = receiveOne(queues.gatewayCommandsUrl());
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

        Message message = receiveOne(queues.notificationsUrl());
        assertEquals(Map.of("grantId", "tx-42", "phone", "254712345678", "lang", "sw", "accessCode", "HS7K2M9Q4BX",
                "packageName", "1 hour", "expiresAt", "2026-11-23T13:00:00Z", "requestedAt", "2026-11-23T12:01:02Z"), json(message.body()));
        assertEquals("grant-receipt", message.messageAttributes().get("type").stringValue());
    }

    @Test
    void aQueueThatIsNotThereFailsThePublishRatherThanLosingIt() {
        String gone = sqs.createQueue(r -> r.queueName("deleted-commands")).queueUrl();
        sqs.deleteQueue(r -> r.queueUrl(gone));
        var broken = new SqsGrantPublisher(sqs, new GrantQueuesConfig(gone, queues.notificationsUrl()));
        assertThrows(SdkException.class, () -> broken.publish(new GatewayCommand("c-2", CommandType.AUTHORIZE, CommandReason.VOUCHER,
                "gw#AA:BB:CC:DD:EE:02", "s-2", 1, AT, AT)));
    }

    private Message receiveOne(String queueUrl) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2)
                .messageAttributeNames("All")).messages();
        assertEquals(1, messages.size());
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(messages.getFirst().receiptHandle()));
        return messages.getFirst();
    }

    private static Map<String, Object> json(String body) {
        try {
            return Json.MAPPER.readValue(body, new TypeReference<>() {});
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
