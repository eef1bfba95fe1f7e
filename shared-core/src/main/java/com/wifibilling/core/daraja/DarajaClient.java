package com.wifibilling.core.daraja;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Daraja's STK Push and STK Query over HTTP (contracts/daraja.md §1–§5). Build one per container from the one
 * shared {@link OkHttpClient}; callers see only our types. The OAuth token is shared by every client of the same
 * app in the JVM ({@link AccessTokens}); an answer calling it invalid drops it, and the call is retried once
 * with a new one. Nothing else is ever retried: a push whose answer was lost may already be on the phone.
 * Tokens, the consumer key and secret, the passkey and the {@code Password} are never logged; Daraja's
 * {@code requestId}, {@code errorCode} and {@code errorMessage} always are, whole.
 */
public final class DarajaClient {
    static final String OAUTH_PATH = "/oauth/v1/generate?grant_type=client_credentials";
    static final String PUSH_PATH = "/mpesa/stkpush/v1/processrequest";
    static final String QUERY_PATH = "/mpesa/stkpushquery/v1/query";
    /** Daraja's ids are stored up to this length (contracts/daraja.md §3.1). */
    public static final int MAX_ID_LENGTH = 64;
    /** Used when {@code expires_in} is missing or unreadable (§2). */
    static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3599);

    private static final Logger log = LoggerFactory.getLogger(DarajaClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    /** Daraja's answers are a few hundred bytes; more than this is not one of them. */
    private static final long MAX_ANSWER_BYTES = 64 * 1024;
    private static final String OAUTH = "oauth";
    private static final String PUSH = "stk-push";
    private static final String QUERY = "stk-query";

    /** The HTTP timeouts of contracts/daraja.md §1; each call is also capped at connect + read in total. */
    record Timeouts(Duration connect, Duration oauthAndPushRead, Duration queryRead) {
        static final Timeouts CONTRACT = new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    private final OkHttpClient oauthAndPush;
    private final OkHttpClient query;
    private final DarajaConfig config;
    private final Clock clock;
    private final AccessTokens tokens;
    private final String basicAuthorization;

    public DarajaClient(OkHttpClient http, DarajaConfig config, Clock clock) {
        this(http, config, clock, Timeouts.CONTRACT);
    }

    DarajaClient(OkHttpClient http, DarajaConfig config, Clock clock, Timeouts timeouts) {
        // Derived clients share the connection pool and threads of the one OkHttpClient; only timeouts differ.
        this.oauthAndPush = withTimeouts(http, timeouts.connect(), timeouts.oauthAndPushRead());
        this.query = withTimeouts(http, timeouts.connect(), timeouts.queryRead());
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = AccessTokens.shared(config.baseUrl().toString(), config.consumerKey());
        this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.consumerKey() + ":" + config.consumerSecret()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns Daraja's acceptance of the push (contracts/daraja.md §3): the prompt was accepted for sending, no
     * money has moved. The body is exactly §3's, numbers as digit strings, {@code PartyA} = {@code PhoneNumber},
     * {@code Timestamp} and {@code Password} from one clock read. An error envelope, a {@code ResponseCode} other
     * than {@code "0"}, or no usable answer throws {@link DarajaException}; the push is then never retried.
     */
    public StkPushAccepted stkPush(StkPushRequest request) {
        String timestamp = DarajaTime.timestamp(clock);
        String msisdn = request.phone().msisdn();
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("BusinessShortCode", config.shortcode())
                .put("Password", DarajaPassword.of(config.shortcode(), config.passkey(), timestamp))
                .put("Timestamp", timestamp)
                .put("TransactionType", config.transactionType().wireName())
                .put("Amount", Long.toString(request.amount().shillings()))
                .put("PartyA", msisdn)
                .put("PartyB", config.partyB())
                .put("PhoneNumber", msisdn)
                .put("CallBackURL", request.callbackUrl().toString())
                .put("AccountReference", request.accountReference())
                .put("TransactionDesc", request.transactionDesc());
        Answer answer = authorizedPost(oauthAndPush, PUSH_PATH, body, PUSH);
        JsonNode json = successJson(answer, PUSH);
        String responseCode = text(json.get("ResponseCode"));
        if (!"0".equals(responseCode)) {
            // No errorCode here: §9 stores errorCodes as the failed transaction's resultCode, and a ResponseCode
            // such as "1" would read as a ResultCode ("insufficient balance") it is not.
            throw fail(DarajaException.Kind.PROVIDER_ERROR, PUSH, answer.status(), null, text(json.get("MerchantRequestID")),
                    "push not accepted: ResponseCode " + responseCode + " " + text(json.get("ResponseDescription")), null);
        }
        String merchantRequestId = text(json.get("MerchantRequestID"));
        String checkoutRequestId = text(json.get("CheckoutRequestID"));
        if (!usableId(merchantRequestId) || !usableId(checkoutRequestId)) {
            throw fail(DarajaException.Kind.PROVIDER_ERROR, PUSH, answer.status(), null, null,
                    "push accepted without usable MerchantRequestID and CheckoutRequestID", null);
        }
        return new StkPushAccepted(merchantRequestId, checkoutRequestId, text(json.get("CustomerMessage")));
    }

    /**
     * Returns what Daraja says about the checkout, classified by the table of contracts/daraja.md §5: {@code "0"}
     * completed; a final code §6 lists; or pending ({@code 4999}, an unlisted code, "The transaction is being
     * processed", "Unable to lock subscriber"). Any other error throws {@link DarajaException}, and never means
     * the payment failed.
     */
    public QueryOutcome stkQuery(String checkoutRequestId) {
        if (!usableId(checkoutRequestId)) throw new IllegalArgumentException("CheckoutRequestID must be 1 to 64 characters");
        String timestamp = DarajaTime.timestamp(clock);
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("BusinessShortCode", config.shortcode())
                .put("Password", DarajaPassword.of(config.shortcode(), config.passkey(), timestamp))
                .put("Timestamp", timestamp)
                .put("CheckoutRequestID", checkoutRequestId);
        Answer answer = authorizedPost(query, QUERY_PATH, body, QUERY);
        Optional<ErrorEnvelope> envelope = answer.envelope();
        if (envelope.isPresent() && (envelope.get().overloadedSaying("being processed")
                || envelope.get().overloadedSaying("unable to lock subscriber"))) {
            return new QueryOutcome.Pending(Optional.empty(), envelope.get().errorMessage()); // form P1 (§5)
        }
        JsonNode json = successJson(answer, QUERY);
        String answeredFor = text(json.get("CheckoutRequestID"));
        if (answeredFor != null && !answeredFor.equals(checkoutRequestId)) {
            throw fail(DarajaException.Kind.PROVIDER_ERROR, QUERY, answer.status(), null, null,
                    "query answered for another CheckoutRequestID", null);
        }
        String resultCode = text(json.get("ResultCode"));
        String resultDesc = Optional.ofNullable(text(json.get("ResultDesc"))).orElse("");
        if (resultCode == null || resultCode.isBlank()) {
            log.atWarn().addKeyValue("checkoutRequestId", checkoutRequestId).log("daraja.query.no_result_code");
            return new QueryOutcome.Pending(Optional.empty(), resultDesc);
        }
        Optional<StkResultCode> listed = StkResultCode.of(resultCode);
        if (listed.isEmpty()) {
            log.atWarn().addKeyValue("checkoutRequestId", checkoutRequestId).addKeyValue("resultCode", resultCode)
                    .addKeyValue("resultDesc", resultDesc).log("daraja.query.unlisted_code");
            return new QueryOutcome.Pending(Optional.of(resultCode), resultDesc);
        }
        return switch (listed.get()) {
            case PAID -> new QueryOutcome.Completed(text(json.get("MerchantRequestID")), checkoutRequestId, resultDesc);
            case STILL_PROCESSING -> new QueryOutcome.Pending(Optional.of(resultCode), resultDesc); // form P2 (§5)
            default -> new QueryOutcome.Final(resultCode, resultDesc);
        };
    }

    /** Returns the answer to a POST with a Bearer token; an invalid-token answer costs one refresh and one retry (§2). */
    private Answer authorizedPost(OkHttpClient client, String path, ObjectNode body, String operation) {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        // A push must not be resent by OkHttp once it may have left (a stale pooled connection, say): one-shot.
        boolean oneShot = PUSH.equals(operation);
        String token = tokens.get(clock, this::fetchToken);
        Answer answer = exchange(client, post(path, bytes, oneShot, token), operation);
        if (!answer.invalidToken()) return answer;
        log.atWarn().addKeyValue("operation", operation).addKeyValue("httpStatus", answer.status())
                .addKeyValue("errorCode", answer.envelope().map(ErrorEnvelope::errorCode).orElse(null))
                .addKeyValue("requestId", answer.envelope().map(ErrorEnvelope::requestId).orElse(null))
                .log("daraja.token.rejected");
        tokens.invalidate(token);
        String fresh = tokens.get(clock, this::fetchToken);
        answer = exchange(client, post(path, bytes, oneShot, fresh), operation);
        if (!answer.invalidToken()) return answer;
        tokens.invalidate(fresh);
        Optional<ErrorEnvelope> envelope = answer.envelope();
        throw fail(DarajaException.Kind.PROVIDER_ERROR, operation, answer.status(), envelope.map(ErrorEnvelope::errorCode).orElse(null),
                envelope.map(ErrorEnvelope::requestId).orElse(null),
                "a freshly fetched access token was rejected too" + envelope.map(e -> ": " + e.errorMessage()).orElse(""), null);
    }

    /** Returns a new token from {@code GET /oauth/v1/generate} (§2); {@code expires_in} may be a string or a number. */
    private AccessTokens.Token fetchToken() {
        Instant fetchedAt = clock.instant(); // before the call: the token's life is never overestimated
        Request request = new Request.Builder().url(config.baseUrl() + OAUTH_PATH)
                .header("Authorization", basicAuthorization).get().build();
        Answer answer = exchange(oauthAndPush, request, OAUTH);
        if (answer.envelope().isEmpty() && answer.json() == null && answer.status() == 400) {
            // Wrong key or secret, or keys of the other environment: Daraja answers 400 with an empty body (§2, obs).
            throw fail(DarajaException.Kind.PROVIDER_ERROR, OAUTH, 400, null, null,
                    "credentials refused: check DARAJA_CONSUMER_KEY, DARAJA_CONSUMER_SECRET and DARAJA_BASE_URL", null);
        }
        JsonNode json = successJson(answer, OAUTH);
        String value = text(json.get("access_token"));
        if (value == null || value.isBlank()) {
            throw fail(DarajaException.Kind.PROVIDER_ERROR, OAUTH, answer.status(), null, null, "no access_token in the answer", null);
        }
        Optional<Duration> expiresIn = seconds(json.get("expires_in"));
        if (expiresIn.isEmpty()) {
            log.atWarn().addKeyValue("assumedSeconds", DEFAULT_TOKEN_LIFETIME.toSeconds()).log("daraja.oauth.expires_in_unreadable");
        }
        Duration lifetime = expiresIn.orElse(DEFAULT_TOKEN_LIFETIME);
        log.atInfo().addKeyValue("expiresInSeconds", lifetime.toSeconds()).log("daraja.oauth.token_fetched");
        return new AccessTokens.Token(value, fetchedAt, lifetime);
    }

    private Request post(String path, byte[] body, boolean oneShot, String token) {
        return new Request.Builder().url(config.baseUrl() + path)
                .header("Authorization", "Bearer " + token)
                .post(jsonBody(body, oneShot))
                .build();
    }

    /** Returns Daraja's answer; no answer at all (refused, reset, timed out) throws {@code UNAVAILABLE}. */
    private Answer exchange(OkHttpClient client, Request request, String operation) {
        try (Response response = client.newCall(request).execute()) {
            String text = response.peekBody(MAX_ANSWER_BYTES).string();
            return new Answer(response.code(), jsonObject(text));
        } catch (IOException e) {
            throw fail(DarajaException.Kind.UNAVAILABLE, operation, 0, null, null, "no answer: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Returns the JSON of a 2xx answer without an error envelope; anything else throws: the envelope's kind (§3.2),
     * {@code UNAVAILABLE} for a body that is not JSON or a 5xx, {@code PROVIDER_ERROR} for another 4xx.
     */
    private JsonNode successJson(Answer answer, String operation) {
        Optional<ErrorEnvelope> envelope = answer.envelope();
        if (envelope.isPresent()) {
            ErrorEnvelope e = envelope.get();
            throw fail(e.kind(), operation, answer.status(), e.errorCode(), e.requestId(), e.errorMessage(), null);
        }
        if (answer.json() == null) {
            throw fail(DarajaException.Kind.UNAVAILABLE, operation, answer.status(), null, null, "answer is not a JSON object", null);
        }
        if (answer.status() < 200 || answer.status() > 299) {
            var kind = answer.status() >= 400 && answer.status() < 500 ? DarajaException.Kind.PROVIDER_ERROR : DarajaException.Kind.UNAVAILABLE;
            throw fail(kind, operation, answer.status(), null, null, "unexpected HTTP status", null);
        }
        return answer.json();
    }

    /** Returns the exception to throw, logged once here: ERROR for our bug or configuration, WARN otherwise. */
    private static DarajaException fail(DarajaException.Kind kind, String operation, int httpStatus, String errorCode,
                                        String requestId, String errorMessage, Throwable cause) {
        var failure = new DarajaException(kind, operation, httpStatus, errorCode, requestId, errorMessage, cause);
        log.atLevel(kind == DarajaException.Kind.PROVIDER_ERROR ? Level.ERROR : Level.WARN)
                .addKeyValue("operation", operation).addKeyValue("kind", kind)
                .addKeyValue("httpStatus", httpStatus == 0 ? null : httpStatus)
                .addKeyValue("requestId", requestId).addKeyValue("errorCode", errorCode)
                .addKeyValue("errorMessage", errorMessage)
                .log("daraja.error");
        return failure;
    }

    private static OkHttpClient withTimeouts(OkHttpClient http, Duration connect, Duration read) {
        return http.newBuilder().connectTimeout(connect).readTimeout(read).writeTimeout(read)
                .callTimeout(connect.plus(read)).build();
    }

    private static RequestBody jsonBody(byte[] bytes, boolean oneShot) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON; // exactly application/json: a wrong content type gets a misleading 400.002.02 (§1)
            }

            @Override
            public long contentLength() {
                return bytes.length;
            }

            @Override
            public boolean isOneShot() {
                return oneShot;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(bytes);
            }
        };
    }

    private static JsonNode jsonObject(String text) {
        if (text.isBlank()) return null;
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException notJson) {
            return null; // an HTML error page from a proxy, a truncated body: "not JSON" (§3.2)
        }
    }

    /** Returns a field Daraja sends as a string or a number (ids, codes), as text; null when absent or another type. */
    static String text(JsonNode node) {
        if (node == null) return null;
        if (node.isTextual()) return node.textValue().strip();
        if (node.isIntegralNumber()) return node.bigIntegerValue().toString();
        return null;
    }

    /** Returns {@code expires_in} as a positive duration: a number, or a string of digits (§2). */
    private static Optional<Duration> seconds(JsonNode node) {
        String digits = text(node);
        if (digits == null || !digits.matches("[0-9]{1,9}")) return Optional.empty();
        long seconds = Long.parseLong(digits);
        return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    }

    private static boolean usableId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH;
    }

    /** One HTTP answer: its status and its body when that is a JSON object (else null). */
    private record Answer(int status, JsonNode json) {
        Optional<ErrorEnvelope> envelope() {
            if (json == null || !json.has("errorCode")) return Optional.empty();
            String code = text(json.get("errorCode"));
            return Optional.of(new ErrorEnvelope(text(json.get("requestId")), code == null ? "" : code, text(json.get("errorMessage"))));
        }

        boolean invalidToken() {
            return status == 401 || envelope().map(ErrorEnvelope::invalidToken).orElse(false);
        }
    }
}
