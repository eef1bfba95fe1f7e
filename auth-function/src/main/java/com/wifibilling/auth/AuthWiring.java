package com.wifibilling.auth;

import com.wifibilling.core.auth.AdminLogin;
import com.wifibilling.core.auth.PasswordHasher;
import com.wifibilling.core.auth.TokenService;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.guard.AttemptLimit;
import com.wifibilling.core.guard.AttemptLimiter;
import com.wifibilling.core.guard.FloodGuard;
import com.wifibilling.core.http.Api;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbUserStore;
import java.time.Clock;
import java.util.List;

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
        return new AuthWiring(new Api(AuthRoutes.router(login, loginFlood, tokens), config.http(), metrics));
    }
}
