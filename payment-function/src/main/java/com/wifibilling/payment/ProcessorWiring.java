package com.wifibilling.payment;

import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.GrantQueuesConfig;
import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaConfig;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.payment.CallbackProcessor;
import com.wifibilling.core.payment.PaymentFinalizer;
import com.wifibilling.core.payment.SuspiciousCallbacks;
import com.wifibilling.core.session.GrantService;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.store.SqsGrantPublisher;
import com.wifibilling.core.voucher.PurchaseCodes;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Builds CallbackProcessor's object graph once per container (STYLE §1): the DynamoDB stores, one OkHttp client
 * for Daraja (its connection pool is reused by every warm invocation), the grant with its SQS publisher, and the
 * processor of contracts/daraja.md §4.3. A missing or malformed variable stops INIT naming it.
 */
record ProcessorWiring(CallbackProcessor processor, Metrics metrics) {
    static ProcessorWiring from(Env env) {
        var aws = AwsConfig.from(env);
        var clock = Clock.systemUTC();
        var metrics = Metrics.forService(env.require("SERVICE_NAME"));
        var dynamoDb = AwsClients.dynamoDb(aws);
        var transactions = new DynamoDbTransactionStore(dynamoDb, env.require("TRANSACTIONS_TABLE"));
        var stats = new DynamoDbStatsStore(dynamoDb, env.require("STATS_TABLE"));
        var grants = new GrantService(new DynamoDbSessionStore(dynamoDb, env.require("SESSIONS_TABLE")),
                new DynamoDbLoginStore(dynamoDb, env.require("LOGINS_TABLE")),
                new PurchaseCodes(new DynamoDbVoucherStore(dynamoDb, env.require("VOUCHERS_TABLE"))),
                new SqsGrantPublisher(AwsClients.sqs(aws), GrantQueuesConfig.from(env)), stats, metrics, clock);
        var packages = new DynamoDbPackageStore(AwsClients.enhanced(dynamoDb), env.require("PACKAGES_TABLE"));
        var finalizer = new PaymentFinalizer(transactions, packages, grants, stats, metrics, clock);
        var suspicious = new SuspiciousCallbacks(new DynamoDbEventStore(dynamoDb, env.require("EVENTS_TABLE")), metrics, clock);
        var daraja = new DarajaClient(new OkHttpClient(), DarajaConfig.from(env), clock);
        var verify = env.optional("DARAJA_VERIFY_CALLBACK_BY_QUERY", CallbackProcessor.Verify::parse, CallbackProcessor.Verify.ON_MISMATCH);
        var processor = new CallbackProcessor(transactions, new DynamoDbGuardStore(dynamoDb, env.require("GUARDS_TABLE")), daraja,
                finalizer, suspicious, metrics, clock, verify);
        return new ProcessorWiring(processor, metrics);
    }
}
