package com.wifibilling.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays API Gateway's HTTP API in front of the functions: the 10 MB payload limit (413), CORS preflights,
 * route selection, the payload 2.0 event, one invocation of the route's function, and the response. Its own
 * answers use API Gateway's bodies: {@code {"message":"Not Found"}} when no route (and no {@code $default})
 * matches, {@code {"message":"Internal Server Error"}} when the function fails. The access log names the route
 * key, never the raw path, which can carry a token (the Daraja callback's).
 */
final class ApiGatewayEmulator implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiGatewayEmulator.class);
    /** The header of API Gateway's own JSON answers. */
    private static final List<Map.Entry<String, String>> JSON = List.of(Map.entry("Content-Type", "application/json"));
    /** How much of an oversized body is read to answer 413 cleanly; beyond it the connection is just closed. */
    private static final long DRAIN_LIMIT = 4L * HttpEventMapper.MAX_BODY_BYTES;

    private final RouteTable routes;
    private final Map<String, FunctionHost> functions;
    private final HttpEventMapper mapper;
    private final Optional<CorsRules> cors;

    ApiGatewayEmulator(RouteTable routes, Map<String, FunctionHost> functions, HttpEventMapper mapper, Optional<CorsRules> cors) {
        this.routes = routes;
        this.functions = Map.copyOf(functions);
        this.mapper = mapper;
        this.cors = cors;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String routeKey = "-";
        int status = 500;
        try (exchange) {
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            byte[] body = readBody(exchange);
            if (body == null) {
                status = send(exchange, method, 413, JSON, message("Request Entity Too Large"));
                return;
            }
            if (cors.isPresent() && CorsRules.isPreflight(method, headers)) {
                routeKey = "CORS preflight";
                status = send(exchange, method, 204, cors.get().preflightHeaders(headers), new byte[0]);
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<RouteTable.RouteMatch> match = routes.match(method, rawPath);
            if (match.isEmpty()) {
                status = send(exchange, method, 404, corsOn(JSON, headers), message("Not Found"));
                return;
            }
            routeKey = match.get().routeKey();
            var request = new HttpEventMapper.IncomingRequest(method, rawPath, exchange.getRequestURI().getRawQuery(), headers,
                    body, exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
            APIGatewayV2HTTPEvent event = mapper.toEvent(request, match.get());
            exchange.getResponseHeaders().add("Apigw-Requestid", event.getRequestContext().getRequestId());
            HttpEventMapper.OutgoingResponse response = invoke(match.get().function(), event);
            status = send(exchange, method, response.status(), corsOn(response.headers(), headers), response.body());
        } finally {
            log.atInfo().addKeyValue("method", method).addKeyValue("routeKey", routeKey).addKeyValue("status", status)
                    .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000).log("local.http");
        }
    }

    private HttpEventMapper.OutgoingResponse invoke(String function, APIGatewayV2HTTPEvent event) {
        try {
            Object answer = functions.get(function).invoke(event);
            if (!(answer instanceof APIGatewayV2HTTPResponse response))
                throw new HttpEventMapper.MalformedResponse(function + " returned " + (answer == null ? "null" : answer.getClass().getSimpleName()));
            return HttpEventMapper.toResponse(response);
        } catch (FunctionHost.InvocationFailure e) {
            return internalError(); // already logged with its cause by the host
        } catch (HttpEventMapper.MalformedResponse e) {
            log.atError().addKeyValue("function", function).log("local.http.malformed-response: " + e.getMessage());
            return internalError();
        }
    }

    private List<Map.Entry<String, String>> corsOn(List<Map.Entry<String, String>> responseHeaders, Map<String, List<String>> requestHeaders) {
        return cors.map(rules -> rules.applyTo(responseHeaders, requestHeaders)).orElse(responseHeaders);
    }

    /**
     * Returns the body, or null when it is larger than API Gateway accepts. The rest of an oversized body is read
     * and dropped (up to a bound), so the client gets the 413 instead of a connection reset mid-upload.
     */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(HttpEventMapper.MAX_BODY_BYTES + 1);
            if (body.length <= HttpEventMapper.MAX_BODY_BYTES) return body;
            in.skipNBytes(Math.min(DRAIN_LIMIT, Math.max(0, declaredLength(exchange) - body.length)));
            return null;
        } catch (java.io.EOFException shorterThanDeclared) {
            return null;
        }
    }

    private static long declaredLength(HttpExchange exchange) {
        try {
            String declared = exchange.getRequestHeaders().getFirst("Content-Length");
            return declared == null ? 0 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static HttpEventMapper.OutgoingResponse internalError() {
        return new HttpEventMapper.OutgoingResponse(500, JSON,
                "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] message(String text) {
        return ("{\"message\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static int send(HttpExchange exchange, String method, int status, List<Map.Entry<String, String>> headers,
                            byte[] body) throws IOException {
        var out = exchange.getResponseHeaders();
        headers.forEach(header -> out.add(header.getKey(), header.getValue()));
        boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || body.length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body);
        }
        return status;
    }
}
