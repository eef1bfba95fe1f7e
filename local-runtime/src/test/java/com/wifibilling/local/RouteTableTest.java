package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.config.SamTemplate.FunctionSpec;
import com.wifibilling.core.config.SamTemplate.HttpRoute;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** API Gateway's route selection: the example routes of its HTTP API routing documentation, and ours. */
class RouteTableTest {
    private final RouteTable routes = RouteTable.of(List.of(
            function("DogOne", route("GET", "/pets/dog/1")),
            function("DogById", route("GET", "/pets/dog/{id}")),
            function("AnyPet", route("GET", "/pets/{proxy+}")),
            function("Everything", route("ANY", "/{proxy+}")),
            function("Callback", route("POST", "/api/payment/callback/{callbackToken}")),
            function("AnyGateway", route("ANY", "/api/gateway/heartbeat")),
            function("GetGateway", route("GET", "/api/gateway/heartbeat"))));

    @Test
    void exactPathBeatsAPathParameter() {
        assertEquals(match("GET /pets/dog/1", "DogOne", Map.of()), routes.match("GET", "/pets/dog/1"));
    }

    @Test
    void pathParameterBeatsAGreedyVariable() {
        assertEquals(match("GET /pets/dog/{id}", "DogById", Map.of("id", "2")), routes.match("GET", "/pets/dog/2"));
    }

    @Test
    void greedyVariableTakesTheRestOfThePath() {
        assertEquals(match("GET /pets/{proxy+}", "AnyPet", Map.of("proxy", "cat/1")), routes.match("GET", "/pets/cat/1"));
    }

    @Test
    void anyMethodCatchesWhatNoSpecificMethodClaims() {
        assertEquals(match("ANY /{proxy+}", "Everything", Map.of("proxy", "pets/dog/1")), routes.match("POST", "/pets/dog/1"));
    }

    @Test
    void exactMethodBeatsAnyOnTheSamePath() {
        assertEquals("GetGateway", routes.match("GET", "/api/gateway/heartbeat").orElseThrow().function());
        assertEquals("AnyGateway", routes.match("PUT", "/api/gateway/heartbeat").orElseThrow().function());
    }

    @Test
    void pathParametersAreDecoded() {
        assertEquals(Map.of("callbackToken", "a b/c"),
                routes.match("POST", "/api/payment/callback/a%20b%2Fc").orElseThrow().pathParameters());
    }

    @Test
    void withoutADefaultRouteAnUnmatchedRequestMatchesNothing() {
        var narrow = RouteTable.of(List.of(function("Health", route("GET", "/api/health"))));
        assertEquals(Optional.empty(), narrow.match("GET", "/api/nope"));
        assertEquals(Optional.empty(), narrow.match("POST", "/api/health"));
        assertEquals(Optional.empty(), narrow.match("GET", "/api/health/"), "a trailing slash is another path");
    }

    @Test
    void unmatchedRequestGoesToTheDefaultRoute() {
        var withDefault = RouteTable.of(List.of(function("Api", route("GET", "/api/payment/packages"), new HttpRoute("ANY", null))));
        assertEquals(match("$default", "Api", Map.of()), withDefault.match("POST", "/api/payment/packages"));
        assertEquals(match("$default", "Api", Map.of()), withDefault.match("GET", "/anything/else"));
        assertEquals(match("GET /api/payment/packages", "Api", Map.of()), withDefault.match("GET", "/api/payment/packages"));
    }

    @Test
    void emptyParameterSegmentDoesNotMatch() {
        assertEquals("Everything", routes.match("POST", "/api/payment/callback/").orElseThrow().function());
    }

    @Test
    void sameRouteKeyInTwoFunctionsStopsStartUp() {
        assertThrows(ConfigException.class, () -> RouteTable.of(List.of(
                function("A", route("GET", "/api/health")), function("B", route("GET", "/api/health")))));
    }

    @Test
    void greedyVariableInTheMiddleStopsStartUp() {
        assertThrows(ConfigException.class, () -> RouteTable.of(List.of(function("A", route("GET", "/a/{proxy+}/b")))));
    }

    @Test
    void theRealTemplatesRoutesSelectPaymentApi() {
        var real = RouteTable.of(SamTemplate.load(com.wifibilling.core.RepoPaths.template()).functions());
        assertEquals(match("GET /api/payment/packages", "PaymentApi", Map.of()), real.match("GET", "/api/payment/packages"));
        assertEquals(match("$default", "PaymentApi", Map.of()), real.match("DELETE", "/api/health"));
    }

    private static Optional<RouteTable.RouteMatch> match(String routeKey, String function, Map<String, String> parameters) {
        return Optional.of(new RouteTable.RouteMatch(routeKey, function, parameters));
    }

    private static HttpRoute route(String method, String path) {
        return new HttpRoute(method, path);
    }

    private static FunctionSpec function(String id, HttpRoute... routes) {
        return new FunctionSpec(id, "com.example." + id, "handleRequest", "x.jar", 15, 1024, Map.of(),
                Arrays.asList(routes), List.of(), List.of());
    }
}
