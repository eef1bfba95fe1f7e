package com.wifibilling.coa;

import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.sms.SmsConfig;
import com.wifibilling.core.sms.SmsNotifications;
import com.wifibilling.core.sms.SmsSender;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbSettingsStore;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Builds Notifications' object graph once per container (STYLE §2): the Settings and Guards stores, one OkHttp
 * client for Africa's Talking and the SMS settings ({@link SmsConfig}: a missing or malformed variable stops INIT,
 * naming it).
 */
record NotificationsWiring(SmsNotifications notifications, Metrics metrics) {
    static NotificationsWiring from(Env env) {
        var metrics = Metrics.forService(env.require("SERVICE_NAME"));
        var sms = SmsConfig.from(env);
        var dynamoDb = AwsClients.dynamoDb(AwsConfig.from(env));
        var notifications = new SmsNotifications(new DynamoDbSettingsStore(dynamoDb, env.require("SETTINGS_TABLE")),
                new DynamoDbGuardStore(dynamoDb, env.require("GUARDS_TABLE")), new SmsSender(new OkHttpClient(), sms), metrics,
                Clock.systemUTC());
        return new NotificationsWiring(notifications, metrics);
    }
}
