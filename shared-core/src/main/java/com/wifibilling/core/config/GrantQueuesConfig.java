package com.wifibilling.core.config;

import java.net.URI;

/**
 * Where a grant publishes (DESIGN §4, step 3): the URLs of the {@code gateway-commands} queue
 * ({@code GATEWAY_COMMANDS_QUEUE_URL}) and the {@code notifications} queue ({@code NOTIFICATIONS_QUEUE_URL}),
 * both required wherever a grant can happen.
 */
public record GrantQueuesConfig(String gatewayCommandsUrl, String notificationsUrl) {
    public static GrantQueuesConfig from(Env env) {
        return new GrantQueuesConfig(env.require("GATEWAY_COMMANDS_QUEUE_URL", GrantQueuesConfig::queueUrl),
                env.require("NOTIFICATIONS_QUEUE_URL", GrantQueuesConfig::queueUrl));
    }

    private static String queueUrl(String value) {
        URI uri = URI.create(value);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null || uri.getPath() == null
                || uri.getPath().length() < 2)
            throw new ConfigException("expected a queue URL such as https://sqs.af-south-1.amazonaws.com/123456789012/name");
        return value;
    }
}
