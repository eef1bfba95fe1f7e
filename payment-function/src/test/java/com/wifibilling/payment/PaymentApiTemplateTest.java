package com.wifibilling.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** template.yaml is the single source of truth: the handler serves exactly the routes it is given there. */
class PaymentApiTemplateTest {
    private static final SamTemplate.FunctionSpec SPEC = SamTemplate.load(RepoPaths.template()).functions().stream()
            .filter(f -> f.logicalId().equals("PaymentApi")).findFirst().orElseThrow();

    @Test
    void templateNamesThisHandlerClass() {
        assertEquals(PaymentApiHandler.class.getName(), SPEC.handlerClass());
        assertEquals("handleRequest", SPEC.handlerMethod());
    }

    @Test
    void codeRoutesAreTheTemplateRoutes() {
        Set<String> declared = SPEC.routes().stream().filter(r -> !r.isDefault())
                .map(SamTemplate.HttpRoute::routeKey).collect(Collectors.toSet());
        assertEquals(declared, PaymentRoutes.router(null, null, null, null, null, null, null).routeKeys());
    }
}
