package com.wifibilling.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.payment.SuspiciousCallbacks;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynaliteExtension.RunningDynalite;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.ElasticMqExtension;
import com.wifibilling.core.store.ElasticMqExtension.RunningElasticMq;
import com.wifibilling.core.store.SqsCallbackQueue;
import com.wifibilling.core.store.TestQueues;
import com.wifibilling.core.store.TestTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** PaymentCallback built by its real wiring, on dynalite and ElasticMQ, fed API Gateway v2 fixtures. */
@ExtendWith({DynaliteExtension.class, ElasticMqExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentCallbackHandlerTest {
    private static final String TOKEN = "9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3";
    private final PaymentCallbackHandler handler;
    private final TestQueues queues;
    private final DynamoDbEventStore events;

    PaymentCallbackHandlerTest(TestTables tables, RunningDynalite dynalite, TestQueues queues, RunningElasticMq elasticMq) {
        this.queues = queues;
        this.events = new DynamoDbEventStore(tables.client(), tables.name("EventsTable"));
        handler = new PaymentCallbackHandler(Env.of(Map.of("AWS_REGION", "af-south-1",
                "DYNAMODB_ENDPOINT", dynalite.engine().endpoint().toString(), "SQS_ENDPOINT", elasticMq.engine().endpoint().toString(),
                "SERVICE_NAME", "payment-callback", "CALLBACK_TOKEN", "a1b2c3d4e5f60718293a4b5c6d7e8f90," + TOKEN,
                "PAYMENT_CALLBACKS_QUEUE_URL", queues.url("PaymentCallbacksQueue"), "EVENTS_TABLE", tables.name("EventsTable"))));
    }

    private static APIGatewayV2HTTPEvent event(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/apigw/" + name);
    }

    private List<AuditEvent> anomaliesToday() {
        return events.onDay(BusinessDay.of(Instant.now()), 100, null).items().stream()
                .filter(e -> e.type().equals(SuspiciousCallbacks.EVENT_TYPE)).toList();
    }

    @Test
    void callbackWithAKnownTokenIsQueuedWholeAndAcknowledged() throws Exception {
        var event = event("callback-success.json");
        var response = handler.handleRequest(event, null);
        assertEquals(200, response.getStatusCode());
        assertEquals(Json.MAPPER.readTree("{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}"), Json.MAPPER.readTree(response.getBody()));
        var messages = queues.receive("PaymentCallbacksQueue");
        assertEquals(1, messages.size());
        var queued = SqsCallbackQueue.decode(messages.getFirst().body());
        assertEquals(event.getBody(), queued.body());
        assertEquals("196.201.214.200", queued.sourceIp());
    }

    @Test
    void unknownTokenIs404LikeAnUnknownRouteAndQueuesNothing() throws Exception {
        var response = handler.handleRequest(event("callback-wrong-token.json"), null);
        assertEquals(404, response.getStatusCode());
        assertEquals("ROUTE_NOT_FOUND", Json.MAPPER.readTree(response.getBody()).at("/error/code").asText());
        assertEquals(List.of(), queues.receive("PaymentCallbacksQueue"));
    }

    @Test
    void malformedCallbacksAre400InvalidCallbackRecordedAndNotQueued() throws Exception {
        int before = anomaliesToday().size();
        for (String fixture : List.of("callback-malformed.json", "callback-not-json.json")) {
            var response = handler.handleRequest(event(fixture), null);
            assertEquals(400, response.getStatusCode(), fixture);
            assertEquals("INVALID_CALLBACK", Json.MAPPER.readTree(response.getBody()).at("/error/code").asText(), fixture);
        }
        var oversize = event("callback-success.json");
        oversize.setBody(oversize.getBody().replace("\"The service request", "\"" + "x".repeat(17 * 1024) + " The service request"));
        assertEquals(400, handler.handleRequest(oversize, null).getStatusCode());
        assertEquals(List.of(), queues.receive("PaymentCallbacksQueue"));
        var anomalies = anomaliesToday();
        assertEquals(before + 3, anomalies.size());
        assertTrue(anomalies.stream().allMatch(a -> a.reason().equals("MALFORMED")));
    }
}
