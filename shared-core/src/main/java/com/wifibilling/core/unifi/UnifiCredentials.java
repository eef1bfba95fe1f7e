package com.wifibilling.core.unifi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.SecretRefs;
import com.wifibilling.core.http.Json;

/**
 * The local controller account coa-function logs in with (contracts/gateways.md §5.3: a local account without
 * 2FA). {@link #toString()} never shows the password.
 */
public record UnifiCredentials(String username, String password) {
    public UnifiCredentials {
        if (username == null || username.isBlank() || password == null || password.isEmpty())
            throw new ConfigException("UniFi credentials need a username and a password");
    }

    /**
     * Returns the credentials a gateway's {@code unifi.credentialsRef} names ({@code env:NAME} or
     * {@code secretsmanager:NAME}, as {@link SecretRefs} reads them), holding {@code {"username":"…","password":"…"}}.
     * A malformed value fails naming the reference, never quoting the value.
     */
    public static UnifiCredentials resolve(String credentialsRef, SecretRefs secrets) {
        if (credentialsRef == null) throw new ConfigException("unifi.credentialsRef is missing");
        String json = secrets.resolve(credentialsRef);
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return new UnifiCredentials(text(node, "username"), text(node, "password"));
        } catch (JacksonException e) {
            throw new ConfigException("Malformed secret " + credentialsRef + ": expected {\"username\":…,\"password\":…}");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "UnifiCredentials[username=" + username + ", password hidden]";
    }
}
