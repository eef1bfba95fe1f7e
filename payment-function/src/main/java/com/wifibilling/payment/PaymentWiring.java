package com.wifibilling.payment;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.store.FinalizerParts;
import com.wifibilling.core.gateway.LoginBuilder;
import com.wifibilling.core.guard.AttemptLimit;
import com.wifibilling.core.guard.AttemptLimiter;
import com.wifibilling.core.health.HealthCheck;
import com.wifibilling.core.http.Api;
import com.wifibilling.core.payment.InitiationSettings;
import com.wifibilling.core.payment.InlinePolling;
import com.wifibilling.core.payment.PaymentInitiation;
import com.wifibilling.core.payment.PaymentLookup;
import com.wifibilling.core.payment.PurchaseCredentials;
import com.wifibilling.core.payment.ReceiptClaims;
import com.wifibilling.core.payment.SweeperSettings;
import com.wifibilling.core.pkg.PackageCatalog;
import com.wifibilling.core.session.TimeMoves;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbProbe;
import java.time.Duration;
import java.util.List;

/**
 * Builds PaymentApi's object graph once per container, top to bottom, with plain constructors (STYLE §2): the
 * catalogue and health, and — on the {@link FinalizerParts} every payment path shares — initiation, status/query
 * and the credentials hand-out. A missing or malformed variable stops INIT naming it.
 */
record PaymentWiring(Api api) {
    /** The in-flight guard outlives the sweeper's expiry window by this much, so it never frees a live purchase. */
    private static final Duration INFLIGHT_MARGIN = Duration.ofSeconds(60);

    static PaymentWiring from(Env env) {
        var config = PaymentConfig.from(env);
        var parts = FinalizerParts.from(env);
        var clock = parts.clock();
        var catalog = new PackageCatalog(parts.packages(), clock, config.packagesCacheAge());
        var health = new HealthCheck(List.of(new DynamoDbProbe(parts.dynamoDb(), config.packagesTable(), "packageId")), clock);
        var guards = new DynamoDbGuardStore(parts.dynamoDb(), env.require("GUARDS_TABLE"));
        var gateways = new DynamoDbGatewayStore(parts.dynamoDb(), env.require("GATEWAYS_TABLE"));
        var logins = new LoginBuilder(env.require("PORTAL_BASE_URL"));
        var credentials = new PurchaseCredentials(parts.sessions(), gateways, logins, clock);
        var polling = new InlinePolling(InlinePolling.DEFAULTS.queries(),
                env.optional("INLINE_POLL_PAUSE_MILLIS", PaymentWiring::pauseMillis, InlinePolling.DEFAULTS.pause()),
                InlinePolling.DEFAULTS.minBudget());
        Duration expireAfter = env.optional("SWEEPER_EXPIRE_AFTER_SECONDS", value -> Duration.ofSeconds(Long.parseLong(value.strip())),
                SweeperSettings.DEFAULTS.expireAfter());
        String defaultGatewayId = env.optional("DEFAULT_GATEWAY_ID").filter(id -> !id.isBlank()).orElse("default");
        var settings = new InitiationSettings(defaultGatewayId,
                parts.darajaConfig().callbackUrl(), polling, expireAfter.plus(INFLIGHT_MARGIN));
        var initiation = new PaymentInitiation(catalog, gateways, guards, parts.transactions(), parts.daraja(), parts.finalizer(),
                settings, duration -> Thread.sleep(duration), parts.metrics(), clock);
        var lookup = new PaymentLookup(parts.transactions(), parts.finalizer(), credentials, guards, parts.daraja(), parts.metrics(), clock);
        var limiter = new AttemptLimiter(guards, List.of(AttemptLimit.CLAIM_DEVICE, AttemptLimit.CLAIM_RECEIPT), parts.metrics(), clock);
        var moves = new TimeMoves(parts.sessions(), parts.grants(), parts.publisher(), guards, clock);
        var claims = new ReceiptClaims(guards, parts.transactions(), gateways, moves, parts.finalizer(), limiter, logins, defaultGatewayId);
        return new PaymentWiring(new Api(PaymentRoutes.router(catalog, health, initiation, lookup, claims, clock), config.http(),
                parts.metrics()));
    }

    private static Duration pauseMillis(String value) {
        long millis = Long.parseLong(value.strip());
        if (millis < 0 || millis > 5_000) throw new ConfigException("INLINE_POLL_PAUSE_MILLIS must be between 0 and 5000");
        return Duration.ofMillis(millis);
    }
}
