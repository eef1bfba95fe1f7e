package com.wifibilling.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweeperTemplateTest {
    private static final SamTemplate.FunctionSpec SPEC = SamTemplate.load(RepoPaths.template()).functions().stream()
            .filter(f -> f.logicalId().equals("Sweeper")).findFirst().orElseThrow();

    @Test
    void templateNamesThisHandlerAndRunsItEveryMinuteWithinASixtySecondTimeout() {
        assertEquals(SweeperHandler.class.getName(), SPEC.handlerClass());
        assertEquals(List.of(new SamTemplate.ScheduleSource("rate(1 minute)")), SPEC.schedules());
        assertEquals(60, SPEC.timeoutSeconds());
        assertTrue(SPEC.routes().isEmpty() && SPEC.queues().isEmpty(), "only its schedule invokes it");
    }
}
