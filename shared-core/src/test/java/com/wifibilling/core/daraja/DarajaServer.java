package com.wifibilling.core.daraja;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer playing Daraja, with the contract's answers (contracts/daraja.md §2, §3.1, §5) and settings
 * pointing at it. Each test gets its own consumer key, so the JVM-wide token cache never carries a token from one
 * test into another.
 */
public final class DarajaServer implements AutoCloseable {
    static final String SANDBOX_SHORTCODE = "174379";
    static final String SANDBOX_PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    static final String CALLBACK_TOKEN = "9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3";
    static final String TOKEN = "c9SQxWWhmdVRlyh0zh8gZDTkubVF";
    static final String ACCEPTED = """
            {
              "MerchantRequestID": "2654-4b64-97ff-b827b542881d3130",
              "CheckoutRequestID": "ws_CO_1007202409152617172396192",
              "ResponseCode": "0",
              "ResponseDescription": "Success. Request accepted for processing",
              "CustomerMessage": "Success. Request accepted for processing"
            }""";
    private static final AtomicInteger APPS = new AtomicInteger();

    final MockWebServer server = new MockWebServer();

    public DarajaServer() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a fresh app key: no token of it is cached yet. */
    public static String newConsumerKey() {
        return "consumerKey" + APPS.incrementAndGet();
    }

    URI baseUrl() {
        String url = server.url("/").toString();
        return URI.create(url.substring(0, url.length() - 1));
    }

    public DarajaConfig payBill(String consumerKey) {
        return new DarajaConfig(baseUrl(), consumerKey, "consumerSecret", SANDBOX_SHORTCODE, SANDBOX_PASSKEY,
                TransactionType.PAY_BILL, Optional.empty(), URI.create("https://api.example.co.ke"),
                CallbackTokens.parse(CALLBACK_TOKEN));
    }

    DarajaConfig till(String consumerKey, String storeNumber, String tillNumber) {
        return new DarajaConfig(baseUrl(), consumerKey, "consumerSecret", storeNumber, SANDBOX_PASSKEY,
                TransactionType.BUY_GOODS, Optional.of(tillNumber), URI.create("https://api.example.co.ke"),
                CallbackTokens.parse(CALLBACK_TOKEN));
    }

    public void answer(int status, String body) {
        server.enqueue(json(status, body));
    }

    void answerToken(String token, String expiresIn) {
        answer(200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + "}");
    }

    public void answerToken() {
        answerToken(TOKEN, "\"3599\"");
    }

    /** Returns an STK Query answer (form F of contracts/daraja.md §5) with {@code resultCode} as JSON ({@code "\"0\""}). */
    public static String queryAnswer(String resultCode) {
        return "{\"ResponseCode\":\"0\",\"ResponseDescription\":\"The service request has been accepted successsfully\","
                + "\"ResultCode\":" + resultCode + ",\"ResultDesc\":\"answer\"}";
    }

    public void answerEnvelope(int status, String errorCode, String errorMessage) {
        answer(status, "{\"requestId\":\"1c5b-4ba8-815c-ac45c57a3db01495926\",\"errorCode\":\"" + errorCode
                + "\",\"errorMessage\":\"" + errorMessage + "\"}");
    }

    /**
     * Answers every request from now on without a queue, for tests whose callers race: OAuth with a token, every
     * other call (STK Queries) with {@code body}.
     */
    public void answerEveryRequest(String body) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                boolean oauth = request.getUrl().encodedPath().startsWith("/oauth/");
                return oauth ? json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":\"3599\"}") : json(200, body);
            }
        });
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    public RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) throw new AssertionError("Daraja received no request");
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static JsonNode body(RecordedRequest request) {
        try {
            return Json.MAPPER.readTree(request.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int requests() {
        return server.getRequestCount();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
