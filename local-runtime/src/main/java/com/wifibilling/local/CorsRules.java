package com.wifibilling.local;

import com.wifibilling.core.config.SamTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP API's {@code CorsConfiguration} from template.yaml, applied as API Gateway applies it: a preflight
 * (OPTIONS with {@code Origin} and {@code Access-Control-Request-Method}) is answered here and never reaches a
 * function, and on every other response the CORS headers are the configuration's, whatever the function set.
 */
final class CorsRules {
    private final Set<String> allowOrigins;
    private final String allowMethods;
    private final String allowHeaders;
    private final String exposeHeaders;
    private final int maxAgeSeconds;

    CorsRules(Set<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders, List<String> exposeHeaders,
              int maxAgeSeconds) {
        this.allowOrigins = Set.copyOf(allowOrigins);
        this.allowMethods = String.join(",", allowMethods).toUpperCase(Locale.ROOT);
        this.allowHeaders = String.join(",", allowHeaders).toLowerCase(Locale.ROOT);
        this.exposeHeaders = String.join(",", exposeHeaders).toLowerCase(Locale.ROOT);
        this.maxAgeSeconds = maxAgeSeconds;
    }

    /** Returns the template's rules with origins resolved for the local stack; empty when it configures none. */
    static Optional<CorsRules> from(SamTemplate template, LocalResources resources) {
        return template.cors().map(cors -> {
            Set<String> origins = new LinkedHashSet<>();
            for (Object origin : cors.allowOrigins()) // a local origin parameter may list both loopback spellings
                Arrays.stream(SamTemplate.resolve(origin, resources).split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).forEach(origins::add);
            return new CorsRules(origins, cors.allowMethods(), cors.allowHeaders(), cors.exposeHeaders(), cors.maxAgeSeconds());
        });
    }

    static boolean isPreflight(String method, Map<String, List<String>> headers) {
        return method.equals("OPTIONS") && first(headers, "origin").isPresent()
                && first(headers, "access-control-request-method").isPresent();
    }

    /** Returns the 204 answer to a preflight; an origin that is not allowed gets no CORS headers. */
    List<Map.Entry<String, String>> preflightHeaders(Map<String, List<String>> requestHeaders) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Optional<String> origin = first(requestHeaders, "origin").filter(this::allows);
        if (origin.isEmpty()) return headers;
        headers.add(Map.entry("Access-Control-Allow-Origin", allowOrigins.contains("*") ? "*" : origin.get()));
        if (!allowMethods.isEmpty()) headers.add(Map.entry("Access-Control-Allow-Methods", allowMethods));
        if (!allowHeaders.isEmpty()) headers.add(Map.entry("Access-Control-Allow-Headers", allowHeaders));
        if (maxAgeSeconds > 0) headers.add(Map.entry("Access-Control-Max-Age", Integer.toString(maxAgeSeconds)));
        return headers;
    }

    /** Returns the function's headers with its CORS headers replaced by the configuration's. */
    List<Map.Entry<String, String>> applyTo(List<Map.Entry<String, String>> responseHeaders, Map<String, List<String>> requestHeaders) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : responseHeaders)
            if (!header.getKey().toLowerCase(Locale.ROOT).startsWith("access-control-")) headers.add(header);
        first(requestHeaders, "origin").filter(this::allows).ifPresent(origin -> {
            headers.add(Map.entry("Access-Control-Allow-Origin", allowOrigins.contains("*") ? "*" : origin));
            if (!exposeHeaders.isEmpty()) headers.add(Map.entry("Access-Control-Expose-Headers", exposeHeaders));
        });
        return headers;
    }

    private boolean allows(String origin) {
        return allowOrigins.contains("*") || allowOrigins.contains(origin);
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        for (var entry : headers.entrySet())
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) return Optional.of(entry.getValue().getFirst());
        return Optional.empty();
    }
}
