package com.wifibilling.local.daraja;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.function.BooleanSupplier;

/**
 * What a Daraja client and a test send to a simulator, over plain java.net.http: the simulator is a black box
 * here, reached only through the HTTP contract (contracts/daraja.md §2, §3, §5, §10.3).
 */
final class SimulatorClient {
    static final String KEY = "test-key";
    static final String SECRET = "test-secret";
    static final String SHORTCODE = "174379";
    static final String PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    static final String TEST_MSISDN = "254708374149";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final URI base;

    SimulatorClient(URI base) {
        this.base = base;
    }

    /** Returns the Basic credentials of §2 for {@code key:secret}. */
    static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns Base64(shortcode + passkey + timestamp), built here independently of the simulator (§3). */
    static String password(String timestamp) {
        return Base64.getEncoder().encodeToString((SHORTCODE + PASSKEY + timestamp).getBytes(StandardCharsets.US_ASCII));
    }

    static String timestampNow() {
        return TIMESTAMP.format(ZonedDateTime.now(BusinessDay.ZONE));
    }

    /** Returns a push body that passes every check, for {@code msisdn}, Amount "20", calling back to {@code callbackUrl}. */
    static Map<String, Object> validPush(String msisdn, String callbackUrl) {
        String timestamp = timestampNow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", SHORTCODE);
        body.put("Password", password(timestamp));
        body.put("Timestamp", timestamp);
        body.put("TransactionType", "CustomerPayBillOnline");
        body.put("Amount", "20");
        body.put("PartyA", msisdn);
        body.put("PartyB", SHORTCODE);
        body.put("PhoneNumber", msisdn);
        body.put("CallBackURL", callbackUrl);
        body.put("AccountReference", "HS7Q2K9XA1");
        body.put("TransactionDesc", "WiFi 1 hour");
        return body;
    }

    static Map<String, Object> queryBody(String checkoutRequestId) {
        String timestamp = timestampNow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", SHORTCODE);
        body.put("Password", password(timestamp));
        body.put("Timestamp", timestamp);
        body.put("CheckoutRequestID", checkoutRequestId);
        return body;
    }

    HttpResponse<String> oauth(String pathAndQuery, String authorization) {
        var request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET();
        if (authorization != null) request.header("Authorization", authorization);
        return send(request);
    }

    /** Returns a fresh access token for the test credentials. */
    String token() {
        HttpResponse<String> response = oauth("/oauth/v1/generate?grant_type=client_credentials", basic(KEY, SECRET));
        assertEquals(200, response.statusCode(), response.body());
        return json(response).get("access_token").asText();
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) {
        var request = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (contentType != null) request.header("Content-Type", contentType);
        return send(request);
    }

    HttpResponse<String> push(String token, Map<String, Object> body) {
        return post("/mpesa/stkpush/v1/processrequest", token, "application/json", Json.write(body));
    }

    /** Returns the accepted push's CheckoutRequestID, failing the test if the push is not accepted. */
    String pushAccepted(String token, Map<String, Object> body) {
        HttpResponse<String> response = push(token, body);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).get("CheckoutRequestID").asText();
    }

    HttpResponse<String> query(String token, String checkoutRequestId) {
        return post("/mpesa/stkpushquery/v1/query", token, "application/json", Json.write(queryBody(checkoutRequestId)));
    }

    /** Returns the answer of a control endpoint ({@code /simulator/…}), asserting its status. */
    JsonNode control(String method, String path, Object body, int expectedStatus) {
        var publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : Json.write(body));
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).method(method, publisher)
                .header("Content-Type", "application/json"));
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return json(response);
    }

    JsonNode control(String method, String path, Object body) {
        return control(method, path, body, 200);
    }

    /** Puts settings of §10.4 through {@code PUT /simulator/config}. */
    JsonNode configure(Map<String, Object> settings) {
        return control("PUT", "/simulator/config", settings);
    }

    /** Waits, polling every 10 ms, until {@code condition} holds; fails after {@code limit}. */
    static void await(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) throw new AssertionError("Not within " + limit + ": " + what);
            Thread.sleep(10);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
