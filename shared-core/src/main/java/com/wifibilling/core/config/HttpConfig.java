package com.wifibilling.core.config;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every API function needs to answer HTTP: its service name (logs and metrics) and the browser origins
 * CORS allows (the portal's and the admin dashboard's, {@code ALLOWED_ORIGINS}, comma-separated).
 */
public record HttpConfig(String service, Set<String> allowedOrigins) {
    public HttpConfig {
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    public static HttpConfig from(Env env) {
        return new HttpConfig(env.require("SERVICE_NAME"),
                env.optional("ALLOWED_ORIGINS", HttpConfig::origins, Set.of()));
    }

    private static Set<String> origins(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(origin -> {
            URI uri = URI.create(origin);
            if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()))
                throw new ConfigException("ALLOWED_ORIGINS entries must be scheme://host[:port] without a path");
            return origin;
        }).collect(Collectors.toUnmodifiableSet());
    }
}
