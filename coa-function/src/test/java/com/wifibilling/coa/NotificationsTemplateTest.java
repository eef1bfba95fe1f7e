package com.wifibilling.coa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml wires Notifications to this handler on the notifications queue, with partial batch failures and its settings. */
class NotificationsTemplateTest {
    @Test
    void theFunctionConsumesNotificationsWithPartialBatchFailures() {
        var spec = SamTemplate.load(RepoPaths.template()).functions().stream().filter(f -> f.logicalId().equals("Notifications"))
                .findFirst().orElseThrow();
        assertEquals(NotificationHandler.class.getName(), spec.handlerClass());
        assertEquals(1, spec.queues().size());
        assertEquals("NotificationsQueue", spec.queues().getFirst().queue());
        assertTrue(spec.queues().getFirst().reportsBatchItemFailures());
        assertTrue(spec.environment().keySet().containsAll(Set.of("SERVICE_NAME", "SETTINGS_TABLE", "GUARDS_TABLE", "SMS_PROVIDER_URL",
                "SMS_USERNAME", "SMS_API_KEY", "SMS_SENDER_ID")), spec.environment().keySet().toString());
        assertEquals(Set.of(), spec.environment().keySet().stream().filter(name -> name.endsWith("_TABLE")
                && !Set.of("SETTINGS_TABLE", "GUARDS_TABLE").contains(name)).collect(java.util.stream.Collectors.toSet()), "no other table");
    }
}
