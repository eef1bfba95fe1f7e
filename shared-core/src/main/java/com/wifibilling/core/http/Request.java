package com.wifibilling.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One HTTP API request (payload format 2.0) as a route sees it: method, path, path and query parameters,
 * headers (case-insensitive), and the body — parsed as JSON only through {@link #json}, which turns every
 * client mistake into a 4xx with the JSON error shape.
 */
public final class Request {
    /** API Gateway's own limit is larger; ours keeps hostile bodies cheap (DESIGN §3, 413 PAYLOAD_TOO_LARGE). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private final Map<String, String> headers;
    private final Map<String, String> pathParameters;
    private final String body;

    public Request(APIGatewayV2HTTPEvent event) {
        this(event, event.getPathParameters() == null ? Map.of() : event.getPathParameters());
    }

    private Request(APIGatewayV2HTTPEvent event, Map<String, String> pathParameters) {
        this.event = event;
        this.pathParameters = Map.copyOf(pathParameters);
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) event.getHeaders().forEach((name, value) -> { if (name != null && value != null) byName.put(name, value); });
        this.headers = byName;
        this.body = decodeBody(event);
    }

    /** Returns the same request with path parameters taken from a matched route template ($default route). */
    Request withPathParameters(Map<String, String> parameters) {
        return new Request(event, parameters);
    }

    public String method() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return http == null || http.getMethod() == null ? "" : http.getMethod().toUpperCase(Locale.ROOT);
    }

    /** Returns the raw path, e.g. {@code /api/payment/packages}. */
    public String path() {
        return event.getRawPath() == null ? "/" : event.getRawPath();
    }

    /** Returns the HTTP API route key that matched, e.g. {@code "GET /api/health"} or {@code "$default"}. */
    public String routeKey() {
        return event.getRouteKey() == null ? "$default" : event.getRouteKey();
    }

    public String requestId() {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    public String sourceIp() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return http == null ? null : http.getSourceIp();
    }

    /** Returns a path parameter of the route, e.g. {@code callbackToken}; missing means the route is wrong. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isEmpty()) throw ApiException.notFound("ROUTE_NOT_FOUND", "No such resource");
        return value;
    }

    /** Returns a query parameter when present and not empty. */
    public Optional<String> query(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        String value = query == null ? null : query.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Returns a required query parameter; missing → 400 {@code INVALID_FIELD} naming it. */
    public String requireQuery(String name) {
        return query(name).orElseThrow(() -> ApiException.invalidField(name, name + " is required"));
    }

    /** Returns a header by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public String body() {
        return body;
    }

    /** Returns the body's size in bytes as received, for the 64 KB limit. */
    public int bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Returns the JSON body as {@code type}. Wrong content type → 415 {@code UNSUPPORTED_MEDIA_TYPE}; empty or
     * malformed JSON → 400 {@code INVALID_JSON}; a field of the wrong type → 400 {@code INVALID_FIELD} naming it.
     * Validation that records do in their constructors arrives as the ApiException they threw.
     */
    public <T> T json(Class<T> type) {
        String contentType = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.equals("application/json") && !contentType.startsWith("application/json;"))
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
        if (body.isBlank()) throw ApiException.badRequest("INVALID_JSON", "The request body is empty");
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) throw ApiException.badRequest("INVALID_JSON", "The request body must be a JSON object");
            return value;
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof ApiException rejected) throw rejected; // a record's own validation
            if (e instanceof MismatchedInputException && !e.getPath().isEmpty()) {
                String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                throw ApiException.invalidField(field, field + " has the wrong type or value");
            }
            throw ApiException.badRequest("INVALID_JSON", "The request body is not the JSON this route expects");
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("INVALID_JSON", "The request body is too deeply nested or has an oversized value");
        } catch (JacksonException e) {
            throw ApiException.badRequest("INVALID_JSON", "The request body is not valid JSON");
        }
    }

    private static String decodeBody(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw == null) return "";
        if (!event.getIsBase64Encoded()) return raw;
        try {
            return new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_JSON", "The request body could not be decoded");
        }
    }
}
