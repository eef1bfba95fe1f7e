package com.wifibilling.admin;

import com.wifibilling.core.auth.JwtSecret;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.GrantQueuesConfig;
import com.wifibilling.core.config.HttpConfig;
import com.wifibilling.core.gateway.GatewaySetup;

/** AdminApi's and the batch worker's configuration, read once at INIT; a missing or malformed variable stops it with its name. */
record AdminConfig(HttpConfig http, AwsConfig aws, JwtSecret jwtSecret, String vouchersTable, String packagesTable,
                   String statsTable, String voucherBatchesQueueUrl, String sessionsTable, String guardsTable, GrantQueuesConfig queues,
                   String gatewaysTable, GatewaySetup.Target setupTarget, String gatewaySecretsPrefix, String transactionsTable,
                   String usersTable, String eventsTable, String settingsTable) {
    static AdminConfig from(Env env) {
        return new AdminConfig(HttpConfig.from(env), AwsConfig.from(env), JwtSecret.from(env), env.require("VOUCHERS_TABLE"),
                env.require("PACKAGES_TABLE"), env.require("STATS_TABLE"), env.require("VOUCHER_BATCHES_QUEUE_URL"),
                env.require("SESSIONS_TABLE"), env.require("GUARDS_TABLE"), GrantQueuesConfig.from(env), env.require("GATEWAYS_TABLE"),
                new GatewaySetup.Target(env.require("PORTAL_BASE_URL"), env.require("API_BASE_URL"), env.require("RADIUS_SERVER_ADDRESS")),
                env.require("GATEWAY_SECRETS_PREFIX"), env.require("TRANSACTIONS_TABLE"),
                env.require("USERS_TABLE"), env.require("EVENTS_TABLE"), env.require("SETTINGS_TABLE"));
    }
}
