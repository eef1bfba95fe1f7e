package com.wifibilling.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plain java.net.http client for one running local runtime: what a browser or curl would send. */
final class LocalApi {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    LocalApi(LocalRuntime runtime) {
        this.base = runtime.baseUri();
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /** GETs the raw bytes (a compressed body stays compressed: java.net.http never decodes it). */
    HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            return CLIENT.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        var publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return send(request(path, headers).method(method, publisher).build());
    }

    HttpResponse<String> send(String method, String path, byte[] body, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** POSTs {@code body} as JSON (a String is sent as it is, to test malformed bodies) with {@code headers}. */
    HttpResponse<String> postJson(String path, Object body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
        all.addAll(List.of(headers));
        return send("POST", path, body instanceof String text ? text : Json.write(body), all.toArray(String[]::new));
    }

    /** Logs in as the seeded admin@localhost (the runtime was started with this ADMIN_PASSWORD) and returns the JWT. */
    String adminToken(String password) {
        var login = postJson("/api/auth/login", Map.of("email", "admin@localhost", "password", password));
        if (login.statusCode() != 200) throw new AssertionError("admin login failed: " + login.body());
        return json(login).get("token").asText();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path, String... headers) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) builder.headers(headers);
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
