package com.wifibilling.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SamTemplateTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoPaths.template());

    private static final SamTemplate.Bindings LOCAL = new SamTemplate.Bindings() {
        @Override
        public String ref(String name) {
            return Map.of("AWS::StackName", "local", "Stage", "dev", "PackagesTable", "local-Packages").get(name);
        }
        @Override
        public String getAtt(String resource, String attribute) {
            return "arn:aws:sqs:af-south-1:000000000000:" + resource;
        }
    };

    @Test
    void everyTableOfTheDataModelIsDeclared() {
        Set<String> tables = TEMPLATE.tables().stream().map(SamTemplate.TableSpec::logicalId).collect(Collectors.toSet());
        assertEquals(Set.of("UsersTable", "PackagesTable", "TransactionsTable", "SessionsTable", "LoginsTable",
                "VouchersTable", "GatewaysTable", "GatewayOutboxTable", "GuardsTable", "StatsTable", "EventsTable",
                "SettingsTable"), tables);
    }

    @Test
    void transactionsHaveTheirSparseIndexes() {
        var transactions = TEMPLATE.tables().stream().filter(t -> t.logicalId().equals("TransactionsTable")).findFirst().orElseThrow();
        var pending = transactions.indexes().stream().filter(i -> i.name().equals("pending-index")).findFirst().orElseThrow();
        assertEquals(new SamTemplate.KeySchema("pendingShard", Optional.of("createdAt")), pending.key());
        assertEquals("S", transactions.attributeTypes().get("grantShard"));
    }

    @Test
    void functionEnvironmentMergesGlobalsAndResolvesReferences() {
        var api = TEMPLATE.functions().stream().filter(f -> f.logicalId().equals("PaymentApi")).findFirst().orElseThrow();
        assertEquals("com.wifibilling.payment.PaymentApiHandler", api.handlerClass());
        assertEquals("local-Packages", SamTemplate.resolve(api.environment().get("PACKAGES_TABLE"), LOCAL));
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
                SamTemplate.resolve(api.environment().get("JAVA_TOOL_OPTIONS"), LOCAL)); // from Globals
        assertTrue(api.routes().stream().anyMatch(SamTemplate.HttpRoute::isDefault), "PaymentApi takes the $default route");
    }

    @Test
    void everyQueueHasADeadLetterQueue() {
        var queues = TEMPLATE.queues();
        var names = queues.stream().map(SamTemplate.QueueSpec::logicalId).collect(Collectors.toSet());
        for (var queue : queues) {
            if (queue.logicalId().endsWith("Dlq")) continue;
            assertTrue(queue.deadLetterQueue().isPresent(), queue.logicalId() + " has no DLQ");
            assertTrue(names.contains(queue.deadLetterQueue().get()));
            assertTrue(queue.maxReceiveCount() > 0);
        }
        assertEquals("local-payment-callbacks", SamTemplate.resolve(
                queues.stream().filter(q -> q.logicalId().equals("PaymentCallbacksQueue")).findFirst().orElseThrow().queueName(), LOCAL));
    }

    @Test
    void subKeepsEscapedLiteralsAndReadsAttributes() {
        var sub = new SamTemplate.Sub("${!Literal}-${AWS::StackName}-${Queue.Arn}", Map.of());
        assertEquals("${Literal}-local-arn:aws:sqs:af-south-1:000000000000:Queue", SamTemplate.resolve(sub, LOCAL));
    }
}
