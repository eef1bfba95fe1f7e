package com.wifibilling.local.unifi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UniFi controller on loopback speaking both dialects of contracts/gateways.md §5.3: the classic Network
 * Application ({@code POST /api/login} → {@code unifises} and {@code csrf_token} cookies, no prefix) and a UniFi OS
 * console ({@code POST /api/auth/login} → a {@code TOKEN} JWT whose {@code csrfToken} claim every non-GET call must
 * echo in {@code X-CSRF-Token}, Network API under {@code /proxy/network}). {@code cmd/stamgr} takes
 * {@code authorize-guest}, {@code unauthorize-guest} and {@code kick-sta}; answers are the {@code meta.rc} envelope,
 * {@code api.err.LoginRequired} (401) for a missing or forgotten login, {@code api.err.Invalid} for wrong credentials.
 * {@link #forgetLogins()} plays a controller restart so the client's re-login is exercised. Loopback only.
 */
public final class UnifiControllerSimulator implements AutoCloseable {
    private static final Pattern STAMGR = Pattern.compile("(/proxy/network)?/api/s/([A-Za-z0-9_-]{1,64})/cmd/stamgr");
    private static final Pattern WIRE_MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final int MAX_BODY = 16_384;

    /** A login: which dialect it was made in and the CSRF token its calls must carry. */
    private record Login(boolean unifiOs, String csrf) {}

    /** One request as received, for tests: path, the command if any, and the answer's status and rc. */
    public record Received(String path, String command, int status, String rc) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String username;
    private final byte[] passwordHash;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    private final Map<String, UnifiGuestState> guests = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private UnifiControllerSimulator(HttpServer server, String username, String password, Clock clock) {
        this.server = server;
        this.username = username;
        this.passwordHash = sha256(password);
        this.clock = clock;
    }

    /** Starts on a free loopback port, accepting exactly {@code username} / {@code password} (a local account without 2FA). */
    public static UnifiControllerSimulator start(String username, String password, Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the UniFi controller simulator's port", e);
        }
        var simulator = new UnifiControllerSimulator(server, username, password, clock);
        server.setExecutor(simulator.executor);
        server.createContext("/", simulator::handle);
        server.start();
        return simulator;
    }

    /** Returns the controller's base URL (a gateway's {@code unifi.baseUrl}). */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Returns the device's state, keyed by its MAC as the controller writes it ({@code aa:bb:cc:dd:ee:01}). */
    public Optional<UnifiGuestState> guest(String wireMac) {
        return Optional.ofNullable(guests.get(wireMac));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Forgets every login, as a controller restart or an expired session does: the next command gets LoginRequired. */
    public void forgetLogins() {
        logins.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            JsonNode body;
            try {
                body = raw.length == 0 || raw.length > MAX_BODY ? null : Json.MAPPER.readTree(raw);
            } catch (IOException malformed) {
                body = null;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, path, null, 404, "error", "api.err.NotFound");
                return;
            }
            if (path.equals("/api/login") || path.equals("/api/auth/login")) {
                login(exchange, path, body, path.equals("/api/auth/login"));
                return;
            }
            Matcher stamgr = STAMGR.matcher(path);
            if (!stamgr.matches()) {
                answer(exchange, path, null, 404, "error", "api.err.NotFound");
                return;
            }
            command(exchange, path, stamgr.group(1) != null, body);
        }
    }

    private void login(HttpExchange exchange, String path, JsonNode body, boolean unifiOs) throws IOException {
        String user = body == null ? "" : body.path("username").asText("");
        String pass = body == null ? "" : body.path("password").asText("");
        if (!user.equals(username) || !MessageDigest.isEqual(sha256(pass), passwordHash)) {
            answer(exchange, path, null, unifiOs ? 401 : 400, "error", "api.err.Invalid");
            return;
        }
        String csrf = HexFormat.of().formatHex(random.generateSeed(16));
        if (unifiOs) {
            String token = jwt(csrf);
            logins.put(token, new Login(true, csrf));
            exchange.getResponseHeaders().add("Set-Cookie", "TOKEN=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict");
        } else {
            String session = HexFormat.of().formatHex(random.generateSeed(16));
            logins.put(session, new Login(false, csrf));
            exchange.getResponseHeaders().add("Set-Cookie", "unifises=" + session + "; Path=/; Secure; HttpOnly");
            exchange.getResponseHeaders().add("Set-Cookie", "csrf_token=" + csrf + "; Path=/; Secure");
        }
        answer(exchange, path, null, 200, "ok", null);
    }

    private void command(HttpExchange exchange, String path, boolean unifiOs, JsonNode body) throws IOException {
        String cookieName = unifiOs ? "TOKEN" : "unifises";
        Login login = cookie(exchange, cookieName).map(logins::get).filter(l -> l.unifiOs() == unifiOs).orElse(null);
        String cmd = body == null ? null : body.path("cmd").asText(null);
        if (login == null) {
            answer(exchange, path, cmd, 401, "error", "api.err.LoginRequired");
            return;
        }
        String csrfHeader = exchange.getRequestHeaders().getFirst("X-CSRF-Token");
        if (!login.csrf().equals(csrfHeader)) { // both dialects check it here: the client must carry it either way
            answer(exchange, path, cmd, 403, "error", "api.err.InvalidCsrfToken");
            return;
        }
        String mac = body == null ? "" : body.path("mac").asText("");
        if (cmd == null || !WIRE_MAC.matcher(mac).matches()) {
            answer(exchange, path, cmd, 400, "error", "api.err.InvalidPayload");
            return;
        }
        var now = clock.instant();
        UnifiGuestState old = guests.get(mac);
        int authorizations = old == null ? 0 : old.authorizations();
        int kicks = old == null ? 0 : old.kicks();
        switch (cmd) {
            case "authorize-guest" -> {
                int minutes = body.path("minutes").asInt(0);
                if (minutes < 1 || !body.path("up").canConvertToInt() || !body.path("down").canConvertToInt()) {
                    answer(exchange, path, cmd, 400, "error", "api.err.InvalidPayload");
                    return;
                }
                guests.put(mac, new UnifiGuestState(mac, true, minutes, body.path("up").asInt(), body.path("down").asInt(), now,
                        now.plusSeconds(60L * minutes), authorizations + 1, kicks));
            }
            case "unauthorize-guest" -> guests.put(mac, old == null
                    ? new UnifiGuestState(mac, false, 0, 0, 0, null, null, 0, kicks)
                    : new UnifiGuestState(mac, false, old.minutes(), old.upKbps(), old.downKbps(), old.authorizedAt(), now, authorizations, kicks));
            case "kick-sta" -> guests.put(mac, old == null
                    ? new UnifiGuestState(mac, false, 0, 0, 0, null, null, 0, 1)
                    : new UnifiGuestState(mac, old.authorized(), old.minutes(), old.upKbps(), old.downKbps(), old.authorizedAt(),
                    old.expiresAt(), authorizations, kicks + 1));
            default -> {
                answer(exchange, path, cmd, 400, "error", "api.err.UnknownCommand");
                return;
            }
        }
        answer(exchange, path, cmd, 200, "ok", null);
    }

    private static Optional<String> cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String[] pair = part.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals(name)) return Optional.of(pair[1]);
            }
        }
        return Optional.empty();
    }

    /** A JWT-shaped token carrying the csrfToken claim, as UniFi OS issues (the client reads the claim, never the signature). */
    private String jwt(String csrf) {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        String payload = "{\"userId\":\"wb-local\",\"csrfToken\":\"" + csrf + "\",\"exp\":" + (clock.instant().getEpochSecond() + 7200) + "}";
        return encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + encoder.encodeToString(random.generateSeed(16));
    }

    private void answer(HttpExchange exchange, String path, String command, int status, String rc, String message) throws IOException {
        received.add(new Received(path, command, status, message == null ? rc : message));
        ObjectNode meta = Json.MAPPER.createObjectNode().put("rc", rc);
        if (message != null) meta.put("msg", message);
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.set("meta", meta);
        envelope.putArray("data");
        byte[] bytes = Json.MAPPER.writeValueAsBytes(envelope);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
