package com.wifibilling.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.wifibilling.core.config.HttpConfig;
import com.wifibilling.core.metrics.Metrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns an HTTP API event into a response (STYLE §5): the one place where exceptions become HTTP answers.
 * An {@link ApiException} is the caller's problem (WARN, no stack, its status and code); anything else is ours
 * (ERROR with stack, 500 {@code INTERNAL} with a reference and no details). Every answer, errors included,
 * carries the JSON content type, the security headers and, for allowed origins, CORS headers. Metrics are
 * flushed and the log context cleared in {@code finally}.
 */
public final class Api {
    private static final Logger log = LoggerFactory.getLogger(Api.class);
    /** Headers on every answer: no caching of personal data, no sniffing, no framing, HTTPS only. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    private static final String EXPOSED = "Retry-After";

    private final Router router;
    private final HttpConfig config;
    private final Metrics metrics;
    private final AtomicBoolean cold = new AtomicBoolean(true);

    public Api(Router router, HttpConfig config, Metrics metrics) {
        this.router = router;
        this.config = config;
        this.metrics = metrics;
    }

    public Router router() {
        return router;
    }

    public APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        MDC.put("requestId", requestId);
        MDC.put("service", config.service());
        if (context != null && context.getFunctionName() != null) MDC.put("function", context.getFunctionName());
        MDC.put("coldStart", Boolean.toString(cold.getAndSet(false)));
        try {
            Request request = new Request(event);
            if (request.bodyBytes() > Request.MAX_BODY_BYTES)
                throw new ApiException(413, "PAYLOAD_TOO_LARGE", "The request body is larger than 64 KB");
            Reply reply = router.route(request);
            return response(event, reply.status(), reply.body(), reply.headers());
        } catch (ApiException e) {
            log.atWarn().addKeyValue("status", e.status()).addKeyValue("code", e.code()).log("request.rejected");
            return response(event, e.status(), ErrorBody.of(e.code(), e.getMessage(), e.field().orElse(null)), e.headers());
        } catch (RuntimeException e) {
            log.error("request.failed", e);
            return response(event, 500, ErrorBody.of("INTERNAL", "Something went wrong on our side (ref " + requestId + ")", null), Map.of());
        } finally {
            metrics.flush();
            MDC.clear();
        }
    }

    private APIGatewayV2HTTPResponse response(APIGatewayV2HTTPEvent event, int status, Object body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
        if (body != null) headers.put("Content-Type", body instanceof PlainText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8");
        corsHeaders(event).forEach(headers::put);
        headers.putAll(extra);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withBody(body == null ? "" : body instanceof PlainText text ? text.text() : Json.write(body)).withIsBase64Encoded(false).build();
    }

    /** Echoes the Origin only when it is one of ours; API Gateway's CORS settings say the same in AWS. */
    private Map<String, String> corsHeaders(APIGatewayV2HTTPEvent event) {
        String origin = null;
        if (event != null && event.getHeaders() != null) {
            for (var header : event.getHeaders().entrySet()) {
                if ("origin".equalsIgnoreCase(header.getKey())) origin = header.getValue();
            }
        }
        if (origin == null || !config.allowedOrigins().contains(origin)) return Map.of("Vary", "Origin");
        return Map.of("Access-Control-Allow-Origin", origin, "Vary", "Origin", "Access-Control-Expose-Headers", EXPOSED);
    }
}
