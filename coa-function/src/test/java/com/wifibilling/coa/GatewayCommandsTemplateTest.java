package com.wifibilling.coa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml wires GatewayCommands to this handler on gateway-commands, with partial batch failures and its tables. */
class GatewayCommandsTemplateTest {
    @Test
    void theFunctionConsumesGatewayCommandsWithPartialBatchFailures() {
        var spec = SamTemplate.load(RepoPaths.template()).functions().stream().filter(f -> f.logicalId().equals("GatewayCommands"))
                .findFirst().orElseThrow();
        assertEquals(GatewayCommandHandler.class.getName(), spec.handlerClass());
        assertEquals(1, spec.queues().size());
        assertEquals("GatewayCommandsQueue", spec.queues().getFirst().queue());
        assertTrue(spec.queues().getFirst().reportsBatchItemFailures());
        assertTrue(spec.environment().keySet().containsAll(Set.of("SESSIONS_TABLE", "GATEWAYS_TABLE", "GATEWAY_OUTBOX_TABLE")));
    }
}
