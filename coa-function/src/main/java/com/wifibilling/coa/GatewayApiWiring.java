package com.wifibilling.coa;

import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.HttpConfig;
import com.wifibilling.core.gateway.GatewayHeartbeats;
import com.wifibilling.core.gateway.GatewayKeys;
import com.wifibilling.core.gateway.GatewayPolling;
import com.wifibilling.core.gateway.GatewayUsage;
import com.wifibilling.core.guard.TokenBucket;
import com.wifibilling.core.http.Api;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbBucketStore;
import com.wifibilling.core.store.DynamoDbGatewayOutboxStore;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import java.time.Clock;

/**
 * Builds GatewayApi's object graph once per container (STYLE §2). The token bucket's numbers are the contract's
 * (§6: burst 5, so a script run's back-to-back calls pass; refill 1 a second), not settings.
 */
record GatewayApiWiring(Api api) {
    static final int BURST = 5;
    static final int REFILL_PER_SECOND = 1;

    static GatewayApiWiring from(Env env) {
        return from(env, Clock.systemUTC());
    }

    static GatewayApiWiring from(Env env, Clock clock) {
        var http = HttpConfig.from(env);
        var dynamoDb = AwsClients.dynamoDb(AwsConfig.from(env));
        var gateways = new DynamoDbGatewayStore(dynamoDb, env.require("GATEWAYS_TABLE"));
        var sessions = new DynamoDbSessionStore(dynamoDb, env.require("SESSIONS_TABLE"));
        var bucket = new TokenBucket(new DynamoDbBucketStore(dynamoDb, env.require("GUARDS_TABLE"), clock), "gateway-api",
                BURST, REFILL_PER_SECOND, clock);
        var router = GatewayApiRoutes.router(new GatewayKeys(gateways), bucket,
                new GatewayPolling(new DynamoDbGatewayOutboxStore(dynamoDb, env.require("GATEWAY_OUTBOX_TABLE")), sessions, clock),
                new GatewayUsage(new DynamoDbLoginStore(dynamoDb, env.require("LOGINS_TABLE")), sessions, clock),
                new GatewayHeartbeats(gateways, clock));
        return new GatewayApiWiring(new Api(router, http, Metrics.forService(http.service())));
    }
}
