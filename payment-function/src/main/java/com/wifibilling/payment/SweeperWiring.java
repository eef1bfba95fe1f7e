package com.wifibilling.payment;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.store.FinalizerParts;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.payment.PaymentSweeper;
import com.wifibilling.core.payment.StatsAudit;
import com.wifibilling.core.payment.SweeperSettings;
import com.wifibilling.core.session.SessionTermination;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbStatsStore;
import java.time.Duration;

/**
 * Builds the Sweeper's object graph once per container (STYLE §1): the {@link FinalizerParts} and
 * {@link PaymentSweeper} with its settings (contracts/daraja.md §9 "Sweeper": {@code SWEEPER_QUERY_AFTER_SECONDS}
 * 120, {@code SWEEPER_EXPIRE_AFTER_SECONDS} 600; §5: {@code SWEEPER_QUERIES_PER_SECOND} 5). A missing or malformed
 * variable stops INIT naming it. Also the hourly Stats audit (DESIGN §4) and the expiry backstop (DESIGN §6), which the same schedule runs.
 */
record SweeperWiring(PaymentSweeper sweeper, StatsAudit audit, SessionTermination expiry, Metrics metrics) {
    static SweeperWiring from(Env env) {
        var parts = FinalizerParts.from(env);
        var defaults = SweeperSettings.DEFAULTS;
        var settings = new SweeperSettings(
                env.optional("SWEEPER_QUERY_AFTER_SECONDS", SweeperWiring::seconds, defaults.queryAfter()),
                env.optional("SWEEPER_EXPIRE_AFTER_SECONDS", SweeperWiring::seconds, defaults.expireAfter()),
                env.optional("SWEEPER_QUERIES_PER_SECOND", Integer::parseInt, defaults.queriesPerSecond()));
        var sweeper = new PaymentSweeper(parts.transactions(), parts.daraja(), parts.finalizer(), parts.metrics(), parts.clock(),
                settings);
        var guards = new DynamoDbGuardStore(parts.dynamoDb(), env.require("GUARDS_TABLE"));
        var audit = new StatsAudit(parts.transactions(), new DynamoDbStatsStore(parts.dynamoDb(), env.require("STATS_TABLE")),
                new DynamoDbEventStore(parts.dynamoDb(), env.require("EVENTS_TABLE")), guards, parts.metrics(), parts.clock());
        var expiry = new SessionTermination(parts.sessions(), parts.publisher(), guards, parts.clock());
        return new SweeperWiring(sweeper, audit, expiry, parts.metrics());
    }

    private static Duration seconds(String value) {
        long seconds = Long.parseLong(value.strip());
        if (seconds < 0) throw new ConfigException("a number of seconds cannot be negative: " + value);
        return Duration.ofSeconds(seconds);
    }
}
