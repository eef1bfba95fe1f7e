package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.log.JsonLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated secrets and the admin password are shown once in the banner and never written to the JSON log. */
class SecretsStayOutOfLogsTest {
    private static final String CALLBACK = "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"29115-34620561-1\","
            + "\"CheckoutRequestID\":\"ws_CO_191220191020363925\",\"ResultCode\":1032,\"ResultDesc\":\"Request cancelled by user\"}}}";

    @Test
    void bannerShowsTheGeneratedSecretsAndTheLogNever() {
        var captured = new ByteArrayOutputStream();
        JsonLogger.output(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<String> secrets = new ArrayList<>();
        String banner;
        try (LocalRuntime runtime = TestRuntimes.start()) {
            assertEquals(200, new LocalApi(runtime).get("/api/health").statusCode());
            // A real callback through the runtime: the token travels in the path, and must not reach the log.
            assertEquals(200, new LocalApi(runtime).send("POST", "/api/payment/callback/" + runtime.secrets().get(LocalSecrets.CALLBACK_TOKEN),
                    CALLBACK, "Content-Type", "application/json").statusCode());
            secrets.addAll(runtime.secrets().generatedNow().values());
            secrets.add(runtime.adminSeeded().orElseThrow().generatedPassword().orElseThrow());
            banner = Banner.text(runtime);
        } finally {
            JsonLogger.output(new PrintStream(System.out, true, StandardCharsets.UTF_8));
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(5, secrets.size());
        assertTrue(log.contains("local.started"), "the log was captured");
        for (String secret : secrets) {
            assertTrue(banner.contains(secret), "the banner shows it once");
            assertFalse(log.contains(secret), "the JSON log never does");
        }
        assertTrue(banner.contains("admin@localhost"));
    }
}
