package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local runtime starts the Daraja simulator (contracts/daraja.md §10) and hands every function the settings
 * that point the payment code at it: pushing with exactly those values works, and the callback reaches the API.
 */
class LocalRuntimeDarajaTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = TestRuntimes.start("--daraja-time-scale", "0.01");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void bannerPrintsTheSimulatorsUrl() {
        URI simulator = runtime.darajaBaseUri();
        assertEquals("127.0.0.1", simulator.getHost());
        assertTrue(simulator.getPort() > 0 && simulator.getPort() != runtime.port(), "a port of its own");
        assertTrue(Banner.text(runtime).contains("\n  Daraja (simulator)  http://127.0.0.1:" + simulator.getPort() + "\n"),
                Banner.text(runtime));
    }

    @Test
    void everyFunctionGetsTheLocalDarajaSettings() {
        for (SamTemplate.FunctionSpec function : SamTemplate.load(RepoPaths.template()).functions()) {
            Env env = runtime.functionEnvironment(function.logicalId());
            assertEquals(runtime.darajaBaseUri().toString(), env.require("DARAJA_BASE_URL"), function.logicalId());
            assertEquals("174379", env.require("DARAJA_SHORTCODE"));
            assertEquals("bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919", env.require("DARAJA_PASSKEY"));
            assertEquals("CustomerPayBillOnline", env.require("DARAJA_TRANSACTION_TYPE"));
            assertEquals(runtime.baseUri().toString(), env.require("CALLBACK_BASE_URL"));
            assertEquals(runtime.secrets().get(LocalSecrets.CALLBACK_TOKEN), env.require("CALLBACK_TOKEN"));
            assertFalse(env.require("DARAJA_CONSUMER_KEY").isBlank());
            assertFalse(env.require("DARAJA_CONSUMER_SECRET").isBlank());
        }
    }

    @Test
    void theTimeScaleOptionReachesTheSimulator() throws Exception {
        JsonNode config = json(send(HttpRequest.newBuilder(runtime.darajaBaseUri().resolve("/simulator/config")).GET()));
        assertEquals(0.01, config.get("timeScale").asDouble());
    }

    @Test
    void aPushMadeFromAFunctionsEnvironmentIsAcceptedAndItsCallbackReachesTheLocalApi() throws Exception {
        Env env = runtime.functionEnvironment("PaymentApi");
        String credentials = env.require("DARAJA_CONSUMER_KEY") + ":" + env.require("DARAJA_CONSUMER_SECRET");
        HttpResponse<String> oauth = send(HttpRequest.newBuilder(URI.create(env.require("DARAJA_BASE_URL")
                        + "/oauth/v1/generate?grant_type=client_credentials"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).GET());
        assertEquals(200, oauth.statusCode(), oauth.body());
        String token = json(oauth).get("access_token").asText();

        String timestamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(ZonedDateTime.now(BusinessDay.ZONE));
        String shortcode = env.require("DARAJA_SHORTCODE");
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("BusinessShortCode", shortcode);
        push.put("Password", Base64.getEncoder().encodeToString((shortcode + env.require("DARAJA_PASSKEY") + timestamp)
                .getBytes(StandardCharsets.US_ASCII)));
        push.put("Timestamp", timestamp);
        push.put("TransactionType", env.require("DARAJA_TRANSACTION_TYPE"));
        push.put("Amount", "20");
        push.put("PartyA", "254708374149");
        push.put("PartyB", shortcode);
        push.put("PhoneNumber", "254708374149");
        push.put("CallBackURL", env.require("CALLBACK_BASE_URL") + "/api/payment/callback/" + env.require("CALLBACK_TOKEN"));
        push.put("AccountReference", "HS7Q2K9XA1");
        push.put("TransactionDesc", "WiFi 1 hour");
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(env.require("DARAJA_BASE_URL") + "/mpesa/stkpush/v1/processrequest"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(push))));
        assertEquals(200, accepted.statusCode(), accepted.body());

        URI detail = runtime.darajaBaseUri().resolve("/simulator/checkouts/" + json(accepted).get("CheckoutRequestID").asText());
        Instant end = Instant.now().plusSeconds(10);
        JsonNode callbacks = json(send(HttpRequest.newBuilder(detail).GET())).get("callbacks");
        while (callbacks.isEmpty() && Instant.now().isBefore(end)) {
            Thread.sleep(20);
            callbacks = json(send(HttpRequest.newBuilder(detail).GET())).get("callbacks");
        }
        assertEquals(1, callbacks.size(), "one callback, at 1 s x 0.01");
        JsonNode delivery = callbacks.get(0);
        assertFalse(delivery.has("error"), "the local API answered: " + delivery);
        int status = delivery.get("httpStatus").asInt();
        assertTrue(status >= 200 && status < 500, "an answer from the API's own routing, not a failure: " + status);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }
}
