package com.wifibilling.local.daraja;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daraja's own paths (contracts/daraja.md §1, §10.1): OAuth, STK Push and STK Query, with Daraja's answers to an
 * unknown path ({@code 404.001.01}) and a wrong method ({@code 405.001}). Every answer is kept in the
 * {@link RequestLog}.
 */
final class DarajaEndpoints implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(DarajaEndpoints.class);
    static final String OAUTH = "/oauth/v1/generate";
    static final String STK_PUSH = "/mpesa/stkpush/v1/processrequest";
    static final String STK_QUERY = "/mpesa/stkpushquery/v1/query";
    private static final Map<String, String> METHODS = Map.of(OAUTH, "GET", STK_PUSH, "POST", STK_QUERY, "POST");

    private final byte[] basicCredentials;
    private final Supplier<SimulatorSettings> settings;
    private final IssuedTokens tokens;
    private final StkPushValidation validation;
    private final StkSimulation simulation;
    private final SpikeArrest spikeArrest;
    private final RequestLog requests;
    private final DarajaIds ids;
    private final Clock clock;

    DarajaEndpoints(String consumerKey, String consumerSecret, Supplier<SimulatorSettings> settings, IssuedTokens tokens,
                    StkPushValidation validation, StkSimulation simulation, SpikeArrest spikeArrest, RequestLog requests,
                    DarajaIds ids, Clock clock) {
        this.basicCredentials = (consumerKey + ":" + consumerSecret).getBytes(StandardCharsets.UTF_8);
        this.settings = settings;
        this.tokens = tokens;
        this.validation = validation;
        this.simulation = simulation;
        this.spikeArrest = spikeArrest;
        this.requests = requests;
        this.ids = ids;
        this.clock = clock;
    }

    /** An answer: the status and the JSON text, empty for no body at all. */
    private record Answer(int status, String body) {
        static Answer of(DarajaRejection rejection, DarajaIds ids) {
            DarajaError error = rejection.error();
            String requestId = rejection.requestId() != null ? rejection.requestId() : ids.requestId();
            return new Answer(error.httpStatus(), Json.write(error.envelope(requestId)));
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = HttpExchanges.body(exchange);
            Answer answer;
            try {
                answer = answer(exchange, body);
            } catch (DarajaRejection rejection) {
                answer = Answer.of(rejection, ids);
            } catch (RuntimeException e) { // ours: answered as Daraja's own internal error, and logged
                log.atError().setCause(e).log("daraja.simulator.failed");
                answer = Answer.of(new DarajaRejection(DarajaError.INTERNAL), ids);
            }
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.record(clock.instant(), exchange.getRequestMethod(), query == null ? path : path + "?" + query,
                    exchange.getRequestHeaders().getFirst("Authorization"), body, answer.status(), answer.body());
            HttpExchanges.send(exchange, answer.status(), answer.body());
        }
    }

    private Answer answer(HttpExchange exchange, byte[] body) {
        String path = exchange.getRequestURI().getPath();
        String method = METHODS.get(path);
        if (method == null) throw new DarajaRejection(DarajaError.RESOURCE_NOT_FOUND);
        if (!method.equals(exchange.getRequestMethod())) throw new DarajaRejection(DarajaError.METHOD_NOT_ALLOWED);
        SimulatorSettings now = settings.get();
        if (!spikeArrest.admit(now.spikeArrestPerSecond())) throw new DarajaRejection(DarajaError.SPIKE_ARREST);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        return switch (path) {
            case OAUTH -> oauth(HttpExchanges.query(exchange).get("grant_type"), authorization, now);
            case STK_PUSH -> push(validation.push(tokens.isValid(bearer(authorization)), contentType, body, now.mode()));
            default -> new Answer(200, Json.write(simulation.query(validation.query(tokens.isValid(bearer(authorization)), contentType, body))));
        };
    }

    /**
     * Returns a token for the configured key and secret (§2, §10.1): a wrong grant type is {@code 400.008.02}, an
     * Authorization that is not Basic {@code 400.008.01}, wrong credentials HTTP 400 with an empty body.
     */
    private Answer oauth(String grantType, String authorization, SimulatorSettings now) {
        if (!"client_credentials".equals(grantType)) throw new DarajaRejection(DarajaError.INVALID_GRANT_TYPE);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6))
            throw new DarajaRejection(DarajaError.INVALID_AUTHENTICATION_TYPE);
        if (!MessageDigest.isEqual(basicCredentials, decoded(authorization.substring(6).strip()))) return new Answer(400, "");
        String token = tokens.issue(Duration.ofSeconds(now.tokenTtlSeconds()), now.invalidatePreviousToken());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("expires_in", now.expiresInAsNumber() ? (Object) now.tokenTtlSeconds() : Long.toString(now.tokenTtlSeconds()));
        return new Answer(200, Json.write(answer));
    }

    /** Returns the §3.1 acceptance for a push that passed every check and was not refused by its scenario. */
    private Answer push(StkPushValidation.StkPush push) {
        Checkout checkout = simulation.accept(push);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("MerchantRequestID", checkout.merchantRequestId());
        answer.put("CheckoutRequestID", checkout.checkoutRequestId());
        answer.put("ResponseCode", "0");
        answer.put("ResponseDescription", "Success. Request accepted for processing");
        answer.put("CustomerMessage", "Success. Request accepted for processing");
        return new Answer(200, Json.write(answer));
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null;
    }

    private static byte[] decoded(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }
}
