package com.wifibilling.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynaliteExtension.RunningDynalite;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.TestTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** PaymentApi built by its real wiring from an environment, on dynalite, fed API Gateway v2 fixtures. */
@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentApiHandlerTest {
    private final Map<String, String> environment = new HashMap<>();
    private final PaymentApiHandler handler;

    PaymentApiHandlerTest(TestTables tables, RunningDynalite dynalite) {
        var store = new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable"));
        store.create(new TimePackage("ultra", "Ultra", "24 hours", 1440, 20, 20, 300, true, 4));
        store.create(new TimePackage("basic", "Basic", "1 hour", 60, 2, 2, 20, true, 1));
        store.create(new TimePackage("retired", "Retired", "", 30, 1, 1, 10, false, 0));
        environment.putAll(tables.environment());
        environment.putAll(Map.of("AWS_REGION", "af-south-1", "DYNAMODB_ENDPOINT", dynalite.engine().endpoint().toString(),
                "SERVICE_NAME", "payment-api", "ALLOWED_ORIGINS", "https://portal.example.co.ke",
                "PORTAL_BASE_URL", "https://portal.example.co.ke"));
        // Initiate, status, query and claim are driven end to end in local-runtime; these only need the wiring to start.
        environment.putAll(Map.of("SQS_ENDPOINT", "http://127.0.0.1:9", "GATEWAY_COMMANDS_QUEUE_URL", "http://127.0.0.1:9/q/commands",
                "NOTIFICATIONS_QUEUE_URL", "http://127.0.0.1:9/q/notifications",
                "DARAJA_BASE_URL", "https://sandbox.safaricom.co.ke", "DARAJA_CONSUMER_KEY", "key", "DARAJA_CONSUMER_SECRET", "secret",
                "DARAJA_SHORTCODE", "174379", "DARAJA_PASSKEY", "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
                "CALLBACK_BASE_URL", "https://api.example.co.ke", "CALLBACK_TOKEN", "9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3"));
        handler = new PaymentApiHandler(Env.of(environment));
    }

    private static APIGatewayV2HTTPEvent event(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/apigw/" + name);
    }

    @Test
    void packagesListsActivePackagesInOrderWithThePublicFieldsOnly() throws Exception {
        var response = handler.handleRequest(event("packages.json"), null);
        assertEquals(200, response.getStatusCode());
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertTrue(body.has("nextCursor") && body.get("nextCursor").isNull(), "lists always say nextCursor");
        assertEquals(List.of("basic", "ultra"), body.get("items").findValuesAsText("packageId"));
        JsonNode basic = body.get("items").get(0);
        assertEquals(Json.MAPPER.readTree("""
                {"packageId":"basic","name":"Basic","description":"1 hour","durationMinutes":60,
                 "bandwidthMbps":2,"uploadMbps":2,"priceKES":20}"""), basic);
        assertEquals("https://portal.example.co.ke", response.getHeaders().get("Access-Control-Allow-Origin"));
    }

    @Test
    void healthIsOkWithDynamoDbReachable() throws Exception {
        var response = handler.handleRequest(event("health.json"), null);
        assertEquals(200, response.getStatusCode());
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertEquals("ok", body.get("status").asText());
        assertEquals("ok", body.at("/dependencies/dynamodb/status").asText());
        assertTrue(body.get("uptimeSeconds").asLong() >= 0);
        assertTrue(body.get("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"), body.get("version").asText());
    }

    @Test
    void healthIs503AndPackagesIs500WhenDynamoDbIsUnreachable() throws Exception {
        var unreachable = new HashMap<>(environment);
        unreachable.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:9"); // discard port: nothing listens
        var broken = new PaymentApiHandler(Env.of(unreachable));
        var health = broken.handleRequest(event("health.json"), null);
        assertEquals(503, health.getStatusCode());
        assertEquals("down", Json.MAPPER.readTree(health.getBody()).at("/dependencies/dynamodb/status").asText());
        var packages = broken.handleRequest(event("packages.json"), null);
        assertEquals(500, packages.getStatusCode());
        assertEquals("INTERNAL", Json.MAPPER.readTree(packages.getBody()).at("/error/code").asText());
    }
}
