package com.wifibilling.core.unifi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Json;

/**
 * The local controller account coa-function logs in with (contracts/gateways.md §5.3: a local account without
 * 2FA). {@link #toString()} never shows the password.
 */
public record UnifiCredentials(String username, String password) {
    private static final String ENV_PREFIX = "env:";

    public UnifiCredentials {
        if (username == null || username.isBlank() || password == null || password.isEmpty())
            throw new ConfigException("UniFi credentials need a username and a password");
    }

    /**
     * Returns the credentials a gateway's {@code unifi.credentialsRef} names. {@code env:NAME} (the same form as
     * {@code radiusSecretRef}) reads the variable {@code NAME} of this function's environment, holding the JSON
     * a Secrets Manager secret would: {@code {"username":"…","password":"…"}}. Other references (a Secrets
     * Manager ARN) need an adapter this code does not have yet and fail naming the reference, never its value.
     */
    public static UnifiCredentials resolve(String credentialsRef, Env env) {
        if (credentialsRef == null || !credentialsRef.startsWith(ENV_PREFIX))
            throw new ConfigException("unifi.credentialsRef must be env:NAME (Secrets Manager references are not resolved yet)");
        String variable = credentialsRef.substring(ENV_PREFIX.length());
        String json = env.require(variable);
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return new UnifiCredentials(text(node, "username"), text(node, "password"));
        } catch (JacksonException e) {
            // The message would quote the secret: name the variable only.
            throw new ConfigException("Malformed environment variable " + variable + ": expected {\"username\":…,\"password\":…}");
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
