package com.wifibilling.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.wifibilling.core.Mac;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.LoginStore;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hotspot's web side under {@code /sim/gateway/{gatewayId}/}: {@code login} (GET without credentials: the
 * login page; GET or POST with {@code username}/{@code password}: a login, as RouterOS accepts both),
 * {@code logout} and {@code status}. A router knows each device from ARP; a test names it with
 * {@code X-Sim-Client-Mac}/{@code X-Sim-Client-Ip}, and a plain browser, which sends neither, is taken to be the
 * device holding the submitted username's session (Logins, as the portal handed it out).
 */
final class HotspotEndpoints implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(HotspotEndpoints.class);
    static final String PREFIX = "/sim/gateway/";
    static final String MAC_HEADER = "X-Sim-Client-Mac";
    static final String IP_HEADER = "X-Sim-Client-Ip";
    private static final Pattern PATH = Pattern.compile("/sim/gateway/([A-Za-z0-9_-]{1,64})/(login|logout|status)");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern CHAP_RESPONSE = Pattern.compile("[0-9a-f]{32}");

    private final Function<String, Optional<Hotspot>> hotspots;
    private final Devices devices;
    private final LoginStore logins;

    HotspotEndpoints(Function<String, Optional<Hotspot>> hotspots, Devices devices, LoginStore logins) {
        this.hotspots = hotspots;
        this.devices = devices;
        this.logins = logins;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            String method = exchange.getRequestMethod();
            if (!path.matches()) {
                SimHttp.send(exchange, 404, "text/plain; charset=utf-8", "Not Found");
                return;
            }
            if (!method.equals("GET") && !method.equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                SimHttp.send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed");
                return;
            }
            Optional<Hotspot> hotspot = hotspots.apply(path.group(1));
            if (hotspot.isEmpty()) {
                SimHttp.send(exchange, 404, "text/plain; charset=utf-8", "No simulated gateway " + path.group(1)
                        + " (it must exist and have a local RADIUS secret, env:NAME)");
                return;
            }
            Map<String, String> fields = SimHttp.fields(exchange);
            switch (path.group(2)) {
                case "login" -> {
                    if (blank(fields.get("username"))) page(exchange, hotspot.get(), fields, null);
                    else login(exchange, hotspot.get(), fields);
                }
                case "logout" -> logout(exchange, hotspot.get(), fields);
                default -> status(exchange, hotspot.get(), fields);
            }
        } catch (IllegalArgumentException | ApiException bad) {
            SimHttp.send(exchange, 400, "text/plain; charset=utf-8", bad.getMessage());
        } catch (RuntimeException bug) { // the JDK server would drop the connection without a word
            log.atError().setCause(bug).log("gateway.sim.hotspot.failed");
            SimHttp.send(exchange, 500, "text/plain; charset=utf-8", "The gateway simulator failed: " + bug);
        }
    }

    private void page(HttpExchange exchange, Hotspot hotspot, Map<String, String> fields, String error) throws IOException {
        Optional<Devices.Device> device = headerDevice(exchange).or(() -> Optional.ofNullable(fields.get("mac")).filter(m -> !blank(m))
                .map(m -> devices.seen(Mac.parse(m), Optional.empty())));
        Devices.Challenge challenge = device.map(devices::newChallenge).orElse(null); // a fresh pair per page, as RouterOS does
        var page = new LoginPage(hotspot.gatewayId(), device.map(d -> d.mac.value()).orElse(null), device.map(d -> d.ip).orElse(null),
                linkLoginOnly(exchange, hotspot), Optional.ofNullable(fields.get("dst")).filter(d -> !blank(d)).orElse("http://example.com/"),
                challenge, error, base(exchange) + "/portal/");
        if (wantsJson(exchange)) SimHttp.json(exchange, 200, page.variables());
        else SimHttp.html(exchange, 200, page.html());
    }

    private void login(HttpExchange exchange, Hotspot hotspot, Map<String, String> fields) throws IOException {
        String username = fields.get("username").strip();
        String password = fields.getOrDefault("password", "");
        Optional<Devices.Device> found = headerDevice(exchange).or(() -> sessionDevice(hotspot, username));
        if (found.isEmpty()) {
            SimHttp.send(exchange, 400, "text/plain; charset=utf-8", "Cannot tell which device this is: send " + MAC_HEADER
                    + " (and " + IP_HEADER + "), or log in with a username the portal handed out");
            return;
        }
        Devices.Device device = found.get();
        Devices.Challenge challenge = device.challenge;
        AccessAttempt.Credentials credentials = challenge != null && CHAP_RESPONSE.matcher(password).matches()
                ? new AccessAttempt.Credentials.Chap(challenge.id(), HexFormat.of().parseHex(password), challenge.challenge())
                : new AccessAttempt.Credentials.Pap(password);
        if (password.isEmpty()) throw new IllegalArgumentException("password is required");
        Hotspot.LoginResult result = hotspot.login(device, username, credentials);
        exchange.getResponseHeaders().set("X-Sim-Login-Result", result.accepted() ? "accepted" : "rejected");
        if (!result.accepted()) {
            page(exchange, hotspot, Map.of("mac", device.mac.value(), "dst", fields.getOrDefault("dst", "")), result.message());
            return;
        }
        String dst = fields.get("dst");
        if (!blank(dst) && (dst.startsWith("http://") || dst.startsWith("https://"))) SimHttp.redirect(exchange, dst); // as RouterOS does
        else status(exchange, hotspot, Map.of("mac", device.mac.value()));
    }

    private void logout(HttpExchange exchange, Hotspot hotspot, Map<String, String> fields) throws IOException {
        Optional<HotspotLogin> login = headerDevice(exchange).map(d -> d.mac).or(() -> macField(fields)).flatMap(hotspot::online);
        login.ifPresent(l -> hotspot.end(l, AccountingRecord.USER_REQUEST));
        SimHttp.html(exchange, 200, "<!doctype html><html><body><p>" + (login.isPresent() ? "You are logged out." : "You were not logged in.")
                + "</p></body></html>");
    }

    private void status(HttpExchange exchange, Hotspot hotspot, Map<String, String> fields) throws IOException {
        Optional<HotspotLogin> login = headerDevice(exchange).map(d -> d.mac).or(() -> macField(fields)).flatMap(hotspot::online);
        if (wantsJson(exchange)) {
            SimHttp.json(exchange, login.isPresent() ? 200 : 404, login.map(l -> (Object) l.view()).orElse(Map.of("online", false)));
            return;
        }
        String body = login.map(l -> {
            var view = l.view();
            return "<p>You are logged in as <code>" + SimHttp.escape(view.userName()) + "</code> from " + SimHttp.escape(view.mac())
                    + ".</p><p>Session-Timeout: " + view.sessionTimeout() + " s; rate: " + SimHttp.escape(view.rateLimit()) + "</p>";
        }).orElse("<p>You are not logged in.</p>");
        SimHttp.html(exchange, 200, "<!doctype html><html><body><h1>Hotspot " + SimHttp.escape(hotspot.gatewayId()) + "</h1>" + body
                + "</body></html>");
    }

    private Optional<Devices.Device> headerDevice(HttpExchange exchange) {
        String mac = exchange.getRequestHeaders().getFirst(MAC_HEADER);
        if (blank(mac)) return Optional.empty();
        return Optional.of(devices.seen(Mac.parse(mac), ip(exchange.getRequestHeaders().getFirst(IP_HEADER))));
    }

    /** The device holding the session this username names, as the portal gave it out: a router's ARP lookup, played through Logins. */
    private Optional<Devices.Device> sessionDevice(Hotspot hotspot, String username) {
        if (!username.matches("[A-Za-z0-9-]{1,64}")) return Optional.empty();
        return logins.find(username).filter(key -> key.gatewayId().equals(hotspot.gatewayId())).map(DeviceKey::mac)
                .map(mac -> devices.seen(mac, Optional.empty()));
    }

    private static Optional<Mac> macField(Map<String, String> fields) {
        return Optional.ofNullable(fields.get("mac")).filter(m -> !blank(m)).map(Mac::parse);
    }

    private static Optional<String> ip(String header) {
        if (blank(header)) return Optional.empty();
        if (!IPV4.matcher(header.strip()).matches()) throw new IllegalArgumentException(IP_HEADER + " must be an IPv4 address");
        return Optional.of(header.strip());
    }

    private static String linkLoginOnly(HttpExchange exchange, Hotspot hotspot) {
        return base(exchange) + PREFIX + hotspot.gatewayId() + "/login";
    }

    private static String base(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (blank(host) || !host.matches("[A-Za-z0-9.\\-\\[\\]:]{1,100}")) host = "127.0.0.1:" + exchange.getLocalAddress().getPort();
        return "http://" + host;
    }

    private static boolean wantsJson(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
