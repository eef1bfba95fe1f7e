package com.wifibilling.local.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Page;
import com.wifibilling.core.auth.IssuedToken;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.voucher.VoucherBatch;
import com.wifibilling.core.voucher.VoucherOrder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin API over plain {@link HttpClient}, signed in as one admin: voucher orders, batch progress and a batch's
 * vouchers page by page (DESIGN §3). Every answer other than the expected one becomes an {@link ApiError} that
 * carries the API's own code and message. The token stays inside; nothing here prints it.
 */
final class AdminApiClient {
    /** Generating 1,000 codes while the caller waits takes seconds; API Gateway itself stops at 30. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final JavaType VOUCHER_PAGE = Json.MAPPER.getTypeFactory().constructParametricType(Page.class, VoucherSheet.Row.class);

    private final HttpClient http;
    private final String base;
    private final String token;

    private AdminApiClient(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    /** Returns a client signed in through {@code POST /api/auth/login}; 401 and 429 come back as {@link ApiError}. */
    static AdminApiClient signIn(HttpClient http, URI api, String email, String password) {
        String base = api.toString().replaceAll("/+$", ""); // a stage path (…/prod) is kept
        var body = Map.of("email", email, "password", password);
        IssuedToken issued = new AdminApiClient(http, base, null).send("POST", "/api/auth/login", body, 200, IssuedToken.class);
        return new AdminApiClient(http, base, issued.token());
    }

    /** Returns the batch {@code POST /api/admin/vouchers/generate} answered: done (201), or running in the background (202). */
    VoucherBatch order(VoucherOrder order) {
        var body = new LinkedHashMap<String, Object>();
        body.put("packageId", order.packageId());
        body.put("count", order.count());
        if (!order.prefix().isEmpty()) body.put("prefix", order.prefix());
        body.put("length", order.length());
        if (order.validDays() != null) body.put("validDays", order.validDays());
        return send("POST", "/api/admin/vouchers/generate", body, 0, VoucherBatch.class);
    }

    /** Returns the batch as {@code GET /api/admin/vouchers/batches/{batchId}} has it now. */
    VoucherBatch batch(String batchId) {
        return send("GET", "/api/admin/vouchers/batches/" + encode(batchId), null, 200, VoucherBatch.class);
    }

    /** Returns one page of a batch's vouchers in code order; {@code cursor} null for the first. */
    Page<VoucherSheet.Row> vouchers(String batchId, int limit, String cursor) {
        String query = "?batchId=" + encode(batchId) + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + encode(cursor));
        return send("GET", "/api/admin/vouchers" + query, null, 200, VOUCHER_PAGE);
    }

    private <T> T send(String method, String path, Object body, int expected, Class<T> type) {
        return send(method, path, body, expected, Json.MAPPER.getTypeFactory().constructType(type));
    }

    /** Returns the answer read as {@code type}; {@code expected} 0 takes any 2xx. */
    private <T> T send(String method, String path, Object body, int expected, JavaType type) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (body == null) request.method(method, HttpRequest.BodyPublishers.noBody());
        else request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiError("Cannot reach " + base + " (" + method + " " + stripQuery(path) + "): " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError("Interrupted during " + method + " " + stripQuery(path));
        }
        int status = response.statusCode();
        boolean ok = expected == 0 ? status / 100 == 2 : status == expected;
        if (!ok) throw ApiError.of(method + " " + stripQuery(path), response);
        try {
            return Json.MAPPER.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new ApiError(method + " " + stripQuery(path) + " answered " + status + " with a body this tool does not understand: "
                    + e.getOriginalMessage());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * The API said no, or could not be reached; the message is one line: the status, the API's code and message
     * ({@code 401 UNAUTHORIZED: Email or password is wrong}), and when to try again for a 429.
     */
    static final class ApiError extends RuntimeException {
        private final String code;

        ApiError(String message) {
            this(message, null);
        }

        private ApiError(String message, String code) {
            super(message);
            this.code = code;
        }

        /** Returns the error the answer carries ({@code {"error":{"code","message"}}}), or its status and first bit of body. */
        static ApiError of(String call, HttpResponse<String> response) {
            int status = response.statusCode();
            String retry = response.headers().firstValue("Retry-After").map(seconds -> " (retry after " + seconds + " s)").orElse("");
            JsonNode error = errorOf(response.body());
            if (error != null) {
                String code = error.path("code").asText();
                return new ApiError(status + " " + code + ": " + error.path("message").asText() + retry, code);
            }
            String body = response.body() == null ? "" : response.body().strip().replaceAll("\\s+", " ");
            return new ApiError(status + " from " + call + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body))
                    + retry);
        }

        private static JsonNode errorOf(String body) {
            try {
                JsonNode error = Json.MAPPER.readTree(body == null ? "" : body).path("error");
                return error.path("code").isTextual() ? error : null;
            } catch (JacksonException e) {
                return null;
            }
        }

        /** Returns the API's error code ({@code UNKNOWN_PACKAGE}), or null when the API gave none. */
        String code() {
            return code;
        }
    }
}
