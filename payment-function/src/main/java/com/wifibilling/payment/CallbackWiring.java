package com.wifibilling.payment;

import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.HttpConfig;
import com.wifibilling.core.daraja.CallbackTokens;
import com.wifibilling.core.http.Api;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Router;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.payment.CallbackIntake;
import com.wifibilling.core.payment.SuspiciousCallbacks;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.SqsCallbackQueue;
import java.time.Clock;
import java.util.Map;

/** Builds PaymentCallback's object graph once per container: the token list, the queue, the anomaly log. */
record CallbackWiring(Api api) {
    static final String ROUTE = "POST /api/payment/callback/{callbackToken}";

    static CallbackWiring from(Env env) {
        var http = HttpConfig.from(env);
        var aws = AwsConfig.from(env);
        var tokens = CallbackTokens.from(env);
        var queueUrl = env.require("PAYMENT_CALLBACKS_QUEUE_URL");
        var eventsTable = env.require("EVENTS_TABLE");
        var clock = Clock.systemUTC();
        var metrics = Metrics.forService(http.service());
        var suspicious = new SuspiciousCallbacks(new DynamoDbEventStore(AwsClients.dynamoDb(aws), eventsTable), metrics, clock);
        var intake = new CallbackIntake(tokens, new SqsCallbackQueue(AwsClients.sqs(aws), queueUrl), suspicious, clock);
        return new CallbackWiring(new Api(router(intake), http, metrics));
    }

    static Router router(CallbackIntake intake) {
        return new Router(Map.of(ROUTE, request -> Reply.ok(intake.accept(request.pathParameter("callbackToken"),
                request.path(), request.body(), request.sourceIp(), request.requestId()))));
    }
}
