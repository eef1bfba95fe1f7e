package com.wifibilling.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class JsonLoggerTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        JsonLogger.output(new PrintStream(System.out, true, StandardCharsets.UTF_8));
        MDC.clear();
    }

    @Test
    void eventIsOneJsonLineWithContextAndPairsAndMaskedPhone() throws Exception {
        JsonLogger.output(new PrintStream(captured, true, StandardCharsets.UTF_8));
        MDC.put("requestId", "req-1");
        LoggerFactory.getLogger("test").atWarn().addKeyValue("phone", "254712345678").addKeyValue("attempts", 3)
                .log("payment.rejected for 0712345678");
        String output = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, output.lines().count());
        var json = new ObjectMapper().readTree(output);
        assertEquals("WARN", json.get("level").asText());
        assertEquals("req-1", json.get("requestId").asText());
        assertEquals("2547****5678", json.get("phone").asText());
        assertEquals(3, json.get("attempts").asInt());
        assertEquals("payment.rejected for 07****5678", json.get("message").asText());
        assertFalse(output.contains("12345678"));
    }

    @Test
    void longerDigitRunsAreNotMistakenForPhones() {
        assertEquals("ws_CO_191220191020363925", JsonLogger.maskPhones("ws_CO_191220191020363925"));
    }

    @Test
    void debugIsDroppedAtTheDefaultLevel() {
        JsonLogger.output(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerFactory.getLogger("test").debug("noise");
        assertTrue(captured.toString(StandardCharsets.UTF_8).isEmpty());
    }
}
