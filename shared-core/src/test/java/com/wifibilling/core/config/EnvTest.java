package com.wifibilling.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvTest {
    @Test
    void missingVariableIsNamedInTheFailure() {
        var e = assertThrows(ConfigException.class, () -> Env.of(Map.of()).require("PACKAGES_TABLE"));
        assertTrue(e.getMessage().contains("PACKAGES_TABLE"));
    }

    @Test
    void blankCountsAsMissing() {
        assertThrows(ConfigException.class, () -> Env.of(Map.of("X", "   ")).require("X"));
        assertEquals(Optional.empty(), Env.of(Map.of("X", " ")).optional("X"));
    }

    @Test
    void malformedVariableIsNamedButItsValueIsNeverEchoed() {
        var e = assertThrows(ConfigException.class,
                () -> Env.of(Map.of("PORT", "s3cr3t-value")).require("PORT", Integer::parseInt));
        assertTrue(e.getMessage().contains("PORT"));
        assertFalse(e.getMessage().contains("s3cr3t-value"));
    }

    @Test
    void optionalFallsBackOnlyWhenUnset() {
        assertEquals(60, Env.of(Map.of()).optional("N", Integer::parseInt, 60));
        assertEquals(5, Env.of(Map.of("N", "5")).optional("N", Integer::parseInt, 60));
        assertThrows(ConfigException.class, () -> Env.of(Map.of("N", "five")).optional("N", Integer::parseInt, 60));
    }

    @Test
    void awsConfigPointsAtLocalEndpointsOnlyWhenGiven() {
        var inAws = AwsConfig.from(Env.of(Map.of("AWS_REGION", "af-south-1")));
        assertEquals(Optional.empty(), inAws.dynamoDbEndpoint());
        var local = AwsConfig.from(Env.of(Map.of("AWS_REGION", "af-south-1", "DYNAMODB_ENDPOINT", "http://127.0.0.1:4567")));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:4567")), local.dynamoDbEndpoint());
        assertThrows(ConfigException.class, () -> AwsConfig.from(Env.of(Map.of("AWS_REGION", "x", "SQS_ENDPOINT", "not a uri"))));
        assertThrows(ConfigException.class, () -> AwsConfig.from(Env.of(Map.of("AWS_REGION", "x", "SQS_ENDPOINT", "ftp://h:1"))));
    }

    @Test
    void allowedOriginsAreSchemeHostPortOnly() {
        var config = HttpConfig.from(Env.of(Map.of("SERVICE_NAME", "s", "ALLOWED_ORIGINS", "https://a.example, http://localhost:3000")));
        assertEquals(Set.of("https://a.example", "http://localhost:3000"), config.allowedOrigins());
        assertThrows(ConfigException.class, () -> HttpConfig.from(Env.of(Map.of("SERVICE_NAME", "s", "ALLOWED_ORIGINS", "https://a.example/portal"))));
    }
}
