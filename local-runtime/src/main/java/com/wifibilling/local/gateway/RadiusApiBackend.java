package com.wifibilling.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without FreeRADIUS (runtime started with {@code --no-radius}, or the binary absent) the hotspot talks to
 * {@code /api/radius/authorize} and {@code /api/radius/accounting} itself (contracts/gateways.md §8), with the
 * §3.3 JSON, the {@code X-Radius-Token} header and the {@code WB-Gateway-Id} attribute the site adds, and plays
 * FreeRADIUS's part of §3.4: a 200 with {@code control:Cleartext-Password} is an Accept only when the PAP password
 * or CHAP response matches it; {@code control:Auth-Type: Accept} needs no check; any other status is a Reject,
 * with {@code reply:Reply-Message} when the API gave one.
 */
final class RadiusApiBackend implements RadiusBackend {
    private static final Logger log = LoggerFactory.getLogger(RadiusApiBackend.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI api;
    private final String token;
    private final String gatewayId;

    RadiusApiBackend(URI api, String token, String gatewayId) {
        this.api = api;
        this.token = token;
        this.gatewayId = gatewayId;
    }

    @Override
    public String mode() {
        return "api";
    }

    @Override
    public AccessAnswer authenticate(AccessAttempt attempt) {
        warnOnce();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("User-Name", attribute("string", attempt.userName()));
        switch (attempt.credentials()) {
            // rlm_rest sends User-Password decrypted, in clear (§3.3); CHAP-Password as id + response octets.
            case AccessAttempt.Credentials.Pap pap -> body.put("User-Password", attribute("string", pap.password()));
            case AccessAttempt.Credentials.Chap chap -> {
                body.put("CHAP-Password", attribute("octets", "0x" + String.format("%02x", chap.id()) + HexFormat.of().formatHex(chap.response())));
                body.put("CHAP-Challenge", attribute("octets", "0x" + HexFormat.of().formatHex(chap.challenge())));
            }
        }
        nasAttributes(body, attempt.mac().value(), attempt.ip(), attempt.acctSessionId());
        HttpResponse<String> response = post("/api/radius/authorize", body);
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200) return AccessAnswer.reject(text(answer.get("reply:Reply-Message")).orElse("Access denied"));
        boolean noCheck = text(answer.get("control:Auth-Type")).filter("Accept"::equals).isPresent();
        Optional<String> password = text(answer.get("control:Cleartext-Password"));
        if (!noCheck && (password.isEmpty() || !matches(attempt.credentials(), password.get())))
            return AccessAnswer.reject("Access denied"); // FreeRADIUS sends a bare Reject for a wrong password
        return new AccessAnswer(true, null, number(answer, "reply:Session-Timeout"), number(answer, "reply:Idle-Timeout"),
                number(answer, "reply:Acct-Interim-Interval"), text(answer.get("reply:Mikrotik-Rate-Limit")).map(RateLimit::parse),
                text(answer.get("reply:Class")).map(value -> value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean account(AccountingRecord record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Acct-Status-Type", attribute("integer", record.statusType()));
        body.put("User-Name", attribute("string", record.userName()));
        nasAttributes(body, record.mac().value(), record.ip(), record.acctSessionId());
        record.classValue().ifPresent(value -> body.put("Class", attribute("octets", "0x" + HexFormat.of().formatHex(value))));
        body.put("Acct-Delay-Time", attribute("integer", 0));
        if (record.statusType() != AccountingRecord.START) {
            body.put("Acct-Session-Time", attribute("integer", record.sessionTimeSeconds()));
            body.put("Acct-Input-Octets", attribute("integer", record.bytesIn() & 0xffff_ffffL));
            body.put("Acct-Output-Octets", attribute("integer", record.bytesOut() & 0xffff_ffffL));
            body.put("Acct-Input-Gigawords", attribute("integer", record.bytesIn() >>> 32));
            body.put("Acct-Output-Gigawords", attribute("integer", record.bytesOut() >>> 32));
        }
        if (record.statusType() == AccountingRecord.STOP && record.terminateCause() > 0)
            body.put("Acct-Terminate-Cause", attribute("integer", record.terminateCause()));
        return post("/api/radius/accounting", body).statusCode() == 204;
    }

    private void nasAttributes(Map<String, Object> body, String mac, String ip, String acctSessionId) {
        body.put("Calling-Station-Id", attribute("string", mac));
        body.put("Framed-IP-Address", attribute("ipaddr", ip));
        body.put("NAS-Identifier", attribute("string", gatewayId));
        body.put("NAS-IP-Address", attribute("ipaddr", "127.0.0.1"));
        body.put("NAS-Port-Type", attribute("integer", 19));
        body.put("Acct-Session-Id", attribute("string", acctSessionId));
        body.put("WB-Gateway-Id", attribute("string", gatewayId)); // the site adds it from the client entry's shortname
    }

    private static Map<String, Object> attribute(String type, Object value) {
        return Map.of("type", type, "value", List.of(value));
    }

    /** FreeRADIUS's pap and chap modules, in short: compare the password, or MD5(id ‖ password ‖ challenge). */
    static boolean matches(AccessAttempt.Credentials credentials, String cleartext) {
        byte[] expected;
        byte[] given;
        switch (credentials) {
            case AccessAttempt.Credentials.Pap pap -> {
                expected = cleartext.getBytes(StandardCharsets.UTF_8);
                given = pap.password().getBytes(StandardCharsets.UTF_8);
            }
            case AccessAttempt.Credentials.Chap chap -> {
                try {
                    MessageDigest md5 = MessageDigest.getInstance("MD5");
                    md5.update((byte) chap.id());
                    md5.update(cleartext.getBytes(StandardCharsets.UTF_8));
                    md5.update(chap.challenge());
                    expected = md5.digest();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("Every JVM has MD5", e);
                }
                given = chap.response();
            }
        }
        return MessageDigest.isEqual(expected, given);
    }

    private HttpResponse<String> post(String path, Map<String, Object> body) {
        var request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("User-Agent", "wifibilling-gateway-simulator")
                .header("X-Radius-Token", token).POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("The simulator cannot reach " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + path, e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return Json.MAPPER.createObjectNode();
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** rlm_rest values: a string, a number, an array (first element) or {@code {"value": …}}. */
    private static Optional<String> text(JsonNode value) {
        if (value == null || value.isNull()) return Optional.empty();
        if (value.isObject()) return text(value.get("value"));
        if (value.isArray()) return value.isEmpty() ? Optional.empty() : text(value.get(0));
        return Optional.of(value.asText());
    }

    private static OptionalLong number(JsonNode answer, String name) {
        return text(answer.get(name)).filter(t -> t.matches("\\d{1,10}")).map(t -> OptionalLong.of(Long.parseLong(t))).orElse(OptionalLong.empty());
    }

    private static void warnOnce() {
        if (WARNED.compareAndSet(false, true))
            log.atWarn().log("gateway.sim.no-freeradius: the gateway simulator calls /api/radius/* itself and checks PAP/CHAP in FreeRADIUS's place;"
                    + " install freeradius freeradius-rest freeradius-utils to test the real RADIUS path");
    }
}
