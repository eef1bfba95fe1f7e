package com.wifibilling.coa;

import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.LazySecretStore;
import com.wifibilling.core.config.SecretRefs;
import com.wifibilling.core.gateway.GatewayCommandDispatcher;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.radius.CoaClient;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbGatewayOutboxStore;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.SecretsManagerStore;
import com.wifibilling.core.unifi.UnifiGuests;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Builds GatewayCommands' object graph once per container (STYLE §2): the stores, the RFC 5176 client (its
 * waits are the contract's 1, 2, 4 s), the UniFi controller clients (one OkHttp pool, login cookies kept warm) and
 * how a gateway's {@code radiusSecretRef} and UniFi login are read ({@link SecretRefs}: {@code env:NAME}, or Secrets
 * Manager through a client built on first use and values kept 60 s, so a rotated secret is picked up within a minute).
 */
record GatewayCommandsWiring(GatewayCommandDispatcher dispatcher, Metrics metrics) {
    private static final Duration SECRET_TTL = Duration.ofSeconds(60);

    static GatewayCommandsWiring from(Env env) {
        var metrics = Metrics.forService(env.require("SERVICE_NAME"));
        var clock = Clock.systemUTC();
        var aws = AwsConfig.from(env);
        var dynamoDb = AwsClients.dynamoDb(aws);
        var secrets = new SecretRefs(env, new LazySecretStore(() -> new SecretsManagerStore(AwsClients.secretsManager(aws))), clock, SECRET_TTL);
        var dispatcher = new GatewayCommandDispatcher(new DynamoDbSessionStore(dynamoDb, env.require("SESSIONS_TABLE")),
                new DynamoDbGatewayStore(dynamoDb, env.require("GATEWAYS_TABLE")),
                new DynamoDbGatewayOutboxStore(dynamoDb, env.require("GATEWAY_OUTBOX_TABLE")), new CoaClient(),
                new UnifiGuests(new OkHttpClient(), secrets), secrets::resolve, metrics, clock);
        return new GatewayCommandsWiring(dispatcher, metrics);
    }
}
