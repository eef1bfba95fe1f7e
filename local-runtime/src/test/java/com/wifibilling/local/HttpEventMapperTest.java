package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpEventMapperTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:20:36.123Z");
    private final HttpEventMapper mapper = new HttpEventMapper(Clock.fixed(NOW, ZoneOffset.UTC), "000000000000", "local");
    private static final RouteTable.RouteMatch PACKAGES = new RouteTable.RouteMatch("GET /api/payment/packages", "PaymentApi", Map.of());

    @Test
    void headersAreLowerCasedAndRepeatsJoinedWithCommas() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("text/html", "application/json"));
        headers.put("X-Client-Token", List.of("abc"));
        headers.put("x-client-token", List.of("def")); // the same header spelled differently
        headers.put("Host", List.of("localhost:3000"));
        APIGatewayV2HTTPEvent event = mapper.toEvent(request("GET", "/api/payment/packages", null, headers, null), PACKAGES);
        assertEquals("text/html,application/json", event.getHeaders().get("accept"));
        assertEquals("abc,def", event.getHeaders().get("x-client-token"));
        assertTrue(event.getHeaders().keySet().stream().allMatch(name -> name.equals(name.toLowerCase())));
        assertEquals("127.0.0.1", event.getHeaders().get("x-forwarded-for"));
        assertEquals("3000", event.getHeaders().get("x-forwarded-port"));
    }

    @Test
    void cookiesMoveFromTheHeadersIntoTheCookiesList() {
        Map<String, List<String>> headers = Map.of("Cookie", List.of("a=1; b=2", "c=3"));
        APIGatewayV2HTTPEvent event = mapper.toEvent(request("GET", "/x", null, headers, null), PACKAGES);
        assertEquals(List.of("a=1", "b=2", "c=3"), event.getCookies());
        assertFalse(event.getHeaders().containsKey("cookie"));
    }

    @Test
    void queryParametersAreDecodedWithRepeatsCommaJoinedAndTheRawStringKept() {
        String raw = "transactionId=tx%201&lang=sw&lang=en&flag&empty=&name=J%C3%BCrgen+K";
        APIGatewayV2HTTPEvent event = mapper.toEvent(request("GET", "/api/payment/status", raw, Map.of(), null), PACKAGES);
        assertEquals(raw, event.getRawQueryString());
        assertEquals(Map.of("transactionId", "tx 1", "lang", "sw,en", "flag", "", "empty", "", "name", "Jürgen K"),
                event.getQueryStringParameters());
    }

    @Test
    void noQueryMeansAnEmptyRawStringAndNoParameters() {
        APIGatewayV2HTTPEvent event = mapper.toEvent(request("GET", "/api/health", null, Map.of(), null), PACKAGES);
        assertEquals("", event.getRawQueryString());
        assertNull(event.getQueryStringParameters());
        assertNull(event.getPathParameters());
        assertNull(event.getBody());
        assertFalse(event.getIsBase64Encoded());
    }

    @Test
    void jsonBodyArrivesAsText() {
        byte[] body = "{\"phone\":\"0712345678\"}".getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent event = mapper.toEvent(request("POST", "/api/payment/initiate", null,
                Map.of("Content-Type", List.of("application/json; charset=utf-8")), body), PACKAGES);
        assertFalse(event.getIsBase64Encoded());
        assertEquals("{\"phone\":\"0712345678\"}", event.getBody());
    }

    @Test
    void binaryBodyArrivesBase64Encoded() {
        byte[] body = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        APIGatewayV2HTTPEvent event = mapper.toEvent(request("POST", "/upload", null,
                Map.of("Content-Type", List.of("image/png")), body), PACKAGES);
        assertTrue(event.getIsBase64Encoded());
        assertArrayEquals(body, Base64.getDecoder().decode(event.getBody()));
    }

    @Test
    void textTypesAreTextAndTheRestIsBinary() {
        for (String text : List.of("text/plain", "text/html; charset=utf-8", "application/json", "application/problem+json",
                "application/xml", "application/atom+xml", "application/javascript"))
            assertTrue(HttpEventMapper.isText(text), text);
        for (String binary : List.of("application/octet-stream", "image/png", "application/pdf", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded"))
            assertFalse(HttpEventMapper.isText(binary), binary);
        assertFalse(HttpEventMapper.isText(null), "a body without a type is sent as binary");
    }

    @Test
    void eventCarriesTheMatchedRouteAndItsDecodedPathParameters() {
        var route = new RouteTable.RouteMatch("POST /api/payment/callback/{callbackToken}", "PaymentCallback",
                Map.of("callbackToken", "tok en"));
        APIGatewayV2HTTPEvent event = mapper.toEvent(request("POST", "/api/payment/callback/tok%20en", null,
                Map.of("User-Agent", List.of("Safaricom/1.0")), null), route);
        assertEquals("2.0", event.getVersion());
        assertEquals("POST /api/payment/callback/{callbackToken}", event.getRouteKey());
        assertEquals("/api/payment/callback/tok%20en", event.getRawPath());
        assertEquals(Map.of("callbackToken", "tok en"), event.getPathParameters());
        var context = event.getRequestContext();
        assertEquals("POST /api/payment/callback/{callbackToken}", context.getRouteKey());
        assertEquals("$default", context.getStage());
        assertEquals("000000000000", context.getAccountId());
        assertEquals("local", context.getApiId());
        assertEquals("localhost", context.getDomainName());
        assertEquals("localhost", context.getDomainPrefix());
        assertEquals("25/Nov/2026:10:20:36 +0000", context.getTime());
        assertEquals(NOW.toEpochMilli(), context.getTimeEpoch());
        assertEquals(16, context.getRequestId().length());
        assertEquals("POST", context.getHttp().getMethod());
        assertEquals("/api/payment/callback/tok%20en", context.getHttp().getPath());
        assertEquals("HTTP/1.1", context.getHttp().getProtocol());
        assertEquals("127.0.0.1", context.getHttp().getSourceIp());
        assertEquals("Safaricom/1.0", context.getHttp().getUserAgent());
    }

    @Test
    void responseHeadersMultiValueHeadersAndCookiesAllReachTheWire() throws Exception {
        var response = APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withMultiValueHeaders(Map.of("Link", List.of("<a>", "<b>")))
                .withCookies(List.of("s=1; HttpOnly", "t=2"))
                .withBody("{\"ok\":true}").build();
        HttpEventMapper.OutgoingResponse out = HttpEventMapper.toResponse(response);
        assertEquals(201, out.status());
        assertEquals(List.of(Map.entry("Content-Type", "application/json"), Map.entry("Link", "<a>"), Map.entry("Link", "<b>"),
                Map.entry("Set-Cookie", "s=1; HttpOnly"), Map.entry("Set-Cookie", "t=2")), out.headers());
        assertEquals("{\"ok\":true}", new String(out.body(), StandardCharsets.UTF_8));
    }

    @Test
    void base64ResponseBodyIsDecodedToItsBytes() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        var response = APIGatewayV2HTTPResponse.builder().withStatusCode(200).withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(png)).build();
        assertArrayEquals(png, HttpEventMapper.toResponse(response).body());
    }

    @Test
    void responseThatApiGatewayCannotUseIsRefused() {
        assertThrows(HttpEventMapper.MalformedResponse.class, () -> HttpEventMapper.toResponse(null));
        assertThrows(HttpEventMapper.MalformedResponse.class,
                () -> HttpEventMapper.toResponse(APIGatewayV2HTTPResponse.builder().build())); // statusCode 0
        assertThrows(HttpEventMapper.MalformedResponse.class, () -> HttpEventMapper.toResponse(
                APIGatewayV2HTTPResponse.builder().withStatusCode(200).withIsBase64Encoded(true).withBody("not base64!").build()));
    }

    private static HttpEventMapper.IncomingRequest request(String method, String path, String query,
                                                           Map<String, List<String>> headers, byte[] body) {
        return new HttpEventMapper.IncomingRequest(method, path, query, headers, body, "127.0.0.1", "HTTP/1.1");
    }
}
