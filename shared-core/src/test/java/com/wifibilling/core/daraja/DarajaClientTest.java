package com.wifibilling.core.daraja;

import static com.wifibilling.core.daraja.DarajaServer.ACCEPTED;
import static com.wifibilling.core.daraja.DarajaServer.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.TestClock;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.log.JsonLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The real client against MockWebServer playing Daraja, with the payloads of contracts/daraja.md (STYLE §13). */
class DarajaClientTest {
    /** contracts/daraja.md §3: this instant is Timestamp 20250315143022 in Nairobi. */
    static final Instant PUSH_TIME = Instant.parse("2025-03-15T11:30:22Z");
    static final String PASSWORD_AT_PUSH_TIME = "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjUwMzE1MTQzMDIy";
    static final String CHECKOUT = "ws_CO_21072024125243250722943992";
    static final OkHttpClient HTTP = new OkHttpClient();
    /** Short timeouts so the timeout tests take a moment, not the contract's 5-10 s. */
    static final DarajaClient.Timeouts QUICK = new DarajaClient.Timeouts(Duration.ofMillis(500), Duration.ofMillis(400), Duration.ofMillis(400));

    final DarajaServer daraja = new DarajaServer();
    final TestClock clock = new TestClock(PUSH_TIME);
    final String app = DarajaServer.newConsumerKey();
    final DarajaClient client = new DarajaClient(HTTP, daraja.payBill(app), clock);

    @AfterEach
    void stop() {
        daraja.close();
    }

    static StkPushRequest contractPush() {
        return new StkPushRequest(Phone.parse("254708374149"), Money.kes(20), "HS7Q2K9XA1", "WiFi 1 hour",
                URI.create("https://api.example.co.ke/api/payment/callback/" + DarajaServer.CALLBACK_TOKEN));
    }

    static String queryAnswer(String resultCode, String resultDesc) {
        return "{\"ResponseCode\":\"0\",\"ResponseDescription\":\"The service request has been accepted successsfully\","
                + "\"MerchantRequestID\":\"92643-47073138-2\",\"CheckoutRequestID\":\"" + CHECKOUT + "\","
                + "\"ResultCode\":" + resultCode + ",\"ResultDesc\":\"" + resultDesc + "\"}";
    }

    /** Queues {@code count} query answers "4999, still pending" (§5, form P2). */
    void answerPendingQueries(int count) {
        for (int i = 0; i < count; i++) daraja.answer(200, queryAnswer("\"4999\"", "pending"));
    }

    @Nested
    class Oauth {
        @Test
        void tokenIsFetchedWithBasicCredentialsOfKeyAndSecret() {
            var config = daraja.payBill("consumerKey"); // the contract's example pair; no other test uses this key
            daraja.answerToken();
            daraja.answer(200, ACCEPTED);
            new DarajaClient(HTTP, config, clock).stkPush(contractPush());
            var oauth = daraja.take();
            assertEquals("GET", oauth.getMethod());
            assertEquals("/oauth/v1/generate?grant_type=client_credentials", oauth.getTarget());
            assertEquals("Basic Y29uc3VtZXJLZXk6Y29uc3VtZXJTZWNyZXQ=", oauth.getHeaders().get("Authorization"));
            assertEquals("Bearer " + TOKEN, daraja.take().getHeaders().get("Authorization"));
        }

        @Test
        void oneTokenServesEveryCallUntilItNearsExpiry() {
            daraja.answerToken();
            answerPendingQueries(3);
            for (int i = 0; i < 3; i++) client.stkQuery(CHECKOUT);
            assertEquals(4, daraja.requests(), "one OAuth call, then three queries");
            daraja.take();
            for (int i = 0; i < 3; i++) assertEquals("Bearer " + TOKEN, daraja.take().getHeaders().get("Authorization"));
        }

        @Test
        void anotherClientOfTheSameAppReusesTheCachedToken() {
            daraja.answerToken();
            answerPendingQueries(2);
            client.stkQuery(CHECKOUT);
            new DarajaClient(HTTP, daraja.payBill(app), clock).stkQuery(CHECKOUT); // the next warm invocation
            assertEquals(3, daraja.requests());
            assertTrue(daraja.take().getTarget().startsWith("/oauth/"));
            assertTrue(daraja.take().getTarget().startsWith("/mpesa/"));
            assertTrue(daraja.take().getTarget().startsWith("/mpesa/"));
        }

