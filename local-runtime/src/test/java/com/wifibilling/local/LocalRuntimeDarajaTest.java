package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaConfig;
import com.wifibilling.core.daraja.DarajaException;
import com.wifibilling.core.daraja.QueryOutcome;
import com.wifibilling.core.daraja.StkPushRequest;
import com.wifibilling.core.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The local runtime starts the Daraja simulator (contracts/daraja.md §10) and hands every function the settings
 * that point the payment code at it: pushing with exactly those values works, the callback reaches the API's
 * PaymentCallback, and the real {@link DarajaClient} runs against it unchanged.
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
        assertEquals(200, delivery.get("httpStatus").asInt(), delivery.toString());
        assertEquals("{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}", delivery.get("responseBody").asText(),
                "PaymentCallback took it (contracts/daraja.md §4.1)");
    }

    @Test
    void theRealDarajaClientRunsUnchangedAgainstTheSimulator() throws Exception {
        Env env = runtime.functionEnvironment("PaymentApi");
        var client = new DarajaClient(new OkHttpClient(), DarajaConfig.from(env), Clock.systemUTC());
        URI config = runtime.darajaBaseUri().resolve("/simulator/scenarios/254712345678");
        send(HttpRequest.newBuilder(config).PUT(HttpRequest.BodyPublishers.ofString("{\"delayMs\":100000}"))); // 1 s here
        var accepted = client.stkPush(new StkPushRequest(Phone.parse("0712345678"), Money.kes(20), "HS7Q2K9XA1",
                "WiFi 1 hour", DarajaConfig.from(env).callbackUrl()));
        assertTrue(accepted.checkoutRequestId().startsWith("ws_CO_"));
        assertTrue(client.stkQuery(accepted.checkoutRequestId()) instanceof QueryOutcome.Pending, "P1 is pending");
        assertEquals(new QueryOutcome.Completed(accepted.merchantRequestId(), accepted.checkoutRequestId(),
                "The service request is processed successfully."), settled(client, accepted.checkoutRequestId()));

        var cancelled = client.stkPush(new StkPushRequest(Phone.parse("254700000001"), Money.kes(20), "HS7Q2K9XA2",
                "WiFi 1 hour", DarajaConfig.from(env).callbackUrl()));
        assertEquals(new QueryOutcome.Final("1032", "Request cancelled by user"), settled(client, cancelled.checkoutRequestId()));

        var locked = assertThrows(DarajaException.class, () -> client.stkPush(new StkPushRequest(Phone.parse("254700000008"),
                Money.kes(20), "HS7Q2K9XA3", "WiFi 1 hour", DarajaConfig.from(env).callbackUrl())));
        assertEquals(DarajaException.Kind.SUBSCRIBER_LOCKED, locked.kind());
    }

    /** Returns the first answer that is not pending, querying every 20 ms for at most 10 s. */
    private static QueryOutcome settled(DarajaClient client, String checkoutRequestId) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(10);
        QueryOutcome outcome = client.stkQuery(checkoutRequestId);
        while (outcome instanceof QueryOutcome.Pending && Instant.now().isBefore(end)) {
            Thread.sleep(20);
            outcome = client.stkQuery(checkoutRequestId);
        }
        return outcome;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }
}
