package com.wifibilling.auth;

import com.wifibilling.core.auth.AdminLogin;
import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.PasswordHasher;
import com.wifibilling.core.auth.PortalAccess;
import com.wifibilling.core.auth.Relogin;
import com.wifibilling.core.auth.TokenService;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.gateway.LoginBuilder;
import com.wifibilling.core.gateway.RadiusAccounting;
import com.wifibilling.core.gateway.RadiusAuthorization;
import com.wifibilling.core.guard.AttemptLimit;
import com.wifibilling.core.guard.AttemptLimiter;
import com.wifibilling.core.guard.FloodGuard;
import com.wifibilling.core.http.Api;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.session.GrantService;
import com.wifibilling.core.session.TimeMoves;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import com.wifibilling.core.store.DynamoDbUserStore;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.store.SqsGrantPublisher;
import com.wifibilling.core.voucher.PurchaseCodes;
import com.wifibilling.core.voucher.VoucherRedemption;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds AuthApi's object graph once per container, top to bottom, with plain constructors (STYLE §2): the Users
 * and Guards stores, the Argon2id hasher (its dummy hash is made here, at INIT), the token service and the login with
 * its account lockout and per-IP flood limit. A missing or malformed variable stops INIT naming it.
 */
record AuthWiring(Api api) {
    static final String LOGIN_IP_KIND = "login-ip";

    static AuthWiring from(Env env) {
        var config = AuthConfig.from(env);
        return from(config, Clock.systemUTC(), new PasswordHasher(), Metrics.forService(config.http().service()));
    }

    /** Tests: the same graph with their clock, a cheap hasher and metrics they can read. */
    static AuthWiring from(AuthConfig config, Clock clock, PasswordHasher hasher, Metrics metrics) {
        var dynamoDb = AwsClients.dynamoDb(config.aws());
        var guards = new DynamoDbGuardStore(dynamoDb, config.guardsTable(), clock);
        var users = new DynamoDbUserStore(dynamoDb, config.usersTable(), guards);
        var tokens = new TokenService(config.jwtSecret(), clock);
        var limiter = new AttemptLimiter(guards, List.of(AttemptLimit.LOGIN_ACCOUNT), metrics, clock);
        var login = new AdminLogin(users, hasher, tokens, limiter, metrics, clock);
        var loginFlood = new FloodGuard(guards, LOGIN_IP_KIND, config.loginIpLimitPerMinute(), clock);
        var devices = DeviceStores.of(config.portal(), dynamoDb);
        var portal = portal(config.portal(), devices, dynamoDb, AwsClients.sqs(config.aws()), guards, tokens, metrics, clock);
        var radius = radius(config, devices, metrics, clock);
        return new AuthWiring(new Api(AuthRoutes.router(login, loginFlood, tokens, portal, radius), config.http(), metrics));
    }

    /** The voucher and portal-session services, on the one grant path every way of buying time shares (DESIGN §4). */
    private static AuthRoutes.Portal portal(AuthConfig.PortalTables tables, DeviceStores devices, DynamoDbClient dynamoDb, SqsClient sqs,
                                            DynamoDbGuardStore guards, TokenService tokens, Metrics metrics, Clock clock) {
        var sessions = devices.sessions();
        var logins = devices.logins();
        var gateways = devices.gateways();
        var vouchers = new DynamoDbVoucherStore(dynamoDb, tables.vouchers());
        var packages = new DynamoDbPackageStore(AwsClients.enhanced(dynamoDb), tables.packages());
        var publisher = new SqsGrantPublisher(sqs, tables.queues());
        var grants = new GrantService(sessions, logins, new PurchaseCodes(vouchers), publisher,
                new DynamoDbStatsStore(dynamoDb, tables.stats()), metrics, clock);
        var limiter = new AttemptLimiter(guards, List.of(AttemptLimit.VOUCHER_DEVICE), metrics, clock);
        var moves = new TimeMoves(sessions, grants, publisher, guards, clock);
        var loginBuilder = new LoginBuilder(tables.portalBaseUrl());
        var reloginFlood = new FloodGuard(guards, Relogin.FLOOD_KIND, Relogin.PER_MINUTE, clock);
        return new AuthRoutes.Portal(
                new VoucherRedemption(vouchers, packages, gateways, grants, moves, limiter, loginBuilder, tables.defaultGatewayId(), metrics, clock),
                new PortalAccess(sessions, logins, gateways, publisher, limiter, tables.defaultGatewayId(), clock),
                new Relogin(gateways, sessions, loginBuilder, publisher, reloginFlood, tables.defaultGatewayId(), clock),
                new Authorizer(tokens), tokens);
    }

    /** RADIUS authorize and accounting for FreeRADIUS: strongly consistent reads of Gateways, Logins and Sessions. */
    private static AuthRoutes.Radius radius(AuthConfig config, DeviceStores devices, Metrics metrics, Clock clock) {
        return new AuthRoutes.Radius(config.radiusApiToken(),
                new RadiusAuthorization(devices.gateways(), devices.logins(), devices.sessions(), metrics, clock),
                new RadiusAccounting(devices.logins(), devices.sessions(), clock));
    }

    /** The stores both the portal side and RADIUS read, built once per container (each builds its table schema at INIT). */
    private record DeviceStores(DynamoDbSessionStore sessions, DynamoDbLoginStore logins, DynamoDbGatewayStore gateways) {
        static DeviceStores of(AuthConfig.PortalTables tables, DynamoDbClient dynamoDb) {
            return new DeviceStores(new DynamoDbSessionStore(dynamoDb, tables.sessions()), new DynamoDbLoginStore(dynamoDb, tables.logins()),
                    new DynamoDbGatewayStore(dynamoDb, tables.gateways()));
        }
    }
}