        @ParameterizedTest(name = "expires_in {0}: refreshed after {1} s")
        @CsvSource(delimiter = '|', value = {
                "\"3599\"      | 3299",   // a string, as captured from real responses
                "3599          | 3299",   // a number, as on the doc page
                "\"7200\"      | 6900",
                "              | 3299",   // missing: assume 3599
                "\"soon\"      | 3299",   // unreadable: assume 3599
                "-5            | 3299"})
        void tokenIsRefreshedWhenLessThan300SecondsRemain(String expiresIn, long refreshAfter) {
            String token = expiresIn == null ? "{\"access_token\":\"tok-1\"}"
                    : "{\"access_token\":\"tok-1\",\"expires_in\":" + expiresIn + "}";
            daraja.answer(200, token);
            answerPendingQueries(2);
            daraja.answerToken("tok-2", "\"3599\"");
            answerPendingQueries(1);
            client.stkQuery(CHECKOUT);
            clock.advance(Duration.ofSeconds(refreshAfter - 1));
            client.stkQuery(CHECKOUT);
            assertEquals(3, daraja.requests(), "still more than 300 s left: no new token");
            clock.advance(Duration.ofSeconds(1));
            client.stkQuery(CHECKOUT);
            assertEquals(5, daraja.requests());
            for (int i = 0; i < 3; i++) daraja.take();
            assertTrue(daraja.take().getTarget().startsWith("/oauth/"));
            assertEquals("Bearer tok-2", daraja.take().getHeaders().get("Authorization"));
        }

        @Test
        void missingExpiresInIsLoggedAsAWarning() {
            var captured = new ByteArrayOutputStream();
            JsonLogger.output(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                daraja.answer(200, "{\"access_token\":\"tok-1\"}");
                answerPendingQueries(1);
                client.stkQuery(CHECKOUT);
            } finally {
                JsonLogger.output(new PrintStream(System.out, true, StandardCharsets.UTF_8));
            }
            String log = captured.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("daraja.oauth.expires_in_unreadable") && log.contains("\"WARN\""), log);
            assertFalse(log.contains("tok-1"), "the token is never logged");
        }

        @ParameterizedTest(name = "invalid token as {0} {1}")
        @CsvSource(delimiter = '|', value = {
                "404 | 404.001.03 | Invalid Access Token",
                "401 | 401.003.01 | Invalid Access Token",
                "401 |            | "})
        void invalidTokenIsDroppedRefreshedAndTheSameRequestRetriedOnce(int status, String errorCode, String errorMessage) {
            daraja.answerToken("tok-1", "\"3599\"");
            if (errorCode == null) daraja.answer(status, "");
            else daraja.answerEnvelope(status, errorCode, errorMessage);
            daraja.answerToken("tok-2", "\"3599\"");
            daraja.answer(200, ACCEPTED);
            var accepted = client.stkPush(contractPush());
            assertEquals("ws_CO_1007202409152617172396192", accepted.checkoutRequestId());
            assertEquals(4, daraja.requests());
            daraja.take();
            var first = daraja.take();
            assertTrue(daraja.take().getTarget().startsWith("/oauth/"));
            var retry = daraja.take();
            assertEquals("Bearer tok-1", first.getHeaders().get("Authorization"));
            assertEquals("Bearer tok-2", retry.getHeaders().get("Authorization"));
            assertEquals(DarajaServer.body(first), DarajaServer.body(retry), "the same request, same Timestamp and Password");
        }

        @Test
        void aFreshTokenRejectedAgainIsAProviderErrorWithoutAThirdTry() {
            daraja.answerToken("tok-1", "\"3599\"");
            daraja.answerEnvelope(404, "404.001.03", "Invalid Access Token");
            daraja.answerToken("tok-2", "\"3599\"");
            daraja.answerEnvelope(404, "404.001.03", "Invalid Access Token");
            var e = assertThrows(DarajaException.class, () -> client.stkPush(contractPush()));
            assertEquals(DarajaException.Kind.PROVIDER_ERROR, e.kind());
            assertEquals(Optional.of("404.001.03"), e.errorCode());
            assertEquals(4, daraja.requests());
        }

        @Test
        void wrongKeyOrSecretIsAProviderErrorAndNothingIsPushed() {
            daraja.answer(400, ""); // Daraja's answer to wrong credentials: 400, empty body (§2, obs)
            var e = assertThrows(DarajaException.class, () -> client.stkPush(contractPush()));
            assertEquals(DarajaException.Kind.PROVIDER_ERROR, e.kind());
            assertEquals("oauth", e.operation());
            assertEquals(1, daraja.requests());
        }

