package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runtime starts FreeRADIUS 3.2 with rlm_rest when it is installed (DESIGN §9): it listens on the port
 * asked for, its rlm_rest calls reach the runtime's own /api/radius/authorize (an unknown user is rejected with the
 * API's Reply-Message), and closing the runtime stops it.
 */
class LocalFreeRadiusTest {
    @Test
    void theRuntimesFreeRadiusAsksTheApiAndStopsWithTheRuntime() throws Exception {
        int port;
        try (var probe = new DatagramSocket(0)) {
            port = probe.getLocalPort() < 65000 ? probe.getLocalPort() : 41812;
        }
        String secret = "LocalGatewaySecretForRadiusTest01";
        try (LocalRuntime runtime = TestRuntimes.startWithRadius(Env.of(Map.of("DEFAULT_GATEWAY_RADIUS_SECRET", secret)),
                "--radius-port", Integer.toString(port))) {
            assertEquals(port, runtime.radiusAuthPort().orElseThrow(() -> new AssertionError(
                    "FreeRADIUS did not start: is it installed? " + LocalFreeRadius.INSTALL_HINT)));
            assertTrue(Banner.text(runtime).contains("127.0.0.1:" + port + " auth"));
            String answer = radclient(port, secret, "User-Name = \"no-such-session\", User-Password = \"wrong\", Calling-Station-Id = \"AA-BB-CC-DD-EE-01\"");
            assertTrue(answer.contains("Access-Reject"), answer);
        }
        try (var free = new DatagramSocket(port)) {
            assertFalse(free.isClosed(), "the port is free again: FreeRADIUS stopped with the runtime");
        }
    }

    @Test
    void aGatewayAddedByTheAdminIsAFreeRadiusClientFromTheNextStart(@TempDir Path data) throws Exception {
        var process = Env.of(Map.of("ADMIN_PASSWORD", "radius-clients-admin-password"));
        String secret;
        try (LocalRuntime runtime = TestRuntimes.startWithRadius(process, "--data-dir", data.toString())) {
            var api = new LocalApi(runtime);
            String token = Json.MAPPER.readTree(api.send("POST", "/api/auth/login",
                    "{\"email\":\"admin@localhost\",\"password\":\"radius-clients-admin-password\"}", "Content-Type", "application/json")
                    .body()).get("token").asText();
            var created = api.send("POST", "/api/admin/gateways", "{\"gatewayId\":\"second\",\"name\":\"Second\",\"type\":\"mikrotik\","
                    + "\"radiusClientAddress\":\"127.0.0.2\",\"loginUrlHosts\":[\"10.5.50.1\"]}",
                    "Content-Type", "application/json", "Authorization", "Bearer " + token);
            assertEquals(201, created.statusCode(), created.body());
            secret = Json.MAPPER.readTree(created.body()).get("radiusSecret").asText();
        }
        try (LocalRuntime runtime = TestRuntimes.startWithRadius(process, "--data-dir", data.toString())) {
            Path conf = runtime.radiusClientsConf().orElseThrow(() -> new AssertionError("FreeRADIUS did not start with two clients"));
            String clients = Files.readString(conf);
            assertTrue(clients.contains("client default {\n\tipaddr = 127.0.0.1\n"), clients.replaceAll("secret = \\S+", "secret = …"));
            assertTrue(clients.contains("client second {\n\tipaddr = 127.0.0.2\n\tsecret = " + secret + "\n"), "its secret from Secrets Manager");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(conf)));
        }
    }

    private static String radclient(int port, String secret, String attributes) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("radclient", "-x", "-r", "1", "-t", "3", "127.0.0.1:" + port, "auth", secret)
                .redirectErrorStream(true).start();
        process.getOutputStream().write(attributes.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "radclient did not finish");
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
