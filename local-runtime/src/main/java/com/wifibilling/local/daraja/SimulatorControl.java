package com.wifibilling.local.daraja;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test-only control endpoints of contracts/daraja.md §10.3, under {@code /simulator/}: the request log, the
 * checkouts with their deliveries, forced and forged callbacks, per-number scenario overrides, the settings of
 * §10.4, and reset. Lists answer {@code {"items":[…]}}; mistakes answer {@code {"error":{"code","message"}}}.
 */
final class SimulatorControl implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(SimulatorControl.class);
    private static final String PREFIX = "/simulator/";
    private static final int DEFAULT_LIMIT = 100;

    private final AtomicReference<SimulatorSettings> settings;
    private final Checkouts checkouts;
    private final Scenarios scenarios;
    private final StkSimulation simulation;
    private final RequestLog requests;
    private final Runnable reset;

    SimulatorControl(AtomicReference<SimulatorSettings> settings, Checkouts checkouts, Scenarios scenarios, StkSimulation simulation,
                     RequestLog requests, Runnable reset) {
        this.settings = settings;
        this.checkouts = checkouts;
        this.scenarios = scenarios;
        this.simulation = simulation;
        this.requests = requests;
        this.reset = reset;
    }

    /** A mistake in a control request: answered with its status and code, nothing changed. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Object answer;
            try {
                answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange);
            } catch (Refusal refusal) {
                status = refusal.status;
                answer = error(refusal.code, refusal.getMessage());
            } catch (IllegalArgumentException wrong) { // a value the settings, an override or an id refused
                status = 400;
                answer = error("INVALID_FIELD", wrong.getMessage());
            } catch (RuntimeException e) {
                log.atError().setCause(e).log("daraja.simulator.control.failed");
                status = 500;
                answer = error("INTERNAL", "The simulator failed; see its log");
            }
            HttpExchanges.send(exchange, status, Json.write(answer));
        }
    }

    private Object answer(String method, String path, HttpExchange exchange) throws IOException {
        List<String> parts = List.of(path.substring(PREFIX.length()).split("/", -1));
        String route = method + " " + switch (parts.size()) {
            case 1 -> parts.get(0);
            case 2 -> parts.get(0) + "/{id}";
            case 3 -> parts.get(0) + "/{id}/" + parts.get(2);
            default -> path;
        };
        return switch (route) {
            case "GET requests" -> Map.of("items", requests.newestFirst(limit(HttpExchanges.query(exchange).get("limit"))));
            case "GET checkouts" -> Map.of("items", checkouts.newestFirst().stream().map(c -> c.toJson(false)).toList());
            case "GET checkouts/{id}" -> checkout(parts.get(1)).toJson(true);
            case "POST checkouts/{id}/callback" -> forceCallback(checkout(parts.get(1)), json(exchange));
            case "GET scenarios" -> Map.of("items", scenarios.toJson());
            case "PUT scenarios/{id}" -> {
                ScenarioOverride override = ScenarioOverride.from(json(exchange));
                scenarios.put(parts.get(1), override);
                yield override.toJson(parts.get(1));
            }
            case "DELETE scenarios/{id}" -> Map.of("msisdn", parts.get(1), "removed", scenarios.remove(parts.get(1)));
            case "GET config" -> settings.get();
            case "PUT config" -> {
                JsonNode patch = json(exchange);
                yield settings.updateAndGet(current -> current.with(patch));
            }
            case "POST reset" -> {
                reset.run();
                yield Map.of("reset", true);
            }
            default -> throw knownPathWithOtherMethod(route) ? new Refusal(405, "METHOD_NOT_ALLOWED", "Method not allowed: " + route)
                    : new Refusal(404, "ROUTE_NOT_FOUND", "No control endpoint " + method + " " + path);
        };
    }

    /** Returns the delivery record of a forced callback, or the settled checkout with {@code "deliver":false} (§10.3). */
    private Object forceCallback(Checkout checkout, JsonNode body) {
        StkSimulation.ForcedCallback forced = forcedCallback(body);
        var delivery = simulation.force(checkout, forced);
        if (delivery.isEmpty()) return checkout.toJson(false);
        return waitFor(delivery.get()).toJson();
    }

    private static StkSimulation.ForcedCallback forcedCallback(JsonNode body) {
        if (body.isMissingNode() || body.isNull()) return new StkSimulation.ForcedCallback(null, true, Map.of(), null);
        if (!body.isObject()) throw new IllegalArgumentException("The body must be a JSON object");
        body.fieldNames().forEachRemaining(name -> {
            if (!List.of("resultCode", "deliver", "overrides", "url").contains(name))
                throw new IllegalArgumentException("Unknown field " + name + "; known: resultCode, deliver, overrides, url");
        });
        JsonNode code = body.path("resultCode");
        if (!code.isMissingNode() && !code.isTextual() && !code.isIntegralNumber())
            throw new IllegalArgumentException("resultCode must be a string like \"0\"");
        JsonNode deliver = body.path("deliver");
        if (!deliver.isMissingNode() && !deliver.isBoolean()) throw new IllegalArgumentException("deliver must be true or false");
        Map<String, JsonNode> overrides = new LinkedHashMap<>();
        JsonNode given = body.path("overrides");
        if (!given.isMissingNode() && !given.isObject()) throw new IllegalArgumentException("overrides must be a JSON object");
        for (Map.Entry<String, JsonNode> override : given.properties()) {
            if (!CallbackBody.OVERRIDABLE.contains(override.getKey()))
                throw new IllegalArgumentException("Cannot override " + override.getKey() + "; can: " + CallbackBody.OVERRIDABLE);
            overrides.put(override.getKey(), override.getValue());
        }
        return new StkSimulation.ForcedCallback(code.isMissingNode() ? null : code.asText(), deliver.asBoolean(true), overrides,
                url(body.path("url")));
    }

    private static URI url(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return null;
        try {
            URI url = new URI(node.asText());
            if (node.isTextual() && url.isAbsolute() && url.getHost() != null && (url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))) return url;
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new IllegalArgumentException("url must be an absolute http(s) URL");
    }

    /** Returns the first attempt's record; a control request may wait for it, as tests want the answer they caused. */
    private static CallbackDelivery waitFor(CompletableFuture<CallbackDelivery> delivery) {
        try {
            return delivery.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Checkout checkout(String checkoutRequestId) {
        return checkouts.find(checkoutRequestId)
                .orElseThrow(() -> new Refusal(404, "NOT_FOUND", "No checkout " + checkoutRequestId));
    }

    private static JsonNode json(HttpExchange exchange) throws IOException {
        byte[] body = HttpExchanges.body(exchange);
        if (body.length == 0) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new Refusal(400, "INVALID_JSON", "The body is not JSON");
        }
    }

    private static int limit(String text) {
        if (text == null) return DEFAULT_LIMIT;
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= RequestLog.CAPACITY) return limit;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("limit must be 1-" + RequestLog.CAPACITY);
    }

    private static boolean knownPathWithOtherMethod(String route) {
        String shape = route.substring(route.indexOf(' ') + 1);
        return List.of("requests", "checkouts", "checkouts/{id}", "checkouts/{id}/callback", "scenarios", "scenarios/{id}",
                "config", "reset").contains(shape);
    }

    private static Map<String, Object> error(String code, String message) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", code);
        detail.put("message", message);
        return Map.of("error", detail);
    }
}
