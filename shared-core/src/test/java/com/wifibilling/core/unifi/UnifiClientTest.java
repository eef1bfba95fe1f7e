package com.wifibilling.core.unifi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Mac;
import com.wifibilling.core.gateway.UnifiController;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real client against MockWebServer replaying the controller exchanges of contracts/gateways.md §5.3. */
class UnifiClientTest {
    private static final UnifiCredentials CREDENTIALS = new UnifiCredentials("wb-portal", "s3cret-controller-pass");
    private static final Mac DEVICE = Mac.parse("AA:BB:CC:DD:EE:01");
    private static final UnifiGuest GUEST = new UnifiGuest(DEVICE, 59, 2000, 5000, Optional.empty());
    private static final String OK = "{\"meta\":{\"rc\":\"ok\"},\"data\":[]}";
    private static final String LOGIN_REQUIRED = "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.LoginRequired\"},\"data\":[]}";
    private static final String CSRF = "6b1f0c1e-4a0c-4f4e-9d1b-2f0c6a8e7d11";

    private final MockWebServer controller = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        controller.start();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    private UnifiClient client(boolean unifiOs, String site) {
        String base = controller.url("/").toString();
        return new UnifiClient(new OkHttpClient(), new UnifiController(base, site, unifiOs, "env:UNIFI_LOGIN", null), CREDENTIALS);
    }

