package com.wifibilling.local;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.SamTemplate.FunctionSpec;
import com.wifibilling.core.config.SamTemplate.HttpRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the template route a request belongs to, as API Gateway's HTTP API does: of the routes whose path and
 * method match, the most specific wins — segment by segment a literal beats {@code {param}}, which beats the
 * greedy {@code {proxy+}}; then an exact method beats {@code ANY}. A request no route matches goes to the
 * {@code $default} route when the template has one; otherwise there is no match (API Gateway's 404).
 */
final class RouteTable {
    /** The route a request matched: its route key (as the event carries it), the function and path parameters. */
    record RouteMatch(String routeKey, String function, Map<String, String> pathParameters) {
        RouteMatch {
            pathParameters = Map.copyOf(pathParameters);
        }
    }

    private enum SegmentKind { GREEDY, PARAMETER, LITERAL } // ascending specificity

    private record Segment(SegmentKind kind, String text) {
        static Segment parse(String text) {
            if (text.startsWith("{") && text.endsWith("+}")) return new Segment(SegmentKind.GREEDY, text.substring(1, text.length() - 2));
            if (text.startsWith("{") && text.endsWith("}")) return new Segment(SegmentKind.PARAMETER, text.substring(1, text.length() - 1));
            return new Segment(SegmentKind.LITERAL, text);
        }
    }

    private record Route(String routeKey, String method, List<Segment> segments, String function) {
        Optional<Map<String, String>> match(List<String> rawSegments) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                Segment segment = segments.get(i);
                if (segment.kind() == SegmentKind.GREEDY) { // the last segment: one or more of what is left
                    if (i >= rawSegments.size() || String.join("/", rawSegments.subList(i, rawSegments.size())).isEmpty())
                        return Optional.empty();
                    parameters.put(segment.text(), PercentDecoding.decode(String.join("/", rawSegments.subList(i, rawSegments.size()))));
                    return Optional.of(parameters);
                }
                if (i >= rawSegments.size()) return Optional.empty();
                String value = PercentDecoding.decode(rawSegments.get(i));
                if (segment.kind() == SegmentKind.PARAMETER) {
                    if (value.isEmpty()) return Optional.empty();
                    parameters.put(segment.text(), value);
                } else if (!segment.text().equals(value)) {
                    return Optional.empty();
                }
            }
            return rawSegments.size() == segments.size() ? Optional.of(parameters) : Optional.empty();
        }
    }

    /** More specific first: compare the kinds segment by segment, then an exact method before ANY. */
    private static final Comparator<Route> MOST_SPECIFIC_FIRST = (a, b) -> {
        for (int i = 0; i < Math.min(a.segments().size(), b.segments().size()); i++) {
            int byKind = b.segments().get(i).kind().compareTo(a.segments().get(i).kind());
            if (byKind != 0) return byKind;
        }
        int byLength = Integer.compare(b.segments().size(), a.segments().size());
        if (byLength != 0) return byLength;
        return Boolean.compare(a.method().equals("ANY"), b.method().equals("ANY"));
    };

    private final List<Route> routes;
    private final Optional<String> defaultFunction;

    private RouteTable(List<Route> routes, Optional<String> defaultFunction) {
        this.routes = routes.stream().sorted(MOST_SPECIFIC_FIRST).toList();
        this.defaultFunction = defaultFunction;
    }

    /** Returns the table of every HttpApi event in the template; a route key declared twice stops start-up. */
    static RouteTable of(List<FunctionSpec> functions) {
        List<Route> routes = new ArrayList<>();
        Map<String, String> owners = new LinkedHashMap<>();
        String defaultFunction = null;
        for (FunctionSpec function : functions) {
            for (HttpRoute route : function.routes()) {
                String previous = owners.putIfAbsent(route.routeKey(), function.logicalId());
                if (previous != null)
                    throw new ConfigException("Route " + route.routeKey() + " is declared by both " + previous + " and " + function.logicalId());
                if (route.isDefault()) {
                    defaultFunction = function.logicalId();
                    continue;
                }
                if (!route.path().startsWith("/")) throw new ConfigException(function.logicalId() + ": route path must start with /: " + route.path());
                List<Segment> segments = segments(route.path()).stream().map(Segment::parse).toList();
                for (int i = 0; i < segments.size() - 1; i++) {
                    if (segments.get(i).kind() == SegmentKind.GREEDY)
                        throw new ConfigException(function.logicalId() + ": a greedy path variable must end the path: " + route.path());
                }
                routes.add(new Route(route.routeKey(), route.method(), segments, function.logicalId()));
            }
        }
        return new RouteTable(routes, Optional.ofNullable(defaultFunction));
    }

    /** Returns the matched route, the {@code $default} route, or empty (API Gateway answers 404 Not Found). */
    Optional<RouteMatch> match(String method, String rawPath) {
        List<String> raw = segments(rawPath);
        for (Route route : routes) {
            if (!route.method().equals("ANY") && !route.method().equals(method)) continue;
            Optional<Map<String, String>> parameters = route.match(raw);
            if (parameters.isPresent()) return Optional.of(new RouteMatch(route.routeKey(), route.function(), parameters.get()));
        }
        return defaultFunction.map(function -> new RouteMatch("$default", function, Map.of()));
    }

    private static List<String> segments(String path) {
        String withoutLeadingSlash = path.startsWith("/") ? path.substring(1) : path;
        return List.of(withoutLeadingSlash.split("/", -1));
    }
}
