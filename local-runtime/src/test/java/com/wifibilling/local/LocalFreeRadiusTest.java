package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.config.Env;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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

    private static String radclient(int port, String secret, String attributes) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("radclient", "-x", "-r", "1", "-t", "3", "127.0.0.1:" + port, "auth", secret)
                .redirectErrorStream(true).start();
        process.getOutputStream().write(attributes.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "radclient did not finish");
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
