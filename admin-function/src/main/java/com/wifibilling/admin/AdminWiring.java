package com.wifibilling.admin;

import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.TokenService;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.LazySecretStore;
import com.wifibilling.core.dashboard.Dashboard;
import com.wifibilling.core.event.EventLog;
import com.wifibilling.core.gateway.GatewayOnboarding;
import com.wifibilling.core.gateway.GatewaySetup;
import com.wifibilling.core.gateway.LoginBuilder;
import com.wifibilling.core.http.Api;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.operator.UserDirectory;
import com.wifibilling.core.payment.PaymentLookup;
import com.wifibilling.core.payment.PurchaseCredentials;
import com.wifibilling.core.payment.TransactionSearch;
import com.wifibilling.core.pkg.PackageAdmin;
import com.wifibilling.core.session.SessionSearch;
import com.wifibilling.core.session.SessionTermination;
import com.wifibilling.core.settings.OperatorSettings;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbSettingsStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbUserStore;
import com.wifibilling.core.store.DynamoDbVoucherBatchStore;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.store.FinalizerParts;
import com.wifibilling.core.store.SecretsManagerStore;
import com.wifibilling.core.store.SqsVoucherBatchQueue;
import com.wifibilling.core.voucher.VoucherBatches;
import com.wifibilling.core.voucher.VoucherGenerator;
import com.wifibilling.core.voucher.VoucherSending;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds AdminApi's object graph (and the batch worker's, a small part of it) once per container, with
 * plain constructors (STYLE §2), on the {@link FinalizerParts} every payment path shares (the manual M-Pesa query
 * finalizes as the callback does). A missing or malformed variable stops INIT naming it.
 */
record AdminWiring(Api api) {
    /** Concurrent code writes of one batch: enough to keep DynamoDB busy, few enough for one small Lambda. */
    static final int GENERATION_PARALLELISM = 32;

    /** The voucher batch worker's graph: only what generating a queued batch needs. */
    static VoucherBatches batchWorker(Env env, Metrics metrics) {
        var aws = AwsConfig.from(env);
        var dynamoDb = AwsClients.dynamoDb(aws);
        return batches(dynamoDb, aws, env.require("VOUCHERS_TABLE"), env.require("STATS_TABLE"), env.require("VOUCHER_BATCHES_QUEUE_URL"),
                new DynamoDbPackageStore(AwsClients.enhanced(dynamoDb), env.require("PACKAGES_TABLE")), metrics, Clock.systemUTC());
    }

    private static VoucherBatches batches(DynamoDbClient dynamoDb, AwsConfig aws, String vouchersTable, String statsTable, String queueUrl,
                                          DynamoDbPackageStore packages, Metrics metrics, Clock clock) {
        var generator = new VoucherGenerator(new DynamoDbVoucherStore(dynamoDb, vouchersTable), packages,
                new DynamoDbStatsStore(dynamoDb, statsTable), metrics, clock, GENERATION_PARALLELISM);
        return new VoucherBatches(new DynamoDbVoucherBatchStore(dynamoDb, vouchersTable), generator,
                new SqsVoucherBatchQueue(AwsClients.sqs(aws), queueUrl), packages, clock);
    }

    static AdminWiring from(Env env) {
        var config = AdminConfig.from(env);
        var parts = FinalizerParts.from(env);
        var clock = parts.clock();
        var metrics = parts.metrics();
        var dynamoDb = parts.dynamoDb();
        var stats = new DynamoDbStatsStore(dynamoDb, config.statsTable());
        var vouchers = new DynamoDbVoucherStore(dynamoDb, config.vouchersTable());
        var batches = batches(dynamoDb, config.aws(), config.vouchersTable(), config.statsTable(), config.voucherBatchesQueueUrl(),
                parts.packages(), metrics, clock);
        var authorizer = new Authorizer(new TokenService(config.jwtSecret(), clock));
        var guards = new DynamoDbGuardStore(dynamoDb, config.guardsTable());
        var termination = new SessionTermination(parts.sessions(), parts.publisher(), guards, clock);
        var events = new DynamoDbEventStore(dynamoDb, config.eventsTable());
        var gatewayStore = new DynamoDbGatewayStore(dynamoDb, config.gatewaysTable());
        // The Secrets Manager client is built on the first gateway create or rotate only: rare admin actions.
        var onboarding = new GatewayOnboarding(gatewayStore, new LazySecretStore(() -> new SecretsManagerStore(AwsClients.secretsManager(config.aws()))),
                config.gatewaySecretsPrefix(), events, clock);
        var gateways = new AdminRoutes.Gateways(gatewayStore, new GatewaySetup(config.setupTarget()), onboarding);
        var settings = new OperatorSettings(new DynamoDbSettingsStore(dynamoDb, config.settingsTable()), events, clock);
        var credentials = new PurchaseCredentials(parts.sessions(), gatewayStore, new LoginBuilder(config.setupTarget().portalBaseUrl()), clock);
        var payments = new PaymentLookup(parts.transactions(), parts.finalizer(), credentials, guards, parts.daraja(), metrics, clock);
        var sending = new VoucherSending(batches, vouchers, parts.packages(), guards, parts.publisher(), events,
                () -> settings.current().notifications().voucherSms(), clock);
        var views = new AdminRoutes.Views(new TransactionSearch(parts.transactions(), clock),
                new Dashboard(stats, parts.packages(), gatewayStore, parts.sessions(), clock),
                new SessionSearch(parts.sessions()),
                new UserDirectory(new DynamoDbUserStore(dynamoDb, config.usersTable(), guards), parts.sessions(), parts.transactions()),
                new EventLog(events, clock), clock);
        var actions = new AdminRoutes.Actions(payments, sending, settings, SettingsRoutes.EnvironmentView.from(env, parts.darajaConfig()),
                events);
        return new AdminWiring(new Api(AdminRoutes.router(authorizer, batches, vouchers, termination, gateways,
                new PackageAdmin(parts.packages(), events, clock), views, actions), config.http(), metrics));
    }
}
