package com.wifibilling.coa;

import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.gateway.GatewayCommandDispatcher;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.radius.CoaClient;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbGatewayOutboxStore;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.unifi.UnifiGuests;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Builds GatewayCommands' object graph once per container (STYLE §2): the stores, the RFC 5176 client (its
 * waits are the contract's 1, 2, 4 s), the UniFi controller clients (one OkHttp pool, login cookies kept warm) and
 * how a gateway's {@code radiusSecretRef} is read: {@code env:NAME} from this function's environment (Secrets
 * Manager references come with the AWS deployment work and fail naming the reference until then).
 */
record GatewayCommandsWiring(GatewayCommandDispatcher dispatcher, Metrics metrics) {
    private static final String ENV_PREFIX = "env:";

    static GatewayCommandsWiring from(Env env) {
        var metrics = Metrics.forService(env.require("SERVICE_NAME"));
        var clock = Clock.systemUTC();
        var dynamoDb = AwsClients.dynamoDb(AwsConfig.from(env));
        var dispatcher = new GatewayCommandDispatcher(new DynamoDbSessionStore(dynamoDb, env.require("SESSIONS_TABLE")),
                new DynamoDbGatewayStore(dynamoDb, env.require("GATEWAYS_TABLE")),
                new DynamoDbGatewayOutboxStore(dynamoDb, env.require("GATEWAY_OUTBOX_TABLE")), new CoaClient(),
                new UnifiGuests(new OkHttpClient(), env), ref -> secret(ref, env), metrics, clock);
        return new GatewayCommandsWiring(dispatcher, metrics);
    }

    private static String secret(String ref, Env env) {
        if (ref == null || !ref.startsWith(ENV_PREFIX))
            throw new ConfigException("radiusSecretRef must be env:NAME here (Secrets Manager references are not resolved yet)");
        return env.require(ref.substring(ENV_PREFIX.length()));
    }
}
