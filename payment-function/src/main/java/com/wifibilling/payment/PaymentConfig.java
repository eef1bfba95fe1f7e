package com.wifibilling.payment;

import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.HttpConfig;
import java.time.Duration;

/** PaymentApi's configuration, read once at INIT; a missing or malformed variable stops it with its name. */
record PaymentConfig(HttpConfig http, AwsConfig aws, String packagesTable, Duration packagesCacheAge) {
    static PaymentConfig from(Env env) {
        return new PaymentConfig(HttpConfig.from(env), AwsConfig.from(env), env.require("PACKAGES_TABLE"),
                env.optional("PACKAGES_CACHE_SECONDS", PaymentConfig::cacheAge, Duration.ofSeconds(60)));
    }

    private static Duration cacheAge(String seconds) {
        long value = Long.parseLong(seconds);
        if (value < 0 || value > 60) throw new ConfigException("PACKAGES_CACHE_SECONDS must be between 0 and 60");
        return Duration.ofSeconds(value);
    }
}
