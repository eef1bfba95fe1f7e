package com.wifibilling.core.store;

import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.GrantQueuesConfig;
import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaConfig;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.payment.PaymentFinalizer;
import com.wifibilling.core.session.GrantService;
import com.wifibilling.core.user.PortalUsers;
import com.wifibilling.core.voucher.PurchaseCodes;
import java.time.Clock;
import okhttp3.OkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every function that asks Daraja and finalizes payments builds the same way (PaymentApi, CallbackProcessor,
 * Sweeper, and AdminApi for its manual query): the transactions store, the grant with its SQS publisher, {@link PaymentFinalizer}, and one Daraja client whose
 * OkHttp connection pool every warm invocation reuses. A missing or malformed variable stops INIT naming it.
 */
public record FinalizerParts(DynamoDbClient dynamoDb, DynamoDbTransactionStore transactions, DynamoDbSessionStore sessions,
                      DynamoDbPackageStore packages, GrantService grants, SqsGrantPublisher publisher, PaymentFinalizer finalizer, DarajaConfig darajaConfig, DarajaClient daraja,
                      Metrics metrics, Clock clock) {
    public static FinalizerParts from(Env env) {
        var aws = AwsConfig.from(env);
        var clock = Clock.systemUTC();
        var metrics = Metrics.forService(env.require("SERVICE_NAME"));
        var dynamoDb = AwsClients.dynamoDb(aws);
        var transactions = new DynamoDbTransactionStore(dynamoDb, env.require("TRANSACTIONS_TABLE"));
        var stats = new DynamoDbStatsStore(dynamoDb, env.require("STATS_TABLE"));
        var sessions = new DynamoDbSessionStore(dynamoDb, env.require("SESSIONS_TABLE"));
        var publisher = new SqsGrantPublisher(AwsClients.sqs(aws), GrantQueuesConfig.from(env));
        var grants = new GrantService(sessions,
                new DynamoDbLoginStore(dynamoDb, env.require("LOGINS_TABLE")),
                new PurchaseCodes(new DynamoDbVoucherStore(dynamoDb, env.require("VOUCHERS_TABLE"))), publisher, stats, metrics, clock);
        var packages = new DynamoDbPackageStore(AwsClients.enhanced(dynamoDb), env.require("PACKAGES_TABLE"));
        String usersTable = env.require("USERS_TABLE");
        String guardsTable = env.require("GUARDS_TABLE");
        var buyers = new PortalUsers(() -> new DynamoDbUserStore(dynamoDb, usersTable, new DynamoDbGuardStore(dynamoDb, guardsTable)));
        var finalizer = new PaymentFinalizer(transactions, packages, grants, stats, buyers, metrics, clock);
        var darajaConfig = DarajaConfig.from(env);
        var daraja = new DarajaClient(new OkHttpClient(), darajaConfig, clock);
        return new FinalizerParts(dynamoDb, transactions, sessions, packages, grants, publisher, finalizer, darajaConfig, daraja, metrics, clock);
    }
}
