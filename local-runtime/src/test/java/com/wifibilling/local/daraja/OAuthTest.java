package com.wifibilling.local.daraja;

import static com.wifibilling.local.daraja.SimulatorClient.basic;
import static com.wifibilling.local.daraja.SimulatorClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OAuth as contracts/daraja.md §2 and §10.1 describe it, and the token settings of §10.4. */
class OAuthTest {
    private static final String GENERATE = "/oauth/v1/generate?grant_type=client_credentials";
    @RegisterExtension
    static final SimulatorFixture FIXTURE = new SimulatorFixture();
    private static final SimulatorClient daraja = FIXTURE.daraja;

    @Test
    void rightCredentialsGetA28CharacterTokenWithExpiresInAsTheString3599() {
        HttpResponse<String> response = daraja.oauth(GENERATE, basic(SimulatorClient.KEY, SimulatorClient.SECRET));
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = json(response);
        assertTrue(body.get("access_token").asText().matches("[A-Za-z0-9]{28}"), body.toString());
        assertTrue(body.get("expires_in").isTextual(), "a string, as captured from real answers");
        assertEquals("3599", body.get("expires_in").asText());
        assertEquals(2, body.size());
    }

    @Test
    void theContractsExampleCredentialsEncodeAsItSays() {
        assertEquals("Basic Y29uc3VtZXJLZXk6Y29uc3VtZXJTZWNyZXQ=", basic("consumerKey", "consumerSecret"));
    }

    @Test
    void everyTokenIsNew() {
        assertNotEquals(daraja.token(), daraja.token());
    }

    @Test
    void missingOrWrongGrantTypeIsInvalidGrantType() {
        String credentials = basic(SimulatorClient.KEY, SimulatorClient.SECRET);
        for (String path : new String[] {"/oauth/v1/generate", "/oauth/v1/generate?grant_type=password",
                "/oauth/v1/generate?grant_type=client_credentials%20"}) { // the classic trailing space
            HttpResponse<String> response = daraja.oauth(path, credentials);
            assertEquals(400, response.statusCode(), path);
            assertEquals("400.008.02", json(response).get("errorCode").asText(), path);
            assertEquals("Invalid grant type passed", json(response).get("errorMessage").asText());
        }
    }

    @Test
    void authorizationThatIsNotBasicIsInvalidAuthenticationType() {
        for (String authorization : new String[] {null, "Bearer abc", "Digest x"}) {
            HttpResponse<String> response = daraja.oauth(GENERATE, authorization);
            assertEquals(400, response.statusCode());
            assertEquals("400.008.01", json(response).get("errorCode").asText());
            assertEquals("Invalid authentication type passed", json(response).get("errorMessage").asText());
        }
    }

    @Test
    void wrongCredentialsAreHttp400WithAnEmptyBody() {
        for (String authorization : new String[] {basic(SimulatorClient.KEY, "wrong"), basic("wrong", SimulatorClient.SECRET),
                "Basic not-base64!"}) {
            HttpResponse<String> response = daraja.oauth(GENERATE, authorization);
            assertEquals(400, response.statusCode());
            assertEquals("", response.body());
        }
    }

    @Test
    void postToTheTokenPathIsMethodNotAllowed() {
        HttpResponse<String> response = daraja.post(GENERATE, null, "application/json", "{}");
        assertEquals(405, response.statusCode());
        assertEquals("405.001", json(response).get("errorCode").asText());
    }

    @Test
    void unknownPathIsResourceNotFound() {
        HttpResponse<String> response = daraja.post("/mpesa/stkpush/v2/processrequest", daraja.token(), "application/json", "{}");
        assertEquals(404, response.statusCode());
        assertEquals("404.001.01", json(response).get("errorCode").asText());
        assertEquals("Resource not found", json(response).get("errorMessage").asText());
    }

    @Test
    void expiresInAsNumberAndTokenTtlChangeTheAnswer() {
        daraja.configure(Map.of("expiresInAsNumber", true, "tokenTtlSeconds", 120));
        JsonNode body = json(daraja.oauth(GENERATE, basic(SimulatorClient.KEY, SimulatorClient.SECRET)));
        assertTrue(body.get("expires_in").isIntegralNumber(), body.toString());
        assertEquals(120, body.get("expires_in").asInt());
    }

    @Test
    void tokenStopsWorkingWhenItsLifetimeEnds() throws Exception {
        daraja.configure(Map.of("tokenTtlSeconds", 1));
        String token = daraja.token();
        assertEquals(400, daraja.query(token, "ws_CO_unknown").statusCode(), "valid now: the query gets past the token check");
        SimulatorClient.await(Duration.ofSeconds(5), () -> daraja.query(token, "ws_CO_unknown").statusCode() == 404, "token expired");
        assertEquals("404.001.03", json(daraja.query(token, "ws_CO_unknown")).get("errorCode").asText());
    }

    @Test
    void olderTokensKeepWorkingByDefault() {
        String first = daraja.token();
        daraja.token();
        assertEquals(400, daraja.query(first, "ws_CO_unknown").statusCode(), "past the token check");
    }

    @Test
    void withInvalidatePreviousTokenANewTokenRetiresTheOlderOnes() {
        daraja.configure(Map.of("invalidatePreviousToken", true));
        String first = daraja.token();
        String second = daraja.token();
        HttpResponse<String> withFirst = daraja.query(first, "ws_CO_unknown");
        assertEquals(404, withFirst.statusCode());
        assertEquals("404.001.03", json(withFirst).get("errorCode").asText());
        assertEquals("Invalid Access Token", json(withFirst).get("errorMessage").asText());
        assertEquals(400, daraja.query(second, "ws_CO_unknown").statusCode(), "the newest one works");
    }
}
