package com.wifibilling.payment;

import com.wifibilling.core.config.Env;
import com.wifibilling.core.health.HealthCheck;
import com.wifibilling.core.http.Api;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.pkg.PackageCatalog;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbProbe;
import java.time.Clock;
import java.util.List;

/** Builds PaymentApi's object graph once per container, top to bottom, with plain constructors (STYLE §2). */
record PaymentWiring(Api api) {
    static PaymentWiring from(Env env) {
        var config = PaymentConfig.from(env);
        var clock = Clock.systemUTC();
        var dynamoDb = AwsClients.dynamoDb(config.aws());
        var catalog = new PackageCatalog(new DynamoDbPackageStore(AwsClients.enhanced(dynamoDb), config.packagesTable()),
                clock, config.packagesCacheAge());
        var health = new HealthCheck(List.of(new DynamoDbProbe(dynamoDb, config.packagesTable(), "packageId")), clock);
        var metrics = Metrics.forService(config.http().service());
        return new PaymentWiring(new Api(PaymentRoutes.router(catalog, health), config.http(), metrics));
    }
}
