package com.wifibilling.core.sms;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Africa's Talking (docs/SMS.md): {@code SMS_PROVIDER_URL} is the API's origin (the sandbox
 * {@value #SANDBOX_URL}, production {@value #PRODUCTION_URL}, or the local runtime's simulator), {@code SMS_USERNAME}
 * the application's username ({@code sandbox} in the sandbox), {@code SMS_API_KEY} its API key (a secret, never
 * logged or printed) and {@code SMS_SENDER_ID} the registered alphanumeric or short code (optional: without it
 * Africa's Talking sends from its shared default).
 */
public record SmsConfig(URI baseUrl, String username, String apiKey, Optional<String> senderId) {
    public static final String SANDBOX_URL = "https://api.sandbox.africastalking.com";
    public static final String PRODUCTION_URL = "https://api.africastalking.com";

    public SmsConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(senderId, "senderId");
    }

    /** Returns the settings from {@code env}; a missing or malformed variable fails naming it (never echoing the key). */
    public static SmsConfig from(Env env) {
        return new SmsConfig(env.require("SMS_PROVIDER_URL", SmsConfig::origin), env.require("SMS_USERNAME"),
                env.require("SMS_API_KEY"), env.optional("SMS_SENDER_ID"));
    }

    private static URI origin(String value) {
        URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null)
            throw new ConfigException("an http(s) origin such as " + SANDBOX_URL);
        return uri;
    }

    /** Returns the settings without the API key: records print their fields, and the key must never reach a log. */
    @Override
    public String toString() {
        return "SmsConfig[baseUrl=" + baseUrl + ", username=" + username + ", senderId=" + senderId.orElse("-") + "]";
    }
}
