package com.wifibilling.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.http.ApiRoutes;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** template.yaml is the single source of truth: AdminApi serves exactly its routes; the batch worker eats its queue. */
class AdminTemplateTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoPaths.template());

    private static SamTemplate.FunctionSpec function(String logicalId) {
        return TEMPLATE.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    @Test
    void adminApiRoutesAreTheTemplateRoutes() {
        var spec = function("AdminApi");
        assertEquals(AdminHandler.class.getName(), spec.handlerClass());
        Set<String> declared = spec.routes().stream().filter(r -> !r.isDefault()).map(SamTemplate.HttpRoute::routeKey)
                .collect(Collectors.toSet());
        assertEquals(declared, AdminRoutes.router(new Authorizer(null), null, null, null, null, null,
                new AdminRoutes.Views(null, null, null, null, null, null), new AdminRoutes.Actions(null, null, null, null, null)).routeKeys());
        assertTrue(ApiRoutes.ALL.containsAll(declared), "the $default route knows them too");
        assertTrue(spec.environment().keySet().containsAll(Set.of("JWT_SECRET", "VOUCHERS_TABLE", "PACKAGES_TABLE", "STATS_TABLE",
                "VOUCHER_BATCHES_QUEUE_URL")));
    }

    @Test
    void theBatchWorkerTakesOneBatchAtATimeAndReportsFailuresOneByOne() {
        var spec = function("VoucherBatches");
        assertEquals(VoucherBatchHandler.class.getName(), spec.handlerClass());
        assertEquals(1, spec.queues().size());
        var queue = spec.queues().getFirst();
        assertEquals(1, queue.batchSize());
        assertTrue(queue.reportsBatchItemFailures());
    }
}
