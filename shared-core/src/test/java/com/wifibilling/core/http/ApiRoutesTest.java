package com.wifibilling.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {
    @Test
    void catalogueEqualsEveryRouteTemplateYamlDeclares() {
        Set<String> declared = SamTemplate.load(RepoPaths.template()).functions().stream()
                .flatMap(f -> f.routes().stream()).filter(r -> !r.isDefault())
                .map(SamTemplate.HttpRoute::routeKey).collect(Collectors.toSet());
        assertEquals(declared, ApiRoutes.ALL);
    }

    @Test
    void exactlyOneFunctionTakesTheDefaultRoute() {
        long defaults = SamTemplate.load(RepoPaths.template()).functions().stream()
                .flatMap(f -> f.routes().stream()).filter(SamTemplate.HttpRoute::isDefault).count();
        assertEquals(1, defaults);
    }
}