    private void answer(int status, String body, String... headers) {
        var response = new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body);
        for (int i = 0; i < headers.length; i += 2) response.addHeader(headers[i], headers[i + 1]);
        controller.enqueue(response.build());
    }

    private void classicLogin(String session) {
        answer(200, OK, "Set-Cookie", "unifises=" + session + "; Path=/; Secure; HttpOnly", "Set-Cookie", "csrf_token=" + CSRF + "; Path=/; Secure");
    }

    private static String tokenJwt(String csrfToken) {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        String payload = "{\"userId\":\"u-1\",\"csrfToken\":\"" + csrfToken + "\",\"exp\":1893456000}";
        return encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    private RecordedRequest take() {
        try {
            RecordedRequest request = controller.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) throw new AssertionError("the controller received no request");
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode body(RecordedRequest request) {
        try {
            return Json.MAPPER.readTree(request.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertLogin(RecordedRequest login, String path) {
        assertEquals("POST", login.getMethod());
        assertEquals(path, login.getTarget());
        assertEquals(Json.MAPPER.createObjectNode().put("username", "wb-portal").put("password", "s3cret-controller-pass"), body(login));
        assertTrue(login.getHeaders().get("Content-Type").startsWith("application/json"));
    }

    @Test
    void classicControllerLogsInThenAuthorizesTheGuestWithItsCookieAndCsrfToken() {
        classicLogin("sess-1");
        answer(200, OK);
        client(false, "default").authorizeGuest(GUEST);

        assertLogin(take(), "/api/login");
        RecordedRequest command = take();
        assertEquals("POST", command.getMethod());
        assertEquals("/api/s/default/cmd/stamgr", command.getTarget());
        assertEquals("unifises=sess-1; csrf_token=" + CSRF, command.getHeaders().get("Cookie"));
        assertEquals(CSRF, command.getHeaders().get("X-CSRF-Token"));
        assertEquals(Json.MAPPER.createObjectNode().put("cmd", "authorize-guest").put("mac", "aa:bb:cc:dd:ee:01")
                .put("minutes", 59).put("up", 2000).put("down", 5000), body(command));
    }

    @Test
    void unifiOsUsesItsLoginPathTheNetworkPrefixAndTheJwtCsrfClaim() {
        String token = tokenJwt(CSRF);
        answer(200, "{\"unique_id\":\"u-1\",\"username\":\"wb-portal\"}", "Set-Cookie", "TOKEN=" + token + "; path=/; samesite=strict; secure; httponly");
        answer(200, OK);
        client(true, "branch2").unauthorizeGuest(DEVICE);

        assertLogin(take(), "/api/auth/login");
        RecordedRequest command = take();
        assertEquals("/proxy/network/api/s/branch2/cmd/stamgr", command.getTarget());
        assertEquals("TOKEN=" + token, command.getHeaders().get("Cookie"));
        assertEquals(CSRF, command.getHeaders().get("X-CSRF-Token"));
        assertEquals(Json.MAPPER.createObjectNode().put("cmd", "unauthorize-guest").put("mac", "aa:bb:cc:dd:ee:01"), body(command));
    }

    @Test
    void unifiOsTakesTheCsrfHeaderWhenTheTokenCarriesNoClaimAndKeepsARotatedOne() {
        answer(200, "{}", "Set-Cookie", "TOKEN=opaque; path=/", "X-CSRF-Token", "from-header");
        answer(200, OK, "X-Updated-CSRF-Token", "rotated");
        answer(200, OK);
        var client = client(true, "default");
        client.authorizeGuest(GUEST);
        client.authorizeGuest(GUEST);

        take();
        assertEquals("from-header", take().getHeaders().get("X-CSRF-Token"));
        assertEquals("rotated", take().getHeaders().get("X-CSRF-Token"));
    }

    @Test
    void theLoginCookieIsReusedAcrossCommands() {
        classicLogin("sess-1");
        answer(200, OK);
        answer(200, OK);
        var client = client(false, "default");
        client.authorizeGuest(GUEST);
        client.unauthorizeGuest(DEVICE);

        assertEquals("/api/login", take().getTarget());
        assertEquals("/api/s/default/cmd/stamgr", take().getTarget());
        assertEquals("unifises=sess-1; csrf_token=" + CSRF, take().getHeaders().get("Cookie"));
        assertEquals(3, controller.getRequestCount());
    }

    @Test
    void anExpiredLoginAnsweredWithLoginRequiredIsRenewedOnceAndTheCommandRepeated() {
        classicLogin("sess-1");
        answer(200, OK);
        answer(401, LOGIN_REQUIRED);
        classicLogin("sess-2");
        answer(200, OK);
        var client = client(false, "default");
        client.authorizeGuest(GUEST);
        client.authorizeGuest(GUEST); // the controller restarted in between: the cookie is stale

        take();
        take();
        assertEquals("unifises=sess-1; csrf_token=" + CSRF, take().getHeaders().get("Cookie"));
        assertLogin(take(), "/api/login");
        RecordedRequest retry = take();
        assertEquals("/api/s/default/cmd/stamgr", retry.getTarget());
        assertEquals("unifises=sess-2; csrf_token=" + CSRF, retry.getHeaders().get("Cookie"));
        assertEquals("authorize-guest", body(retry).get("cmd").asText());
    }

    @Test
    void loginRequiredInA200EnvelopeAlsoRenewsTheLogin() {
        String first = tokenJwt("csrf-1");
        String second = tokenJwt("csrf-2");
        answer(200, "{}", "Set-Cookie", "TOKEN=" + first + "; path=/");
        answer(200, LOGIN_REQUIRED);
        answer(200, "{}", "Set-Cookie", "TOKEN=" + second + "; path=/");
        answer(200, OK);
        client(true, "default").authorizeGuest(GUEST);

        take();
        assertEquals("csrf-1", take().getHeaders().get("X-CSRF-Token"));
        assertEquals("/api/auth/login", take().getTarget());
        RecordedRequest retry = take();
        assertEquals("TOKEN=" + second, retry.getHeaders().get("Cookie"));
        assertEquals("csrf-2", retry.getHeaders().get("X-CSRF-Token"));
    }

    @Test
    void aLoginStillRequiredAfterLoggingInAgainFailsInsteadOfLooping() {
        classicLogin("sess-1");
        answer(401, LOGIN_REQUIRED);
        classicLogin("sess-2");
        answer(401, LOGIN_REQUIRED);
        var e = assertThrows(UnifiException.class, () -> client(false, "default").authorizeGuest(GUEST));
        assertEquals(UnifiException.Kind.REJECTED, e.kind());
        assertEquals(Optional.of(401), e.httpStatus());
        assertEquals(4, controller.getRequestCount());
    }

    @Test
    void refusedCredentialsAreALoginErrorThatNamesNoSecret() {
        answer(400, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.Invalid\"},\"data\":[]}");
        var e = assertThrows(UnifiException.class, () -> client(false, "default").authorizeGuest(GUEST));
        assertEquals(UnifiException.Kind.LOGIN_REFUSED, e.kind());
        assertEquals("login", e.operation());
        assertEquals(Optional.of("api.err.Invalid"), e.controllerMessage());
        assertFalse(e.retryable());
        assertFalse(e.getMessage().contains("s3cret-controller-pass"), e.getMessage());
        assertEquals(1, controller.getRequestCount());
    }

    @Test
    void aCommandErrorIsRejectedWithTheControllerMessage() {
        classicLogin("sess-1");
        answer(400, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.InvalidArgs\"},\"data\":[]}");
        var e = assertThrows(UnifiException.class, () -> client(false, "default").authorizeGuest(GUEST));
        assertEquals(UnifiException.Kind.REJECTED, e.kind());
        assertEquals("authorize-guest", e.operation());
        assertEquals(Optional.of("api.err.InvalidArgs"), e.controllerMessage());
    }

    @Test
    void aServerErrorOrABodyThatIsNotTheEnvelopeIsUnavailable() {
        classicLogin("sess-1");
        answer(502, "<html>Bad Gateway</html>");
        answer(200, "<html>login page</html>");
        var client = client(false, "default");
        var e = assertThrows(UnifiException.class, () -> client.authorizeGuest(GUEST));
        assertEquals(UnifiException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.retryable());
        assertEquals(UnifiException.Kind.UNAVAILABLE, assertThrows(UnifiException.class, () -> client.authorizeGuest(GUEST)).kind());
    }

    @Test
    void aDroppedConnectionIsTriedTwiceMoreThenUnavailable() {
        classicLogin("sess-1");
        for (int i = 0; i < 3; i++) controller.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
        var e = assertThrows(UnifiException.class, () -> client(false, "default").authorizeGuest(GUEST));
        assertEquals(UnifiException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.httpStatus().isEmpty());
        assertEquals(4, controller.getRequestCount());
    }

    @Test
    void aDroppedConnectionFollowedByAnAnswerSucceeds() {
        classicLogin("sess-1");
        controller.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
        answer(200, OK);
        client(false, "default").authorizeGuest(GUEST);
        assertEquals(3, controller.getRequestCount());
    }

    @Test
    void aLoginWithoutTheSessionCookieIsUnavailable() {
        answer(200, OK);
        assertEquals(UnifiException.Kind.UNAVAILABLE,
                assertThrows(UnifiException.class, () -> client(false, "default").authorizeGuest(GUEST)).kind());
    }

    @Test
    void csrfClaimIsReadFromTheJwtPayload() {
        assertEquals(CSRF, UnifiClient.csrfClaim(tokenJwt(CSRF)));
        assertNull(UnifiClient.csrfClaim("not-a-jwt"));
        assertNull(UnifiClient.csrfClaim("a.!!!.c"));
    }
}
