package com.wifibilling.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PaymentCallbackTemplateTest {
    private static final SamTemplate.FunctionSpec SPEC = SamTemplate.load(RepoPaths.template()).functions().stream()
            .filter(f -> f.logicalId().equals("PaymentCallback")).findFirst().orElseThrow();

    @Test
    void templateNamesThisHandlerAndItsOneRoute() {
        assertEquals(PaymentCallbackHandler.class.getName(), SPEC.handlerClass());
        Set<String> declared = SPEC.routes().stream().map(SamTemplate.HttpRoute::routeKey).collect(Collectors.toSet());
        assertEquals(declared, CallbackWiring.router(null).routeKeys());
    }
}
