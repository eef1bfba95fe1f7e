package com.wifibilling.core.unifi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SecretRefs;
import com.wifibilling.core.config.SecretStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnifiCredentialsTest {
    /** No secret store behind these references: only env: ones resolve. */
    private static SecretRefs refs(Env env) {
        return new SecretRefs(env, new SecretStore() {
            @Override
            public String read(String id) {
                throw new ConfigException("Secret " + id + " does not exist");
            }

            @Override
            public void put(String name, String value) {
                throw new UnsupportedOperationException("read-only here");
            }
        }, Clock.systemUTC(), Duration.ZERO);
    }

    @Test
    void anEnvReferenceReadsTheSecretJsonFromThatVariable() {
        var env = refs(Env.of(Map.of("UNIFI_NAIROBI_LOGIN", "{\"username\":\"wb-portal\",\"password\":\"p@ss\"}")));
        assertEquals(new UnifiCredentials("wb-portal", "p@ss"), UnifiCredentials.resolve("env:UNIFI_NAIROBI_LOGIN", env));
    }

    @Test
    void failuresNameTheVariableAndNeverTheSecret() {
        var env = refs(Env.of(Map.of("BROKEN", "{\"username\":\"wb\",\"password\":", "HALF", "{\"username\":\"wb\"}")));
        var malformed = assertThrows(ConfigException.class, () -> UnifiCredentials.resolve("env:BROKEN", env));
        assertTrue(malformed.getMessage().contains("BROKEN"));
        assertFalse(malformed.getMessage().contains("\"wb\""));
        assertThrows(ConfigException.class, () -> UnifiCredentials.resolve("env:HALF", env));
        assertTrue(assertThrows(ConfigException.class, () -> UnifiCredentials.resolve("env:MISSING", env)).getMessage().contains("MISSING"));
        assertThrows(ConfigException.class, () -> UnifiCredentials.resolve("arn:aws:secretsmanager:af-south-1:1:secret:unifi", env));
        assertThrows(ConfigException.class, () -> UnifiCredentials.resolve(null, env));
    }

    @Test
    void toStringHidesThePassword() {
        assertFalse(new UnifiCredentials("wb-portal", "p@ss-word").toString().contains("p@ss-word"));
    }
}
