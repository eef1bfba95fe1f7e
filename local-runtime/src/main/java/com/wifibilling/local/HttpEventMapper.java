package com.wifibilling.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an HTTP request into the event API Gateway's HTTP API sends a Lambda integration (payload format 2.0),
 * and the function's {@link APIGatewayV2HTTPResponse} back into status, headers and bytes. The event follows
 * what AWS delivers: header names lower-cased and repeats joined with commas, cookies moved out of the headers
 * into {@code cookies}, query parameters decoded with repeats comma-joined, path parameters decoded, and a
 * body that is not text sent base64-encoded with {@code isBase64Encoded} true.
 */
final class HttpEventMapper {
    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** Bodies of these types arrive as text; everything else (images, octet streams, forms) base64-encoded. */
    private static final Set<String> TEXT_TYPES = Set.of("application/json", "application/xml", "application/javascript",
            "application/graphql", "application/x-yaml", "application/yaml");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An HTTP request as the server received it; header names as sent, each line a separate value. */
    record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                           byte[] body, String sourceIp, String protocol) {}

    /** What goes back on the wire; a header name may repeat (Set-Cookie). */
    record OutgoingResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {}

    /** The function answered something API Gateway cannot turn into a response (it answers 500 then). */
    static final class MalformedResponse extends Exception {
        MalformedResponse(String message) {
            super(message);
        }
    }

    private final Clock clock;
    private final String accountId;
    private final String apiId;

    HttpEventMapper(Clock clock, String accountId, String apiId) {
        this.clock = clock;
        this.accountId = accountId;
        this.apiId = apiId;
    }

    APIGatewayV2HTTPEvent toEvent(IncomingRequest request, RouteTable.RouteMatch route) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String line : values)
                    for (String cookie : line.split(";")) if (!cookie.isBlank()) cookies.add(cookie.strip());
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        String host = headers.getOrDefault("host", "localhost");
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-forwarded-port", host.contains(":") ? host.substring(host.lastIndexOf(':') + 1) : "80");
        Instant now = clock.instant();
        headers.putIfAbsent("x-amzn-trace-id", traceId(now));

        String rawQuery = request.rawQuery() == null ? "" : request.rawQuery();
        // In AWS domainName is the API's host name; locally the Host header, port included, so a handler that
        // builds an absolute URL from it (a callback URL, a login link) builds one that works here.
        String domainPrefix = host.split("[.:]", 2)[0];
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(request.method()).withPath(request.rawPath()).withProtocol(request.protocol())
                .withSourceIp(request.sourceIp()).withUserAgent(headers.getOrDefault("user-agent", "")).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(accountId).withApiId(apiId).withDomainName(host).withDomainPrefix(domainPrefix)
                .withHttp(http).withRequestId(requestId()).withRouteKey(route.routeKey()).withStage("$default")
                .withTime(REQUEST_TIME.format(now)).withTimeEpoch(now.toEpochMilli()).build();

        var event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(route.routeKey()).withRawPath(request.rawPath()).withRawQueryString(rawQuery)
                .withHeaders(headers).withRequestContext(context).withIsBase64Encoded(false).build();
        if (!cookies.isEmpty()) event.setCookies(cookies);
        Map<String, String> query = queryParameters(rawQuery);
        if (!query.isEmpty()) event.setQueryStringParameters(query);
        if (!route.pathParameters().isEmpty()) event.setPathParameters(route.pathParameters());
        if (request.body() != null && request.body().length > 0) {
            boolean text = isText(headers.get("content-type"));
            event.setIsBase64Encoded(!text);
            event.setBody(text ? new String(request.body(), StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(request.body()));
        }
        return event;
    }

    /** Returns status, headers (single, multi-value, and one Set-Cookie per cookie) and the decoded body. */
    static OutgoingResponse toResponse(APIGatewayV2HTTPResponse response) throws MalformedResponse {
        if (response == null) throw new MalformedResponse("the function returned null");
        int status = response.getStatusCode();
        if (status < 100 || status > 599) throw new MalformedResponse("statusCode " + status + " is not an HTTP status");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (response.getHeaders() != null) response.getHeaders().forEach((name, value) -> {
            if (name != null && value != null) headers.add(Map.entry(name, value));
        });
        if (response.getMultiValueHeaders() != null) response.getMultiValueHeaders().forEach((name, values) -> {
            if (name != null && values != null) values.forEach(value -> headers.add(Map.entry(name, value)));
        });
        if (response.getCookies() != null) response.getCookies().forEach(cookie -> headers.add(Map.entry("Set-Cookie", cookie)));
        byte[] body;
        String text = response.getBody() == null ? "" : response.getBody();
        if (response.getIsBase64Encoded()) {
            try {
                body = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new MalformedResponse("isBase64Encoded is true but the body is not base64");
            }
        } else {
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        return new OutgoingResponse(status, List.copyOf(headers), body);
    }

    /** Decoded query parameters; a repeated name's values joined with commas, as payload 2.0 does. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return parameters;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = formDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : formDecode(pair.substring(equals + 1));
            if (!name.isEmpty()) parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    static boolean isText(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || TEXT_TYPES.contains(type) || type.endsWith("+json") || type.endsWith("+xml");
    }

    private static String formDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // a stray % arrives as it was sent
        }
    }

    /** API Gateway's request ids look like {@code JDi2xiGtpE0EMhA=}: 11 random bytes in base64. */
    private static String requestId() {
        byte[] bytes = new byte[11];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** X-Ray's trace id form: {@code Root=1-<epoch seconds, hex>-<96 random bits, hex>}. */
    private static String traceId(Instant now) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + HexFormat.of().formatHex(bytes);
    }
}
