package com.wifibilling.core.unifi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wifibilling.core.Mac;
import com.wifibilling.core.gateway.UnifiController;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UniFi controller's API (contracts/gateways.md §5.3). A classic Network Application logs in at
 * {@code POST /api/login} and answers with the {@code unifises} cookie (and, on newer versions, a
 * {@code csrf_token} cookie); a UniFi OS console logs in at {@code POST /api/auth/login}, answers with the
 * {@code TOKEN} cookie, serves the Network API under {@code /proxy/network}, and wants {@code X-CSRF-Token} (the
 * {@code csrfToken} claim of the TOKEN JWT) on every non-GET call. Commands go to
 * {@code POST {prefix}/api/s/{site}/cmd/stamgr}.
 *
 * <p>Build one per controller per container and keep it: the login cookie is reused across warm invocations.
 * When the controller says the login has expired (HTTP 401, or {@code api.err.LoginRequired}) the client logs in
 * again once and repeats the command. A call that gets no answer is tried twice more (5 s timeout each): a
 * repeated {@code authorize-guest} or {@code unauthorize-guest} sets the same state again, so repeating is safe.
 * Passwords, cookies and CSRF tokens are never logged; the controller's {@code meta.msg} always is.
 */
public final class UnifiClient {
    static final String CLASSIC_LOGIN = "/api/login";
    static final String UNIFI_OS_LOGIN = "/api/auth/login";
    static final String UNIFI_OS_PREFIX = "/proxy/network";
    static final String LOGIN_REQUIRED = "api.err.LoginRequired";
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int NETWORK_RETRIES = 2;