        @Test
        void oauthErrorEnvelopeIsAProviderError() {
            daraja.answerEnvelope(400, "400.008.02", "Invalid grant type passed");
            var e = assertThrows(DarajaException.class, () -> client.stkQuery(CHECKOUT));
            assertEquals(DarajaException.Kind.PROVIDER_ERROR, e.kind());
            assertEquals(Optional.of("400.008.02"), e.errorCode());
        }

        @Test
        void aFailedFetchCachesNothing() {
            daraja.answer(503, "<html>Service Unavailable</html>");
            daraja.answerToken();
            answerPendingQueries(1);
            assertEquals(DarajaException.Kind.UNAVAILABLE, assertThrows(DarajaException.class, () -> client.stkQuery(CHECKOUT)).kind());
            assertInstanceOf(QueryOutcome.Pending.class, client.stkQuery(CHECKOUT));
        }

        @Test
        void manyThreadsWithAnEmptyCacheFetchOneToken() throws Exception {
            int threads = 16;
            List<String> oauthCalls = new CopyOnWriteArrayList<>();
            daraja.server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (request.getTarget().startsWith("/oauth/")) {
                        oauthCalls.add(request.getTarget());
                        return new MockResponse.Builder(DarajaServer.json(200, "{\"access_token\":\"only-one\",\"expires_in\":\"3599\"}"))
                                .headersDelay(200, TimeUnit.MILLISECONDS).build(); // keep the others waiting on it
                    }
                    return DarajaServer.json(200, queryAnswer("\"4999\"", "pending"));
                }
            });
            var barrier = new CyclicBarrier(threads);
            List<Callable<QueryOutcome>> callers = new ArrayList<>();
            for (int i = 0; i < threads; i++) callers.add(() -> { barrier.await(); return client.stkQuery(CHECKOUT); });
            try (var pool = Executors.newFixedThreadPool(threads)) {
                for (var answer : pool.invokeAll(callers)) assertInstanceOf(QueryOutcome.Pending.class, answer.get());
            }
            assertEquals(1, oauthCalls.size());
            assertEquals(threads + 1, daraja.requests());
            for (int i = 0; i <= threads; i++) {
                var request = daraja.take();
                if (request.getTarget().startsWith("/mpesa/")) assertEquals("Bearer only-one", request.getHeaders().get("Authorization"));
            }
        }
    }

    @Nested
    class Push {
        @Test
        void pushSendsExactlyTheContractBody() throws Exception {
            daraja.answerToken();
            daraja.answer(200, ACCEPTED);
            StkPushAccepted accepted = client.stkPush(contractPush());
            assertEquals(new StkPushAccepted("2654-4b64-97ff-b827b542881d3130", "ws_CO_1007202409152617172396192",
                    "Success. Request accepted for processing"), accepted);
            daraja.take();
            var push = daraja.take();
            assertEquals("POST", push.getMethod());
            assertEquals("/mpesa/stkpush/v1/processrequest", push.getTarget());
            assertEquals("application/json", push.getHeaders().get("Content-Type"));
            assertEquals("Bearer " + TOKEN, push.getHeaders().get("Authorization"));
            // §3's example request, verbatim: JsonNode equality also checks each value is a string, not a number.
            assertEquals(Json.MAPPER.readTree("""
                    {
                      "BusinessShortCode": "174379",
                      "Password": "%s",
                      "Timestamp": "20250315143022",
                      "TransactionType": "CustomerPayBillOnline",
                      "Amount": "20",
                      "PartyA": "254708374149",
                      "PartyB": "174379",
                      "PhoneNumber": "254708374149",
                      "CallBackURL": "https://api.example.co.ke/api/payment/callback/9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3",
                      "AccountReference": "HS7Q2K9XA1",
                      "TransactionDesc": "WiFi 1 hour"
                    }""".formatted(PASSWORD_AT_PUSH_TIME)), DarajaServer.body(push));
        }

        @Test
        void tillPushPaysTheTillNumberWithTheStoreNumberAsShortcode() {
            var till = new DarajaClient(HTTP, daraja.till(app, "600100", "5123456"), clock);
            daraja.answerToken();
            daraja.answer(200, ACCEPTED);
            till.stkPush(contractPush());
            daraja.take();
            var body = DarajaServer.body(daraja.take());
            assertEquals("CustomerBuyGoodsOnline", body.get("TransactionType").textValue());
            assertEquals("600100", body.get("BusinessShortCode").textValue());
            assertEquals("5123456", body.get("PartyB").textValue());
            assertEquals(DarajaPassword.of("600100", DarajaServer.SANDBOX_PASSKEY, "20250315143022"), body.get("Password").textValue());
        }

        @ParameterizedTest(name = "{1} {2} → {3}")
        @CsvSource(delimiter = '|', value = {
                "400 | 400.002.02   | Bad Request - Invalid PhoneNumber                     | INVALID_PHONE",
                "400 | 400.002.02   | Bad Request - Invalid Remarks                         | PROVIDER_ERROR",
                "400 | 400.002.02   | Bad Request - Invalid CallBackURL                     | PROVIDER_ERROR",
                "400 | 400.002.02   | Bad Request - Invalid BusinessShortCode               | PROVIDER_ERROR",
                "404 | 404.001.01   | Resource not found                                    | PROVIDER_ERROR",
                "405 | 405.001      | Method Not Allowed                                    | PROVIDER_ERROR",
                "500 | 500.001.1001 | Merchant does not exist                               | PROVIDER_ERROR",
                "500 | 500.001.1001 | Wrong credentials                                     | PROVIDER_ERROR",
                "500 | 500.001.1001 | [MerchantValidate] - Wrong credentials                | PROVIDER_ERROR",
                "500 | 500.001.1001 | Unable to lock subscriber, a transaction is already in process for the current subscriber | SUBSCRIBER_LOCKED",
                "500 | 500.003.02   | System is busy. Please try again in few minutes.      | BUSY",
                "500 | 500.003.02   | Error Occurred: Spike Arrest Violation                | BUSY",
                "500 | 500.003.03   | Quota Violation                                       | BUSY",
                "500 | 500.003.1001 | Internal Server Error                                 | BUSY",
                "200 | 500.003.02   | System is busy. Please try again in few minutes.      | BUSY"})  // the envelope decides, not the status
        void everyErrorEnvelopeRowGivesItsKind(int status, String errorCode, String errorMessage, DarajaException.Kind kind) {
            daraja.answerToken();
            daraja.answerEnvelope(status, errorCode, errorMessage);
            var e = assertThrows(DarajaException.class, () -> client.stkPush(contractPush()));
            assertEquals(kind, e.kind());
            assertEquals(Optional.of(errorCode), e.errorCode());
            assertEquals(Optional.of("1c5b-4ba8-815c-ac45c57a3db01495926"), e.requestId());
            assertEquals(Optional.of(errorMessage), e.errorMessage());
            assertEquals(2, daraja.requests(), "a push is never retried");
        }

        @Test
        void responseCodeOtherThanZeroIsARejection() {
            daraja.answerToken();
            daraja.answer(200, "{\"MerchantRequestID\":\"m-1\",\"CheckoutRequestID\":\"ws_CO_1\",\"ResponseCode\":\"1\","
                    + "\"ResponseDescription\":\"Rejected\"}");
            var e = assertThrows(DarajaException.class, () -> client.stkPush(contractPush()));
            assertEquals(DarajaException.Kind.PROVIDER_ERROR, e.kind());
            assertEquals(Optional.empty(), e.errorCode(), "a ResponseCode is not an errorCode, nor a ResultCode");
            assertTrue(e.errorMessage().orElseThrow().contains("ResponseCode 1"));
        }

        @Test
        void acceptanceWithoutACheckoutRequestIdIsAProviderError() {
            daraja.answerToken();
            daraja.answer(200, "{\"MerchantRequestID\":\"m-1\",\"ResponseCode\":\"0\"}");
            assertEquals(DarajaException.Kind.PROVIDER_ERROR,
                    assertThrows(DarajaException.class, () -> client.stkPush(contractPush())).kind());
        }

        @Test
        void logsKeepDarajaDetailsAndNoCredentials() {
            var captured = new ByteArrayOutputStream();
            JsonLogger.output(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                daraja.answerToken();
                daraja.answerEnvelope(500, "500.001.1001", "Wrong credentials");
                assertThrows(DarajaException.class, () -> client.stkPush(contractPush()));
            } finally {
                JsonLogger.output(new PrintStream(System.out, true, StandardCharsets.UTF_8));
            }
            String log = captured.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("\"ERROR\"") && log.contains("daraja.error"), log);
            assertTrue(log.contains("1c5b-4ba8-815c-ac45c57a3db01495926") && log.contains("500.001.1001")
                    && log.contains("Wrong credentials"), log);
            for (String secret : List.of(TOKEN, "consumerSecret", DarajaServer.SANDBOX_PASSKEY, PASSWORD_AT_PUSH_TIME, app))
                assertFalse(log.contains(secret), "logged a credential: " + secret);
        }
    }

    @Nested
    class Transport {
        @ParameterizedTest(name = "HTTP {0}: {1}")
        @CsvSource(delimiter = '|', value = {
                "200 | <html>ok</html>",
                "502 | <html><body>Bad Gateway</body></html>",
                "200 | ",
                "200 | [1,2,3]"})
        void answerThatIsNotAJsonObjectMeansUnavailable(int status, String body) {
            daraja.answerToken();
            daraja.answer(status, body == null ? "" : body);
            assertEquals(DarajaException.Kind.UNAVAILABLE,
                    assertThrows(DarajaException.class, () -> client.stkPush(contractPush())).kind());
        }

        @Test
        void noAnswerInTimeMeansUnavailable() {
            var quick = new DarajaClient(HTTP, daraja.payBill(app), clock, QUICK);
            daraja.answerToken();
            daraja.enqueue(new MockResponse.Builder(DarajaServer.json(200, ACCEPTED)).onResponseStart(SocketEffect.Stall.INSTANCE).build());
            var e = assertThrows(DarajaException.class, () -> quick.stkPush(contractPush()));
            assertEquals(DarajaException.Kind.UNAVAILABLE, e.kind());
            assertTrue(e.retryable());
            assertEquals(Optional.empty(), e.httpStatus());
        }

        @Test
        void refusedConnectionMeansUnavailable() throws Exception {
            int closedPort;
            try (var socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            var nowhere = new DarajaConfig(URI.create("http://127.0.0.1:" + closedPort), app, "consumerSecret", "174379",
                    DarajaServer.SANDBOX_PASSKEY, TransactionType.PAY_BILL, Optional.empty(), URI.create("https://api.example.co.ke"),
                    CallbackTokens.parse(DarajaServer.CALLBACK_TOKEN));
            var e = assertThrows(DarajaException.class, () -> new DarajaClient(HTTP, nowhere, clock, QUICK).stkPush(contractPush()));
            assertEquals(DarajaException.Kind.UNAVAILABLE, e.kind());
        }

        @Test
        void pushIsNotResentWhenTheConnectionDropsAfterItWasSent() {
            daraja.answerToken(); // leaves a pooled keep-alive connection for the push to reuse
            daraja.enqueue(new MockResponse.Builder(DarajaServer.json(200, ACCEPTED))
                    .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
            daraja.answer(200, ACCEPTED);
            var e = assertThrows(DarajaException.class, () -> client.stkPush(contractPush()));
            assertEquals(DarajaException.Kind.UNAVAILABLE, e.kind());
            assertEquals(2, daraja.requests(), "Daraja saw the push once: it may already be on the phone");
        }

        @Test
        void timeoutsAreTheContractsByDefault() {
            assertEquals(new DarajaClient.Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(5)),
                    DarajaClient.Timeouts.CONTRACT);
        }
    }

    @Nested
    class Query {
        @Test
        void querySendsShortcodePasswordTimestampAndCheckout() throws Exception {
            daraja.answerToken();
            daraja.answer(200, queryAnswer("\"1032\"", "Request cancelled by user"));
            client.stkQuery(CHECKOUT);
            daraja.take();
            var query = daraja.take();
            assertEquals("/mpesa/stkpushquery/v1/query", query.getTarget());
            assertEquals("application/json", query.getHeaders().get("Content-Type"));
            assertEquals(Json.MAPPER.readTree("""
                    { "BusinessShortCode": "174379", "Timestamp": "20250315143022", "CheckoutRequestID": "%s", "Password": "%s" }"""
                    .formatted(CHECKOUT, PASSWORD_AT_PUSH_TIME)), DarajaServer.body(query));
        }

        @Test
        void eachQueryHasAFreshTimestamp() {
            daraja.answerToken();
            answerPendingQueries(2);
            client.stkQuery(CHECKOUT);
            clock.advance(Duration.ofSeconds(2));
            client.stkQuery(CHECKOUT);
            daraja.take();
            assertEquals("20250315143022", DarajaServer.body(daraja.take()).get("Timestamp").textValue());
            assertEquals("20250315143024", DarajaServer.body(daraja.take()).get("Timestamp").textValue());
        }

        @Test
        void resultCodeZeroIsCompletedWithoutAReceipt() {
            daraja.answerToken();
            daraja.answer(200, queryAnswer("\"0\"", "The service request is processed successfully."));
            assertEquals(new QueryOutcome.Completed("92643-47073138-2", CHECKOUT, "The service request is processed successfully."),
                    client.stkQuery(CHECKOUT));
        }

        @ParameterizedTest(name = "ResultCode {0} is final")
        @ValueSource(strings = {"\"1032\"", "1032", "\"1\"", "\"1037\"", "\"2001\"", "\"1019\"", "\"17\"", "\"SFC_IC0003\"", "\"E3008\"", "\"1001\""})
        void listedCodeIsFinal(String wireCode) {
            daraja.answerToken();
            daraja.answer(200, queryAnswer(wireCode, "as Daraja says"));
            assertEquals(new QueryOutcome.Final(wireCode.replace("\"", ""), "as Daraja says"), client.stkQuery(CHECKOUT));
        }

        @Test
        void code4999IsPendingFormP2() {
            daraja.answerToken();
            daraja.answer(200, "{\"ResultCode\":\"4999\",\"ResultDesc\":\"The transaction is still under processing\"}");
            assertEquals(new QueryOutcome.Pending(Optional.of("4999"), "The transaction is still under processing"), client.stkQuery(CHECKOUT));
        }

        @Test
        void unlistedCodeIsPendingWithItsCode() {
            daraja.answerToken();
            daraja.answer(200, queryAnswer("\"7777\"", "Something new"));
            assertEquals(new QueryOutcome.Pending(Optional.of("7777"), "Something new"), client.stkQuery(CHECKOUT));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"The transaction is being processed",
                "Unable to lock subscriber, a transaction is already in process for the current subscriber"})
        void overloadedErrorThatMeansWaitingIsPending(String errorMessage) {
            daraja.answerToken();
            daraja.answer(500, "{\"requestId\":\"ws_CO_20022018230142206\",\"errorCode\":\"500.001.1001\",\"errorMessage\":\""
                    + errorMessage + "\"}");
            var outcome = assertInstanceOf(QueryOutcome.Pending.class, client.stkQuery(CHECKOUT));
            assertEquals(Optional.empty(), outcome.resultCode());
            assertEquals(errorMessage, outcome.resultDesc());
        }

        @ParameterizedTest(name = "{1} {2} → {3}")
        @CsvSource(delimiter = '|', value = {
                "500 | 500.001.1001 | Wrong credentials                     | PROVIDER_ERROR",
                "500 | 500.001.1001 | Merchant does not exist               | PROVIDER_ERROR",
                "400 | 400.002.02   | Bad Request - Invalid CheckoutRequestID | PROVIDER_ERROR",
                "500 | 500.003.02   | Error Occurred: Spike Arrest Violation | BUSY",
                "500 | 500.003.03   | Quota Violation                       | BUSY",
                "500 | 500.003.1001 | Internal Server Error                 | BUSY"})
        void otherErrorsThrowAndNeverFinalize(int status, String errorCode, String errorMessage, DarajaException.Kind kind) {
            daraja.answerToken();
            daraja.answerEnvelope(status, errorCode, errorMessage);
            var e = assertThrows(DarajaException.class, () -> client.stkQuery(CHECKOUT));
            assertEquals(kind, e.kind());
            assertEquals("stk-query", e.operation());
        }

        @Test
        void answerAboutAnotherCheckoutIsAProviderError() {
            daraja.answerToken();
            daraja.answer(200, queryAnswer("\"0\"", "ok").replace(CHECKOUT, "ws_CO_someone_else"));
            assertEquals(DarajaException.Kind.PROVIDER_ERROR, assertThrows(DarajaException.class, () -> client.stkQuery(CHECKOUT)).kind());
        }

        @Test
        void queryTimeoutIsUnavailable() {
            var quick = new DarajaClient(HTTP, daraja.payBill(app), clock, QUICK);
            daraja.answerToken();
            daraja.enqueue(new MockResponse.Builder(DarajaServer.json(200, queryAnswer("\"0\"", "ok")))
                    .onResponseStart(SocketEffect.Stall.INSTANCE).build());
            assertEquals(DarajaException.Kind.UNAVAILABLE, assertThrows(DarajaException.class, () -> quick.stkQuery(CHECKOUT)).kind());
        }

        @Test
        void blankCheckoutIsOurBug() {
            assertThrows(IllegalArgumentException.class, () -> client.stkQuery(" "));
            assertEquals(0, daraja.requests());
        }
    }
}
