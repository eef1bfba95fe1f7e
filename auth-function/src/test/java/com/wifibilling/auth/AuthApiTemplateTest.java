package com.wifibilling.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.http.ApiRoutes;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** template.yaml is the single source of truth: the handler serves exactly the routes it is given there. */
class AuthApiTemplateTest {
    private static final SamTemplate.FunctionSpec SPEC = SamTemplate.load(RepoPaths.template()).functions().stream()
            .filter(f -> f.logicalId().equals("AuthApi")).findFirst().orElseThrow();

    @Test
    void templateNamesThisHandlerClass() {
        assertEquals(AuthApiHandler.class.getName(), SPEC.handlerClass());
        assertEquals("handleRequest", SPEC.handlerMethod());
    }

    @Test
    void codeRoutesAreTheTemplateRoutes() {
        Set<String> declared = SPEC.routes().stream().filter(r -> !r.isDefault())
                .map(SamTemplate.HttpRoute::routeKey).collect(Collectors.toSet());
        assertEquals(Set.of("POST /api/auth/login", "POST /api/auth/validate", "POST /api/auth/voucher", "GET /api/auth/status",
                "POST /api/auth/logout", "POST /api/auth/relogin", "POST /api/radius/authorize", "POST /api/radius/accounting"), declared);
        var portal = new AuthRoutes.Portal(null, null, null, new Authorizer(null), null);
        assertEquals(declared, AuthRoutes.router(null, null, null, portal, null).routeKeys());
        assertTrue(ApiRoutes.ALL.containsAll(declared), "the $default route knows them too");
    }

    @Test
    void templateGivesTheFunctionEverythingItsConfigReads() {
        assertTrue(SPEC.environment().keySet().containsAll(
                Set.of("SERVICE_NAME", "USERS_TABLE", "GUARDS_TABLE", "JWT_SECRET", "LOGIN_IP_LIMIT_PER_MINUTE", "RADIUS_API_TOKEN", "GATEWAYS_TABLE")),
                SPEC.environment().keySet().toString());
    }
}
