package com.wifibilling.core.sms;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Phone;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one SMS through Africa's Talking's messaging API: {@code POST {SMS_PROVIDER_URL}/version1/messaging}, a form
 * body of {@code username}, {@code to} ({@code +2547…}), {@code message} and {@code from} (the sender id, when
 * configured), headers {@code apiKey} and {@code Accept: application/json}. The answer is
 * {@code {"SMSMessageData":{"Message":…,"Recipients":[{"statusCode":101,"number":…,"status":"Success","cost":"KES 0.8000","messageId":"ATXid_…"}]}}},
 * one recipient here. AT's per-recipient status codes decide the outcome: 100 Processed, 101 Sent, 102 Queued are
 * {@link SmsOutcome.Sent}; 403 InvalidPhoneNumber, 404 UnsupportedNumberType, 406 UserInBlacklist and
 * 409 DoNotDisturbRejection are {@link SmsOutcome.Rejected} (the same number fails the same way tomorrow); the rest
 * (401 RiskHold, 402 InvalidSenderId, 405 InsufficientBalance, 407 CouldNotRoute, 500 InternalServerError,
 * 501 GatewayError, 502 RejectedByGateway, unknown codes) and every HTTP-level failure (a 401 for a wrong key, 5xx,
 * a timeout) are {@link SmsOutcome.Failed}: they end once the operator or AT fixes something, and a message that
 * keeps failing reaches the DLQ, where it can be redriven. Nothing is retried here. The API key is never logged.
 */
public final class SmsSender {
    static final String PATH = "version1/messaging";
    /** AT's codes for a recipient that can never be reached with this text (their SMS docs, "statusCode"). */
    static final Set<Integer> PERMANENT = Set.of(403, 404, 406, 409);
    private static final Set<Integer> SENT = Set.of(100, 101, 102);
    private static final long MAX_ANSWER_BYTES = 64 * 1024;

    private final OkHttpClient http;
    private final SmsConfig config;
    private final HttpUrl endpoint;

    /** {@code http} is the container's one client; calls are capped at 3 s to connect and 10 s in all. */
    public SmsSender(OkHttpClient http, SmsConfig config) {
        this(http, config, Duration.ofSeconds(10));
    }

    SmsSender(OkHttpClient http, SmsConfig config, Duration callTimeout) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = http.newBuilder().connectTimeout(Duration.ofSeconds(3)).callTimeout(callTimeout).build();
        this.endpoint = HttpUrl.get(config.baseUrl().toString()).newBuilder().addPathSegments(PATH).build();
    }

    /** Returns what Africa's Talking did with {@code message} to {@code to}. */
    public SmsOutcome send(Phone to, String message) {
        FormBody.Builder form = new FormBody.Builder().add("username", config.username()).add("to", "+" + to.msisdn())
                .add("message", message);
        config.senderId().ifPresent(from -> form.add("from", from));
        Request request = new Request.Builder().url(endpoint).header("apiKey", config.apiKey()).header("Accept", "application/json")
                .post(form.build()).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) return new SmsOutcome.Failed("http-" + response.code());
            return outcome(body(response));
        } catch (IOException unreachable) {
            return new SmsOutcome.Failed(unreachable instanceof InterruptedIOException ? "timeout" : "unreachable");
        }
    }

    private static String body(Response response) throws IOException {
        ResponseBody body = response.body();
        return body.source().request(MAX_ANSWER_BYTES + 1) ? "" : body.string();
    }

    static SmsOutcome outcome(String answer) {
        JsonNode recipient;
        try {
            recipient = Json.MAPPER.readTree(answer).path("SMSMessageData").path("Recipients").path(0);
        } catch (JacksonException unreadable) {
            return new SmsOutcome.Failed("unreadable-answer");
        }
        if (!recipient.path("statusCode").canConvertToInt()) return new SmsOutcome.Failed("unreadable-answer");
        int code = recipient.path("statusCode").asInt();
        String status = recipient.path("status").asText("status-" + code);
        if (SENT.contains(code)) return new SmsOutcome.Sent(recipient.path("messageId").asText(), recipient.path("cost").asText(), code);
        if (PERMANENT.contains(code)) return new SmsOutcome.Rejected(status, code);
        return new SmsOutcome.Failed(status);
    }
}
