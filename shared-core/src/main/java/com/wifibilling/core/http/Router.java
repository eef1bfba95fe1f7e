package com.wifibilling.core.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Returns the reply of the route a request's route key names (STYLE §4): the same key API Gateway and the
 * local runtime derive from template.yaml, e.g. {@code "POST /api/payment/callback/{callbackToken}"}. A request
 * that arrives on the {@code $default} route is matched against every route of the API: a path served with
 * another method answers 405 {@code METHOD_NOT_ALLOWED} with {@code Allow}, anything else 404
 * {@code ROUTE_NOT_FOUND}. Never a regex on the raw path for routing proper.
 */
public final class Router {
    private final Map<String, Route> routes;
    private final List<RouteTemplate> apiTemplates;

    /** {@code routes} are this function's; {@code apiRouteKeys} are all of the API's (see {@link ApiRoutes}). */
    public Router(Map<String, Route> routes, Collection<String> apiRouteKeys) {
        this.routes = Map.copyOf(routes);
        List<RouteTemplate> templates = new ArrayList<>();
        for (String key : new TreeSet<>(apiRouteKeys)) templates.add(RouteTemplate.parse(key));
        for (String key : routes.keySet()) {
            if (!apiRouteKeys.contains(key)) templates.add(RouteTemplate.parse(key));
        }
        this.apiTemplates = List.copyOf(templates);
    }

    public Router(Map<String, Route> routes) {
        this(routes, ApiRoutes.ALL);
    }

    /** Returns this function's route keys (a test compares them with template.yaml). */
    public Set<String> routeKeys() {
        return routes.keySet();
    }

    public Reply route(Request request) {
        Route route = routes.get(request.routeKey());
        if (route != null) return route.handle(request);
        return unmatched(request);
    }

    /** The $default route: find what the path would be with the right method, if anything. */
    private Reply unmatched(Request request) {
        String method = request.method();
        Set<String> allowed = new TreeSet<>();
        for (RouteTemplate template : apiTemplates) {
            Optional<Map<String, String>> parameters = template.match(request.path());
            if (parameters.isEmpty()) continue;
            Route local = routes.get(template.key());
            if (template.method().equals(method) && local != null)
                return local.handle(request.withPathParameters(parameters.get()));
            allowed.add(template.method());
        }
        if (allowed.isEmpty()) throw ApiException.notFound("ROUTE_NOT_FOUND", "No route for " + safePath(request.path()));
        if (method.equals("OPTIONS")) return Reply.noContent().withHeader("Allow", String.join(", ", allowed) + ", OPTIONS");
        if (allowed.contains(method))
            throw ApiException.notFound("ROUTE_NOT_FOUND", "No route for " + safePath(request.path())); // another function serves it
        throw new ApiException(405, "METHOD_NOT_ALLOWED", "Use " + String.join(" or ", allowed) + " for this path",
                null, Map.of("Allow", String.join(", ", allowed)));
    }

    /** Echo a path back only in a bounded, printable form. */
    private static String safePath(String path) {
        String printable = path.replaceAll("[^\\x21-\\x7e]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "…" : printable;
    }

    /** {@code "GET /api/x/{id}"} split into method and path segments; {@code {name}} matches one segment. */
    record RouteTemplate(String key, String method, List<String> segments) {
        static RouteTemplate parse(String key) {
            int space = key.indexOf(' ');
            if (space < 0) throw new IllegalArgumentException("Route key must be \"METHOD /path\": " + key);
            return new RouteTemplate(key, key.substring(0, space), List.of(key.substring(space + 1).split("/", -1)));
        }

        Optional<Map<String, String>> match(String path) {
            String[] parts = path.split("/", -1);
            if (parts.length != segments.size()) return Optional.empty();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < parts.length; i++) {
                String segment = segments.get(i);
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    if (parts[i].isEmpty()) return Optional.empty();
                    parameters.put(segment.substring(1, segment.length() - 1), parts[i]);
                } else if (!segment.equals(parts[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }
    }
}
