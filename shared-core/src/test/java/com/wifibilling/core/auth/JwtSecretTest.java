package com.wifibilling.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtSecretTest {
    @Test
    void shortSecretStopsStartUpNamingTheVariableNotTheValue() {
        String short31 = "s3cr3t-value-that-is-31-bytes!!";
        assertEquals(31, short31.length());
        ConfigException e = assertThrows(ConfigException.class, () -> JwtSecret.from(Env.of(Map.of("JWT_SECRET", short31))));
        assertTrue(e.getMessage().contains("JWT_SECRET"));
        assertTrue(e.getMessage().contains("32 bytes"));
        assertFalse(e.getMessage().contains("s3cr3t"), "never echoes the secret");
    }

    @Test
    void missingOrBlankSecretStopsStartUpNamingTheVariable() {
        for (Map<String, String> vars : java.util.List.of(Map.<String, String>of(), Map.of("JWT_SECRET", "   "))) {
            ConfigException e = assertThrows(ConfigException.class, () -> JwtSecret.from(Env.of(vars)));
            assertTrue(e.getMessage().contains("JWT_SECRET"), e.getMessage());
        }
    }

    @Test
    void thirtyTwoBytesAreEnoughCountedAsUtf8() {
        JwtSecret.of("x".repeat(32));
        JwtSecret.of("ü".repeat(16)); // 16 characters, 32 bytes
        assertThrows(ConfigException.class, () -> JwtSecret.of("x".repeat(31)));
        assertEquals("JwtSecret[hidden]", JwtSecret.of("x".repeat(32)).toString());
    }
}
