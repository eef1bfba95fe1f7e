package com.wifibilling.admin;

import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.TokenService;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.dashboard.Dashboard;
import com.wifibilling.core.event.EventLog;
import com.wifibilling.core.http.Api;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.payment.TransactionSearch;
import com.wifibilling.core.operator.UserDirectory;
import com.wifibilling.core.pkg.PackageAdmin;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.session.SessionSearch;
import com.wifibilling.core.session.SessionTermination;
import com.wifibilling.core.config.LazySecretStore;
import com.wifibilling.core.gateway.GatewayOnboarding;
import com.wifibilling.core.gateway.GatewaySetup;
import com.wifibilling.core.store.SecretsManagerStore;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import com.wifibilling.core.store.DynamoDbUserStore;
import com.wifibilling.core.store.DynamoDbVoucherBatchStore;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.store.SqsGrantPublisher;
import com.wifibilling.core.store.SqsVoucherBatchQueue;
import com.wifibilling.core.voucher.VoucherBatches;
import com.wifibilling.core.voucher.VoucherGenerator;
import java.time.Clock;

/**
 * Builds AdminApi's object graph (and the batch worker's, which is the same minus HTTP) once per container, with
 * plain constructors (STYLE §2). A missing or malformed variable stops INIT naming it.
 */
record AdminWiring(Api api, VoucherBatches batches, Metrics metrics) {
    /** Concurrent code writes of one batch: enough to keep DynamoDB busy, few enough for one small Lambda. */
    static final int GENERATION_PARALLELISM = 32;

    static AdminWiring from(Env env) {
        var config = AdminConfig.from(env);
        var clock = Clock.systemUTC();
        var metrics = Metrics.forService(config.http().service());
        var dynamoDb = AwsClients.dynamoDb(config.aws());
        var vouchers = new DynamoDbVoucherStore(dynamoDb, config.vouchersTable());
        var packages = new DynamoDbPackageStore(AwsClients.enhanced(dynamoDb), config.packagesTable());
        var generator = new VoucherGenerator(vouchers, packages, new DynamoDbStatsStore(dynamoDb, config.statsTable()), metrics, clock,
                GENERATION_PARALLELISM);
        var batches = new VoucherBatches(new DynamoDbVoucherBatchStore(dynamoDb, config.vouchersTable()), generator,
                new SqsVoucherBatchQueue(AwsClients.sqs(config.aws()), config.voucherBatchesQueueUrl()), packages, clock);
        var authorizer = new Authorizer(new TokenService(config.jwtSecret(), clock));
        var guards = new DynamoDbGuardStore(dynamoDb, config.guardsTable());
        var sessions = new DynamoDbSessionStore(dynamoDb, config.sessionsTable());
        var termination = new SessionTermination(sessions,
                new SqsGrantPublisher(AwsClients.sqs(config.aws()), config.queues()), guards,
                clock);
        var events = new DynamoDbEventStore(dynamoDb, config.eventsTable());
        var transactions = new DynamoDbTransactionStore(dynamoDb, config.transactionsTable());
        var gatewayStore = new DynamoDbGatewayStore(dynamoDb, config.gatewaysTable());
        // The Secrets Manager client is built on the first gateway create or rotate only: rare admin actions.
        var onboarding = new GatewayOnboarding(gatewayStore, new LazySecretStore(() -> new SecretsManagerStore(AwsClients.secretsManager(config.aws()))),
                config.gatewaySecretsPrefix(), clock);
        var gateways = new AdminRoutes.Gateways(gatewayStore, new GatewaySetup(config.setupTarget()), onboarding);
        return new AdminWiring(new Api(AdminRoutes.router(authorizer, batches, vouchers, termination, gateways,
                new PackageAdmin(packages, events, clock),
                new AdminRoutes.Views(new TransactionSearch(transactions, clock),
                        new Dashboard(new DynamoDbStatsStore(dynamoDb, config.statsTable()), packages, gatewayStore, sessions, clock),
                        new SessionSearch(sessions),
                        new UserDirectory(new DynamoDbUserStore(dynamoDb, config.usersTable(), guards), sessions, transactions),
                        new EventLog(events, clock), clock)), config.http(), metrics),
                batches, metrics);
    }
}
