package com.wifibilling.auth;

import com.wifibilling.core.auth.JwtSecret;
import com.wifibilling.core.auth.RadiusApiToken;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.GrantQueuesConfig;
import com.wifibilling.core.config.HttpConfig;

/** AuthApi's configuration, read once at INIT; a missing or malformed variable stops it with its name. */
record AuthConfig(HttpConfig http, AwsConfig aws, String usersTable, String guardsTable, JwtSecret jwtSecret,
                  int loginIpLimitPerMinute, PortalTables portal, RadiusApiToken radiusApiToken) {
    /**
     * What the portal routes (voucher, portal login, status, logout) need besides users and guards: the tables a
     * grant touches, the queues it publishes to, where the portal lives and the gateway meant when none is named.
     */
    record PortalTables(String sessions, String logins, String vouchers, String packages, String stats, String gateways,
                        GrantQueuesConfig queues, String portalBaseUrl, String defaultGatewayId) {
        static PortalTables from(Env env) {
            return new PortalTables(env.require("SESSIONS_TABLE"), env.require("LOGINS_TABLE"), env.require("VOUCHERS_TABLE"),
                    env.require("PACKAGES_TABLE"), env.require("STATS_TABLE"), env.require("GATEWAYS_TABLE"), GrantQueuesConfig.from(env),
                    env.require("PORTAL_BASE_URL"), env.optional("DEFAULT_GATEWAY_ID").filter(id -> !id.isBlank()).orElse("default"));
        }
    }

    /** Far above what one hotspot's honest admins send: the per-account lockout is the real guessing limit. */
    static final int DEFAULT_LOGIN_IP_LIMIT_PER_MINUTE = 300;

    static AuthConfig from(Env env) {
        return new AuthConfig(HttpConfig.from(env), AwsConfig.from(env), env.require("USERS_TABLE"), env.require("GUARDS_TABLE"),
                JwtSecret.from(env),
                env.optional("LOGIN_IP_LIMIT_PER_MINUTE", AuthConfig::perMinute, DEFAULT_LOGIN_IP_LIMIT_PER_MINUTE),
                PortalTables.from(env), RadiusApiToken.of(env.optional("RADIUS_API_TOKEN")));
    }

    private static int perMinute(String value) {
        int limit = Integer.parseInt(value.strip());
        if (limit < 1 || limit > 1_000_000) throw new ConfigException("LOGIN_IP_LIMIT_PER_MINUTE must be between 1 and 1000000");
        return limit;
    }
}
