package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Mac;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbSessionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a phone does on the simulated hotspot, for the gateway simulator's tests: it opens the hotspot's login page
 * (as the router's redirect would), pays through the portal's API with the page's values, and submits the
 * {@code login} object's fields exactly as the portal does (a top-level GET to {@code url?fields}).
 */
final class HotspotFlow {
    final LocalRuntime runtime;
    final LocalApi api;
    final DynamoDbSessionStore sessions;

    HotspotFlow(LocalRuntime runtime) {
        this.runtime = runtime;
        this.api = new LocalApi(runtime);
        this.sessions = new DynamoDbSessionStore(AwsClients.dynamoDb(AwsConfig.from(Env.of(Map.of("AWS_REGION", "af-south-1",
                "DYNAMODB_ENDPOINT", runtime.dynamoDbEndpoint().toString())))), runtime.tableName("SessionsTable"));
    }

    /** GET /sim/gateway/default/login as the device: the §2.2 variables, with fresh CHAP values. */
    JsonNode loginPage(String mac, String ip) {
        HttpResponse<String> page = api.get("/sim/gateway/default/login?dst=http%3A%2F%2Fexample.com%2F", "X-Sim-Client-Mac", mac,
                "X-Sim-Client-Ip", ip, "Accept", "application/json");
        assertEquals(200, page.statusCode(), page.body());
        return json(page);
    }

    /** Pays for {@code packageId} with the page's values as the portal's gateway context; returns the completed status's login object. */
    JsonNode buy(String phone, String packageId, JsonNode page) {
        String body = Json.write(Map.of("phone", phone, "packageId", packageId, "gateway", gateway(page)));
        HttpResponse<String> initiated = api.send("POST", "/api/payment/initiate", body, "Content-Type", "application/json");
        assertEquals(200, initiated.statusCode(), initiated.body());
        JsonNode answer = json(initiated);
        return await("the purchase to complete", Duration.ofSeconds(15), () -> {
            JsonNode status = json(api.get("/api/payment/status?transactionId=" + answer.get("transactionId").asText(),
                    "X-Client-Token", answer.get("clientToken").asText()));
            return status.path("status").asText().equals("completed") && status.has("login") ? Optional.of(status.get("login")) : Optional.empty();
        });
    }

    /** {@code POST /api/auth/relogin} with a fresh page's values, as the portal retries after a failed login (§2.1). */
    JsonNode relogin(JsonNode page) {
        HttpResponse<String> answer = api.send("POST", "/api/auth/relogin", Json.write(Map.of("gateway", gateway(page))),
                "Content-Type", "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer).get("login");
    }

    private static Map<String, String> gateway(JsonNode page) {
        return Map.of("gatewayId", "default", "mac", page.get("mac").asText(), "ip", page.get("ip").asText(), "loginUrl",
                page.get("link-login-only").asText(), "dst", page.get("link-orig").asText(), "chapId", page.get("chapId").asText(),
                "chapChallenge", page.get("chapChallenge").asText());
    }

    /** Submits the login object as the portal does: a top-level GET to {@code url?fields}, from the device. */
    HttpResponse<String> submit(JsonNode login, String mac, String ip) {
        StringJoiner query = new StringJoiner("&");
        login.get("fields").properties().forEach(field -> query.add(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue().asText(), StandardCharsets.UTF_8)));
        String url = login.get("url").asText();
        String path = url.substring(url.indexOf("/sim/"));
        return api.get(path + "?" + query, "X-Sim-Client-Mac", mac, "X-Sim-Client-Ip", ip);
    }

    /** The simulator's view of the device's newest login. */
    Optional<JsonNode> simulatorLogin(String mac) {
        JsonNode items = json(api.get("/simulator/gateway/logins?mac=" + mac)).get("items");
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1));
    }

    JsonNode awaitSimulatorLogin(String mac, String what, Predicate<JsonNode> condition) {
        return await(what, Duration.ofSeconds(20), () -> simulatorLogin(mac).filter(condition));
    }

    Session awaitSession(String mac, String what, Predicate<Session> condition) {
        var device = new DeviceKey("default", Mac.parse(mac));
        return await(what, Duration.ofSeconds(20), () -> sessions.find(device).filter(condition));
    }

    void scenario(String json) {
        HttpResponse<String> answer = api.send("PUT", "/simulator/gateway/scenario", json, "Content-Type", "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
    }

    static <T> T await(String what, Duration within, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) return found.get();
            if (Instant.now().isAfter(deadline)) throw new AssertionError("Timed out after " + within.toSeconds() + " s waiting for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(response.statusCode() + ": " + response.body(), e);
        }
    }
}
