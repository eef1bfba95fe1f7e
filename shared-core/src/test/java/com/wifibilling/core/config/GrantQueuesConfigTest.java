package com.wifibilling.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GrantQueuesConfigTest {
    private static final String COMMANDS = "https://sqs.af-south-1.amazonaws.com/123456789012/prod-gateway-commands";
    private static final String NOTIFICATIONS = "https://sqs.af-south-1.amazonaws.com/123456789012/prod-notifications";

    @Test
    void bothQueueUrlsAreRead() {
        var config = GrantQueuesConfig.from(Env.of(Map.of("GATEWAY_COMMANDS_QUEUE_URL", COMMANDS, "NOTIFICATIONS_QUEUE_URL", NOTIFICATIONS)));
        assertEquals(new GrantQueuesConfig(COMMANDS, NOTIFICATIONS), config);
    }

    @Test
    void aMissingQueueStopsStartUpNamingIt() {
        var e = assertThrows(ConfigException.class, () -> GrantQueuesConfig.from(Env.of(Map.of("GATEWAY_COMMANDS_QUEUE_URL", COMMANDS))));
        assertTrue(e.getMessage().contains("NOTIFICATIONS_QUEUE_URL"));
    }

    @Test
    void aMalformedQueueUrlIsNamedButNotEchoed() {
        var e = assertThrows(ConfigException.class, () -> GrantQueuesConfig.from(Env.of(Map.of(
                "GATEWAY_COMMANDS_QUEUE_URL", "gateway-commands", "NOTIFICATIONS_QUEUE_URL", NOTIFICATIONS))));
        assertTrue(e.getMessage().contains("GATEWAY_COMMANDS_QUEUE_URL"));
        assertFalse(e.getMessage().contains("gateway-commands\""));
    }
}
