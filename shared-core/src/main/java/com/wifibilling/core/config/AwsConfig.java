package com.wifibilling.core.config;

import java.net.URI;
import java.util.Optional;

/**
 * Where the AWS clients point (DESIGN §7). In AWS only {@code AWS_REGION} is set (by Lambda itself) and the
 * clients use the default credentials chain; the local runtime and tests add {@code DYNAMODB_ENDPOINT} and
 * {@code SQS_ENDPOINT} (and {@code SECRETSMANAGER_ENDPOINT}, its Secrets Manager emulator), and only then do the
 * clients use static dummy credentials.
 */
public record AwsConfig(String region, Optional<URI> dynamoDbEndpoint, Optional<URI> sqsEndpoint, Optional<URI> secretsManagerEndpoint) {
    /** A configuration without a local Secrets Manager: what tests of DynamoDB and SQS alone need. */
    public AwsConfig(String region, Optional<URI> dynamoDbEndpoint, Optional<URI> sqsEndpoint) {
        this(region, dynamoDbEndpoint, sqsEndpoint, Optional.empty());
    }

    public static AwsConfig from(Env env) {
        return new AwsConfig(env.require("AWS_REGION"),
                env.optional("DYNAMODB_ENDPOINT").map(v -> parseEndpoint("DYNAMODB_ENDPOINT", v)),
                env.optional("SQS_ENDPOINT").map(v -> parseEndpoint("SQS_ENDPOINT", v)),
                env.optional("SECRETSMANAGER_ENDPOINT").map(v -> parseEndpoint("SECRETSMANAGER_ENDPOINT", v)));
    }

    private static URI parseEndpoint(String name, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Malformed environment variable " + name + ": not a URI");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null)
            throw new ConfigException("Malformed environment variable " + name + ": expected http(s)://host:port");
        return uri;
    }
}
