package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {
    private static final List<String> ALL = List.of(LocalSecrets.JWT_SECRET, LocalSecrets.CALLBACK_TOKEN,
            LocalSecrets.RADIUS_API_TOKEN, LocalSecrets.DEFAULT_GATEWAY_RADIUS_SECRET);

    @Test
    void generatedSecretsMeetTheirRulesAndDifferEachStart() {
        LocalSecrets first = LocalSecrets.resolve(Env.of(Map.of()), Optional.empty());
        LocalSecrets second = LocalSecrets.resolve(Env.of(Map.of()), Optional.empty());
        assertEquals(ALL, List.copyOf(first.generatedNow().keySet()));
        assertTrue(first.get(LocalSecrets.JWT_SECRET).getBytes(StandardCharsets.UTF_8).length >= 32);
        assertTrue(first.get(LocalSecrets.DEFAULT_GATEWAY_RADIUS_SECRET).matches("[A-Za-z0-9]{24,}"));
        assertTrue(first.get(LocalSecrets.CALLBACK_TOKEN).matches("[0-9a-f]{32,}"), "lowercase hex, as contracts/daraja.md §4.1 says");
        for (String name : ALL) assertNotEquals(first.get(name), second.get(name));
        assertEquals(Map.copyOf(first.generatedNow()), first.environment());
    }

    @Test
    void secretsFromTheEnvironmentAreUsedAndNotShown() {
        var given = Map.of(LocalSecrets.JWT_SECRET, "x".repeat(40), LocalSecrets.DEFAULT_GATEWAY_RADIUS_SECRET, "Abc123".repeat(4));
        LocalSecrets secrets = LocalSecrets.resolve(Env.of(given), Optional.empty());
        assertEquals("x".repeat(40), secrets.get(LocalSecrets.JWT_SECRET));
        assertEquals("Abc123".repeat(4), secrets.get(LocalSecrets.DEFAULT_GATEWAY_RADIUS_SECRET));
        assertEquals(List.of(LocalSecrets.CALLBACK_TOKEN, LocalSecrets.RADIUS_API_TOKEN), List.copyOf(secrets.generatedNow().keySet()));
    }

    @Test
    void malformedSecretStopsStartUpNamingTheVariableNotItsValue() {
        var shortJwt = assertThrows(ConfigException.class,
                () -> LocalSecrets.resolve(Env.of(Map.of(LocalSecrets.JWT_SECRET, "too-short-secret")), Optional.empty()));
        assertTrue(shortJwt.getMessage().contains("JWT_SECRET"));
        assertFalse(shortJwt.getMessage().contains("too-short-secret"));
        assertThrows(ConfigException.class, () -> LocalSecrets.resolve(
                Env.of(Map.of(LocalSecrets.DEFAULT_GATEWAY_RADIUS_SECRET, "has spaces and is long enough ok")), Optional.empty()));
        assertThrows(ConfigException.class, () -> LocalSecrets.resolve(
                Env.of(Map.of(LocalSecrets.CALLBACK_TOKEN, "a/b/c/d/e/f/g/h/i/j")), Optional.empty()));
    }

    @Test
    void withADataDirectoryGeneratedSecretsAreKeptForTheNextStart(@TempDir Path data) throws Exception {
        LocalSecrets first = LocalSecrets.resolve(Env.of(Map.of()), Optional.of(data));
        Path file = data.resolve(LocalSecrets.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        LocalSecrets second = LocalSecrets.resolve(Env.of(Map.of()), Optional.of(data));
        assertEquals(first.environment(), second.environment());
        assertEquals(Map.of(), second.generatedNow());
        LocalSecrets overridden = LocalSecrets.resolve(Env.of(Map.of(LocalSecrets.JWT_SECRET, "y".repeat(32))), Optional.of(data));
        assertEquals("y".repeat(32), overridden.get(LocalSecrets.JWT_SECRET), "the environment wins over the kept file");
    }

    @Test
    void toStringNeverShowsAValue() {
        LocalSecrets secrets = LocalSecrets.resolve(Env.of(Map.of()), Optional.empty());
        for (String name : ALL) assertFalse(secrets.toString().contains(secrets.get(name)));
    }
}