    private static final Logger log = LoggerFactory.getLogger(UnifiClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final long MAX_ANSWER_BYTES = 64 * 1024;
    private static final String LOGIN = "login";

    /** What a login gave us: the Cookie header to send back, and the CSRF token (null when the controller uses none). */
    private record LoginState(String cookie, String csrfToken) {}

    /** One HTTP answer: status, the parsed JSON (null when the body is not JSON), and the headers we read. */
    private record Answer(int status, JsonNode json, List<String> setCookies, String csrfHeader, String updatedCsrf) {
        String rc() {
            JsonNode meta = json == null ? null : json.get("meta");
            return meta == null || meta.get("rc") == null ? null : meta.get("rc").asText();
        }

        String msg() {
            JsonNode meta = json == null ? null : json.get("meta");
            return meta == null || meta.get("msg") == null ? null : meta.get("msg").asText();
        }

        boolean loginRequired() {
            return status == 401 || LOGIN_REQUIRED.equals(msg());
        }
    }

    private final OkHttpClient http;
    private final UnifiController controller;
    private final UnifiCredentials credentials;
    private final String base;
    private LoginState login; // guarded by this

    public UnifiClient(OkHttpClient http, UnifiController controller, UnifiCredentials credentials) {
        // Derived from the one shared client: same pool and threads, the contract's 5 s timeout, and no silent
        // OkHttp retries on top of our own two, so a dead controller costs at most three tries.
        Objects.requireNonNull(controller, "controller");
        var builder = http.newBuilder().callTimeout(TIMEOUT).connectTimeout(TIMEOUT).readTimeout(TIMEOUT).retryOnConnectionFailure(false);
        this.http = (controller.certSha256() == null ? builder : new CertificatePin(controller.certSha256()).applyTo(builder)).build();
        this.controller = controller;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        String url = controller.baseUrl();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Lets the device online for {@code guest.minutes()} at its rates; a second call replaces the first's values. */
    public void authorizeGuest(UnifiGuest guest) {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("cmd", "authorize-guest")
                .put("mac", guest.wireMac())
                .put("minutes", guest.minutes())
                .put("up", guest.upKbps())
                .put("down", guest.downKbps());
        guest.apMac().ifPresent(ap -> body.put("ap_mac", UnifiGuest.wire(ap)));
        command("authorize-guest", body);
    }

    /** Takes the device's guest authorization away (admin terminate, logout, move, expiry). */
    public void unauthorizeGuest(Mac mac) {
        command("unauthorize-guest", Json.MAPPER.createObjectNode().put("cmd", "unauthorize-guest").put("mac", UnifiGuest.wire(mac)));
    }

    private void command(String operation, ObjectNode body) {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        LoginState state = currentLogin();
        Answer answer = send(operation, stamgr(bytes, state));
        if (answer.loginRequired()) {
            log.atInfo().addKeyValue("controller", base).addKeyValue("operation", operation).addKeyValue("httpStatus", answer.status())
                    .log("unifi.login.expired");
            state = freshLogin(state);
            answer = send(operation, stamgr(bytes, state));
        }
        remember(state, answer);
        if (answer.status() >= 200 && answer.status() < 300 && "ok".equals(answer.rc())) {
            log.atInfo().addKeyValue("controller", base).addKeyValue("site", controller.site()).addKeyValue("operation", operation)
                    .log("unifi.command.ok");
            return;
        }
        throw fail(answer.status() >= 500 || (answer.json() == null && answer.status() < 400)
                ? UnifiException.Kind.UNAVAILABLE : UnifiException.Kind.REJECTED, operation, answer, null);
    }

    private Request stamgr(byte[] body, LoginState state) {
        String prefix = controller.unifiOs() ? UNIFI_OS_PREFIX : "";
        var request = new Request.Builder().url(base + prefix + "/api/s/" + controller.site() + "/cmd/stamgr")
                .header("Cookie", state.cookie())
                .post(RequestBody.create(body, JSON));
        if (state.csrfToken() != null) request.header("X-CSRF-Token", state.csrfToken());
        return request.build();
    }

    private synchronized LoginState currentLogin() {
        if (login == null) login = logIn();
        return login;
    }

    /** Logs in again unless another thread already replaced the expired login we used. */
    private synchronized LoginState freshLogin(LoginState expired) {
        if (login == null || login.equals(expired)) login = logIn();
        return login;
    }

    /** UniFi OS may rotate the CSRF token on any answer ({@code X-Updated-CSRF-Token}, obs); keep the newest. */
    private synchronized void remember(LoginState used, Answer answer) {
        if (answer.updatedCsrf() != null && used.equals(login)) login = new LoginState(used.cookie(), answer.updatedCsrf());
    }

    private LoginState logIn() {
        ObjectNode body = Json.MAPPER.createObjectNode().put("username", credentials.username()).put("password", credentials.password());
        Request request = new Request.Builder().url(base + (controller.unifiOs() ? UNIFI_OS_LOGIN : CLASSIC_LOGIN))
                .post(RequestBody.create(Json.write(body).getBytes(StandardCharsets.UTF_8), JSON)).build();
        Answer answer = send(LOGIN, request);
        if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403)
            throw fail(UnifiException.Kind.LOGIN_REFUSED, LOGIN, answer, null);
        if (answer.status() < 200 || answer.status() > 299 || "error".equals(answer.rc()))
            throw fail(answer.status() >= 500 || answer.status() == 429 ? UnifiException.Kind.UNAVAILABLE
                    : UnifiException.Kind.LOGIN_REFUSED, LOGIN, answer, null);
        Map<String, String> cookies = cookies(answer.setCookies());
        String session = controller.unifiOs() ? cookies.get("TOKEN") : cookies.get("unifises");
        if (session == null) throw fail(UnifiException.Kind.UNAVAILABLE, LOGIN, answer, null);
        String csrf = controller.unifiOs() ? csrfClaim(cookies.get("TOKEN")) : cookies.get("csrf_token");
        if (csrf == null) csrf = answer.csrfHeader();
        log.atInfo().addKeyValue("controller", base).addKeyValue("unifiOs", controller.unifiOs())
                .addKeyValue("csrf", csrf != null).log("unifi.login.ok");
        String header = cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
        return new LoginState(header, csrf);
    }

    /** Returns the controller's answer; no answer after the retries throws {@code UNAVAILABLE}. */
    private Answer send(String operation, Request request) {
        IOException last = null;
        for (int attempt = 0; attempt <= NETWORK_RETRIES; attempt++) {
            try (Response response = http.newCall(request).execute()) {
                String text = response.peekBody(MAX_ANSWER_BYTES).string();
                return new Answer(response.code(), json(text), response.headers("Set-Cookie"),
                        response.header("X-CSRF-Token"), response.header("X-Updated-CSRF-Token"));
            } catch (IOException e) {
                last = e;
                log.atWarn().addKeyValue("controller", base).addKeyValue("operation", operation).addKeyValue("attempt", attempt + 1)
                        .addKeyValue("error", e.getClass().getSimpleName()).log("unifi.no_answer");
            }
        }
        throw new UnifiException(UnifiException.Kind.UNAVAILABLE, operation, 0, "no answer: " + last.getClass().getSimpleName(), last);
    }

    private UnifiException fail(UnifiException.Kind kind, String operation, Answer answer, Throwable cause) {
        var e = new UnifiException(kind, operation, answer.status(), answer.msg(), cause);
        var event = kind == UnifiException.Kind.LOGIN_REFUSED ? log.atError() : log.atWarn();
        event.addKeyValue("controller", base).addKeyValue("operation", operation).addKeyValue("kind", kind)
                .addKeyValue("httpStatus", answer.status()).addKeyValue("msg", answer.msg()).log("unifi.call.failed");
        return e;
    }

    /** Returns {@code name → value} of each Set-Cookie, attributes dropped; later cookies of the same name win. */
    private static Map<String, String> cookies(List<String> setCookies) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String line : setCookies) {
            String pair = line.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0 && equals < pair.length() - 1) cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return cookies;
    }

    /** Returns the {@code csrfToken} claim of the TOKEN JWT (its payload is read, not verified: it is the controller's own). */
    static String csrfClaim(String jwt) {
        if (jwt == null) return null;
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) return null;
        try {
            JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode csrf = claims == null ? null : claims.get("csrfToken");
            return csrf == null || !csrf.isTextual() ? null : csrf.asText();
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    private static JsonNode json(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
