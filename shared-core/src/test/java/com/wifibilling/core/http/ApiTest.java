package com.wifibilling.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Phone;
import com.wifibilling.core.config.HttpConfig;
import com.wifibilling.core.metrics.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The error mapper and router, fed API Gateway v2 events as AWS delivers them (src/test/resources/events/apigw). */
class ApiTest {
    record Echo(String phone, int count, List<String> tags) {
        Echo {
            phone = Phone.parse(phone).msisdn(); // validation inside the record arrives as its own ApiException
        }
    }

    private final List<String> emitted = new ArrayList<>();
    private final Api api = new Api(new Router(Map.of(
            "POST /api/test/echo", request -> Reply.ok(request.json(Echo.class)),
            "GET /api/test/items/{itemId}", request -> Reply.ok(Map.of("itemId", request.pathParameter("itemId"))),
            "GET /api/payment/packages", request -> {
                throw new IllegalStateException("table missing: secret detail");
            }),
            Set.of("POST /api/test/echo", "GET /api/test/items/{itemId}", "GET /api/payment/packages", "GET /api/health")),
            new HttpConfig("test", Set.of("https://portal.example.co.ke")),
            new Metrics("test", Clock.systemUTC(), emitted::add));

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String code) throws Exception {
        assertEquals(status, response.getStatusCode());
        assertEquals(code, body(response).path("error").path("code").asText());
        assertFalse(body(response).path("error").path("message").asText().isBlank());
        assertEquals("application/json; charset=utf-8", response.getHeaders().get("Content-Type"));
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-echo.json", type = APIGatewayV2HTTPEvent.class)
    void jsonBodyIsParsedIntoTheRecord(APIGatewayV2HTTPEvent event) throws Exception {
        var response = api.respond(event, null);
        assertEquals(200, response.getStatusCode());
        assertEquals("254712345678", body(response).get("phone").asText());
        assertEquals(3, body(response).get("count").asInt());
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-echo-base64.json", type = APIGatewayV2HTTPEvent.class)
    void base64BodyIsDecodedFirst(APIGatewayV2HTTPEvent event) throws Exception {
        assertEquals("254712345678", body(api.respond(event, null)).get("phone").asText());
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-echo-malformed.json", type = APIGatewayV2HTTPEvent.class)
    void malformedJsonIs400InvalidJson(APIGatewayV2HTTPEvent event) throws Exception {
        assertError(api.respond(event, null), 400, "INVALID_JSON");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-echo-wrong-type.json", type = APIGatewayV2HTTPEvent.class)
    void fieldOfTheWrongTypeIs400NamingTheField(APIGatewayV2HTTPEvent event) throws Exception {
        var response = api.respond(event, null);
        assertError(response, 400, "INVALID_FIELD");
        assertEquals("count", body(response).path("error").path("field").asText());
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-echo-form.json", type = APIGatewayV2HTTPEvent.class)
    void formBodyIs415(APIGatewayV2HTTPEvent event) throws Exception {
        assertError(api.respond(event, null), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-echo-invalid-phone.json", type = APIGatewayV2HTTPEvent.class)
    void validationInsideTheRecordKeepsItsCode(APIGatewayV2HTTPEvent event) throws Exception {
        assertError(api.respond(event, null), 400, "INVALID_PHONE");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-echo.json", type = APIGatewayV2HTTPEvent.class)
    void bodyOver64KbIs413(APIGatewayV2HTTPEvent event) throws Exception {
        event.setBody("{\"phone\":\"0712345678\",\"count\":1,\"tags\":[\"" + "x".repeat(64 * 1024) + "\"]}");
        assertError(api.respond(event, null), 413, "PAYLOAD_TOO_LARGE");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-echo.json", type = APIGatewayV2HTTPEvent.class)
    void deeplyNestedJsonIs400(APIGatewayV2HTTPEvent event) throws Exception {
        event.setBody("{\"unknownField\":" + "[".repeat(500) + "]".repeat(500) + "}");
        assertError(api.respond(event, null), 400, "INVALID_JSON");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-echo.json", type = APIGatewayV2HTTPEvent.class)
    void bodyThatIsNotAnObjectIs400(APIGatewayV2HTTPEvent event) throws Exception {
        for (String body : List.of("null", "[]", "42", "\"text\"", "{} {}", "   ")) {
            event.setBody(body);
            var response = api.respond(event, null);
            assertEquals(400, response.getStatusCode(), body);
        }
    }

    @ParameterizedTest
    @Event(value = "events/apigw/get-item-by-id.json", type = APIGatewayV2HTTPEvent.class)
    void pathParametersReachTheRoute(APIGatewayV2HTTPEvent event) throws Exception {
        assertEquals("abc-123", body(api.respond(event, null)).get("itemId").asText());
    }

    @ParameterizedTest
    @Event(value = "events/apigw/default-unknown-path.json", type = APIGatewayV2HTTPEvent.class)
    void unknownPathOnTheDefaultRouteIs404(APIGatewayV2HTTPEvent event) throws Exception {
        assertError(api.respond(event, null), 404, "ROUTE_NOT_FOUND");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/default-wrong-method.json", type = APIGatewayV2HTTPEvent.class)
    void wrongMethodIs405WithAllow(APIGatewayV2HTTPEvent event) throws Exception {
        var response = api.respond(event, null);
        assertError(response, 405, "METHOD_NOT_ALLOWED");
        assertEquals("GET", response.getHeaders().get("Allow"));
    }

    @ParameterizedTest
    @Event(value = "events/apigw/default-wrong-method.json", type = APIGatewayV2HTTPEvent.class)
    void defaultRouteStillServesAKnownRouteOfThisFunction(APIGatewayV2HTTPEvent event) throws Exception {
        event.setRawPath("/api/test/items/x9");
        event.getRequestContext().getHttp().setMethod("GET");
        assertEquals("x9", body(api.respond(event, null)).get("itemId").asText());
    }

    @ParameterizedTest
    @Event(value = "events/apigw/get-packages.json", type = APIGatewayV2HTTPEvent.class)
    void unexpectedFailureIs500WithoutDetails(APIGatewayV2HTTPEvent event) throws Exception {
        var response = api.respond(event, null);
        assertError(response, 500, "INTERNAL");
        assertFalse(response.getBody().contains("secret detail"));
        assertFalse(response.getBody().contains("IllegalStateException"));
    }

    @ParameterizedTest
    @Event(value = "events/apigw/get-packages.json", type = APIGatewayV2HTTPEvent.class)
    void everyAnswerCarriesSecurityAndCorsHeadersForOurOrigin(APIGatewayV2HTTPEvent event) {
        var response = api.respond(event, null);
        Api.SECURITY_HEADERS.forEach((name, value) -> assertEquals(value, response.getHeaders().get(name), name));
        assertEquals("https://portal.example.co.ke", response.getHeaders().get("Access-Control-Allow-Origin"));
    }

    @ParameterizedTest
    @Event(value = "events/apigw/get-packages.json", type = APIGatewayV2HTTPEvent.class)
    void foreignOriginGetsNoCorsGrant(APIGatewayV2HTTPEvent event) {
        event.getHeaders().put("origin", "https://evil.example.com");
        var response = api.respond(event, null);
        assertFalse(response.getHeaders().containsKey("Access-Control-Allow-Origin"));
        assertEquals("Origin", response.getHeaders().get("Vary"));
    }

    @ParameterizedTest
    @Event(value = "events/apigw/default-options.json", type = APIGatewayV2HTTPEvent.class)
    void optionsOnAKnownPathAnswersAllow(APIGatewayV2HTTPEvent event) {
        var response = api.respond(event, null);
        assertEquals(204, response.getStatusCode());
        assertTrue(response.getHeaders().get("Allow").contains("GET"));
    }

    @Test
    void routeKeysOfTheRouterAreItsOwn() {
        assertEquals(Set.of("POST /api/test/echo", "GET /api/test/items/{itemId}", "GET /api/payment/packages"),
                api.router().routeKeys());
    }
}
