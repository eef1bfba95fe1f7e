package com.wifibilling.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate.FunctionSpec;
import com.wifibilling.core.config.SamTemplate.QueueSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a production deployment of template.yaml needs, checked without AWS: observable functions, recoverable and
 * encrypted tables, SQS consumers that cannot lose a failed message, and IAM policies that grant each function the
 * tables and queues its environment names (TemplateFunctionsTest proves that is what its code reads) and nothing else.
 */
class TemplateProductionTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoPaths.template());
    private static final Map<String, String> TYPES = TEMPLATE.resourceTypes();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z]+)?}");
    /** DESIGN §4: the tables whose items carry a {@code ttl} for cleanup. */
    private static final Set<String> TTL_TABLES = Set.of("GatewayOutboxTable", "GuardsTable", "EventsTable");

    private static Map<String, Object> map(Object o) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
        return m;
    }

    private static Map<String, Object> resource(String id) {
        return map(map(TEMPLATE.document().get("Resources")).get(id));
    }

    @Test
    void everyFunctionIsTracedAndLogsJson() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> globals = map(map(TEMPLATE.document().get("Globals")).get("Function"));
        for (FunctionSpec f : TEMPLATE.functions()) {
            Map<String, Object> p = map(resource(f.logicalId()).get("Properties"));
            Object tracing = p.getOrDefault("Tracing", globals.get("Tracing"));
            if (!"Active".equals(tracing)) problems.add(f.logicalId() + ": Tracing is " + tracing + ", not Active (X-Ray)");
            Object format = map(p.getOrDefault("LoggingConfig", globals.get("LoggingConfig"))).get("LogFormat");
            if (!"JSON".equals(format)) problems.add(f.logicalId() + ": LoggingConfig.LogFormat is " + format + ", not JSON (DESIGN §8)");
        }
        assertEquals(List.of(), problems);
    }

    /** Tables whose items are the business's records; the rest (Logins, GatewayOutbox, Guards) are rebuilt or expire. */
    private static final Set<String> RECORD_TABLES = Set.of("UsersTable", "PackagesTable", "TransactionsTable", "SessionsTable",
            "VouchersTable", "GatewaysTable", "StatsTable", "EventsTable", "SettingsTable");

    @Test
    void recordTablesSurviveTheStackAndProductionOnesRefuseDeletion() {
        List<String> problems = new ArrayList<>();
        for (String id : RECORD_TABLES) {
            Map<String, Object> r = resource(id);
            if (!"AWS::DynamoDB::Table".equals(TYPES.get(id))) problems.add(id + ": not a table in template.yaml");
            if (!"Retain".equals(r.get("DeletionPolicy")) || !"Retain".equals(r.get("UpdateReplacePolicy")))
                problems.add(id + ": DeletionPolicy and UpdateReplacePolicy must be Retain (a stack delete or replacement must not drop sales)");
            Object protection = map(r.get("Properties")).get("DeletionProtectionEnabled");
            if (!List.of("IsProd", true, false).equals(map(protection).get("Fn::If")))
                problems.add(id + ": DeletionProtectionEnabled must be !If [IsProd, true, false], is " + protection);
        }
        assertEquals(List.of(), problems);
        assertEquals(Map.of("Fn::Equals", List.of(new SamTemplate.Ref("Stage"), "prod")), map(map(TEMPLATE.document().get("Conditions")).get("IsProd")));
    }

    @Test
    void everyDeadLetterQueueAndTheMoneyPathHaveAnAlarmThatNotifiesTheOperator() {
        Map<String, Object> resources = map(TEMPLATE.document().get("Resources"));
        List<String> problems = new ArrayList<>();
        Set<String> watchedQueues = new TreeSet<>();
        for (var entry : resources.entrySet()) {
            if (!"AWS::CloudWatch::Alarm".equals(TYPES.get(entry.getKey()))) continue;
            Map<String, Object> p = map(map(entry.getValue()).get("Properties"));
            if (!List.of(new SamTemplate.Ref("AlertsTopic")).equals(p.get("AlarmActions")))
                problems.add(entry.getKey() + ": AlarmActions must be [!Ref AlertsTopic]");
            for (Object d : p.get("Dimensions") instanceof List<?> l ? l : List.of()) {
                if ("QueueName".equals(map(d).get("Name")) && map(d).get("Value") instanceof SamTemplate.GetAtt g) watchedQueues.add(g.resource());
            }
        }
        Set<String> deadLetterQueues = new TreeSet<>();
        resources.keySet().stream().filter(id -> "AWS::SQS::Queue".equals(TYPES.get(id)) && id.endsWith("Dlq")).forEach(deadLetterQueues::add);
        assertEquals(deadLetterQueues, watchedQueues, "every dead-letter queue has a not-empty alarm");
        for (String alarm : List.of("PaymentFailureRateAlarm", "CallbacksStoppedAlarm", "CallbackLatencyAlarm", "CoaFailureRateAlarm",
                "Api5xxRateAlarm", "ThrottlesAlarm")) {
            if (!"AWS::CloudWatch::Alarm".equals(TYPES.get(alarm))) problems.add(alarm + ": missing (the AWS issue's alarm list)");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyFunctionResumesFromASnapStartSnapshotBehindAnAlias() {
        Map<String, Object> globals = map(map(TEMPLATE.document().get("Globals")).get("Function"));
        assertEquals("live", globals.get("AutoPublishAlias"), "SnapStart works on published versions: SAM publishes one behind this alias");
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), globals.get("SnapStart"));
        for (FunctionSpec f : TEMPLATE.functions()) {
            Map<String, Object> p = map(resource(f.logicalId()).get("Properties"));
            assertEquals(List.of(), List.of(p.keySet().stream().filter(k -> k.equals("SnapStart") || k.equals("AutoPublishAlias")
                    || k.equals("ProvisionedConcurrencyConfig")).toArray()), f.logicalId() + " keeps the Globals' SnapStart (no override, "
                    + "no provisioned concurrency, which SnapStart excludes)");
        }
    }

    @Test
    void everyFunctionsLogsAreKeptForTheRetentionParameter() {
        Map<String, Object> resources = map(TEMPLATE.document().get("Resources"));
        Set<String> covered = new TreeSet<>();
        for (var entry : resources.entrySet()) {
            if (!"AWS::Logs::LogGroup".equals(TYPES.get(entry.getKey()))) continue;
            Map<String, Object> p = map(map(entry.getValue()).get("Properties"));
            assertEquals(new SamTemplate.Ref("LogRetentionDays"), p.get("RetentionInDays"), entry.getKey());
            Matcher m = PLACEHOLDER.matcher(String.valueOf(p.get("LogGroupName")));
            if (String.valueOf(p.get("LogGroupName")).contains("/aws/lambda/") && m.find()) covered.add(m.group(1));
        }
        Set<String> functions = new TreeSet<>();
        TEMPLATE.functions().forEach(f -> functions.add(f.logicalId()));
        assertEquals(functions, covered, "each function's /aws/lambda/<name> group is declared with a retention");
    }

    @Test
    void theDashboardIsValidJsonAndShowsTheBusinessMetrics() throws Exception {
        Object body = map(resource("OperationsDashboard").get("Properties")).get("DashboardBody");
        String text = body instanceof SamTemplate.Sub sub ? sub.text() : String.valueOf(body);
        var dashboard = com.wifibilling.core.http.Json.MAPPER.readTree(text.replaceAll("\\$\\{[^}]+}", "x"));
        String all = dashboard.toString();
        for (String metric : List.of("Revenue", "PaymentCompleted", "PaymentFailed", "CallbackLatencyMs", "PayToOnlineMs", "CoaFailed", "SmsFailed",
                "SuspiciousCallback", "ApproximateNumberOfMessagesVisible", "5xx"))
            assertEquals(true, all.contains(metric), "the dashboard shows " + metric);
        assertEquals(9, dashboard.get("widgets").size());
    }

    @Test
    void theHttpApiIsThrottledBeforeAnyFunctionRuns() {
        Map<String, Object> route = map(map(resource("Api").get("Properties")).get("DefaultRouteSettings"));
        assertEquals(Map.of("ThrottlingRateLimit", new SamTemplate.Ref("ApiThrottleRatePerSecond"), "ThrottlingBurstLimit",
                new SamTemplate.Ref("ApiThrottleBurst")),
                route);
    }

    @Test
    void theHttpApiSendsUnknownPathsToAFunction() {
        long defaults = TEMPLATE.functions().stream().flatMap(f -> f.routes().stream()).filter(SamTemplate.HttpRoute::isDefault).count();
        assertEquals(1, defaults, "exactly one function takes the $default route, so unknown paths get the JSON error shape (DESIGN §3)");
    }

    @Test
    void everyTableIsOnDemandEncryptedRecoverableAndExpiresWhereDesignSays() {
        List<String> problems = new ArrayList<>();
        for (SamTemplate.TableSpec table : TEMPLATE.tables()) {
            String id = table.logicalId();
            Map<String, Object> p = map(resource(id).get("Properties"));
            if (!"PAY_PER_REQUEST".equals(p.get("BillingMode"))) problems.add(id + ": BillingMode is not PAY_PER_REQUEST (DESIGN §4)");
            if (!Boolean.TRUE.equals(map(p.get("SSESpecification")).get("SSEEnabled")))
                problems.add(id + ": SSESpecification.SSEEnabled is not true");
            if (!Boolean.TRUE.equals(map(p.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled")))
                problems.add(id + ": PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is not true");
            if (TTL_TABLES.contains(id) && !table.ttlAttribute().equals(java.util.Optional.of("ttl")))
                problems.add(id + ": DESIGN §4 gives its items a ttl, but TimeToLiveSpecification does not enable it on ttl");
            Set<String> keyed = new TreeSet<>();
            keyed.add(table.key().partitionKey());
            table.key().sortKey().ifPresent(keyed::add);
            table.indexes().forEach(i -> {
                keyed.add(i.key().partitionKey());
                i.key().sortKey().ifPresent(keyed::add);
            });
            if (!keyed.equals(table.attributeTypes().keySet()))
                problems.add(id + ": AttributeDefinitions " + new TreeSet<>(table.attributeTypes().keySet())
                        + " must be exactly the key attributes of the table and its indexes " + keyed);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void sqsConsumersReportFailuresPerMessageAndTheirQueuesRedriveToADeadLetterQueue() {
        Map<String, QueueSpec> queues = new java.util.LinkedHashMap<>();
        TEMPLATE.queues().forEach(q -> queues.put(q.logicalId(), q));
        Set<String> deadLetterQueues = new TreeSet<>();
        TEMPLATE.queues().forEach(q -> q.deadLetterQueue().ifPresent(deadLetterQueues::add));
        List<String> problems = new ArrayList<>();
        for (FunctionSpec f : TEMPLATE.functions()) {
            for (SamTemplate.SqsSource source : f.queues()) {
                String where = f.logicalId() + " on " + source.queue();
                if (!source.reportsBatchItemFailures())
                    problems.add(where + ": no FunctionResponseTypes: [ReportBatchItemFailures], so one failure redelivers the whole batch (STYLE §10)");
                QueueSpec queue = queues.get(source.queue());
                if (queue == null) {
                    problems.add(where + ": the event source is not an AWS::SQS::Queue of this template");
                    continue;
                }
                if (queue.deadLetterQueue().isEmpty() || queue.maxReceiveCount() < 1)
                    problems.add(where + ": the queue has no RedrivePolicy to a dead-letter queue");
                if (queue.visibilityTimeoutSeconds() < 6 * f.timeoutSeconds())
                    problems.add(where + ": VisibilityTimeout " + queue.visibilityTimeoutSeconds() + " s is under 6 x the function's Timeout "
                            + f.timeoutSeconds() + " s (AWS guidance)");
            }
        }
        for (QueueSpec queue : TEMPLATE.queues()) {
            Map<String, Object> p = map(resource(queue.logicalId()).get("Properties"));
            if (!Boolean.TRUE.equals(p.get("SqsManagedSseEnabled")) && p.get("KmsMasterKeyId") == null)
                problems.add(queue.logicalId() + ": not encrypted (SqsManagedSseEnabled or KmsMasterKeyId)");
            if (deadLetterQueues.contains(queue.logicalId())) {
                if (queue.deadLetterQueue().isPresent()) problems.add(queue.logicalId() + ": a dead-letter queue must not redrive further");
                if (!Integer.valueOf(1209600).equals(p.get("MessageRetentionPeriod")))
                    problems.add(queue.logicalId() + ": a dead-letter queue keeps messages the maximum 14 days (MessageRetentionPeriod 1209600)");
            } else if (queue.deadLetterQueue().isEmpty()) {
                problems.add(queue.logicalId() + ": has no RedrivePolicy to a dead-letter queue");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void policiesGrantExactlyTheTablesAndQueuesEachFunctionsEnvironmentNames() {
        List<String> problems = new ArrayList<>();
        for (FunctionSpec f : TEMPLATE.functions()) {
            Set<String> named = new TreeSet<>();
            f.environment().values().forEach(v -> dataResources(v, named::add));
            Set<String> granted = new TreeSet<>();
            Object policies = map(resource(f.logicalId()).get("Properties")).get("Policies");
            dataResources(policies, granted::add);
            wildcards(policies, f.logicalId(), problems);
            Set<String> consumed = new TreeSet<>();
            f.queues().forEach(q -> consumed.add(q.queue())); // SAM grants the event source's receive/delete itself

            Set<String> missing = new TreeSet<>(named);
            missing.removeAll(granted);
            missing.removeAll(consumed);
            if (!missing.isEmpty()) problems.add(f.logicalId() + ": its environment names " + missing + " but its Policies grant nothing on them");
            Set<String> extra = new TreeSet<>(granted);
            extra.removeAll(named);
            if (!extra.isEmpty()) problems.add(f.logicalId() + ": its Policies grant " + extra + ", which its environment never names (least privilege)");
        }
        assertEquals(List.of(), problems);
    }

    /** Reports every table or queue of this template that {@code node} refers to (Ref, GetAtt, or ${X} in a Sub). */
    private static void dataResources(Object node, Consumer<String> found) {
        switch (node) {
            case SamTemplate.Ref ref -> accept(ref.name(), found);
            case SamTemplate.GetAtt att -> accept(att.resource(), found);
            case SamTemplate.Sub sub -> {
                Matcher m = PLACEHOLDER.matcher(sub.text());
                while (m.find()) accept(m.group(1), found);
                sub.variables().values().forEach(v -> dataResources(v, found));
            }
            case SamTemplate.Join join -> join.parts().forEach(p -> dataResources(p, found));
            case Map<?, ?> m -> m.values().forEach(v -> dataResources(v, found));
            case List<?> l -> l.forEach(v -> dataResources(v, found));
            case null, default -> { }
        }
    }

    private static void accept(String id, Consumer<String> found) {
        String type = TYPES.get(id);
        if ("AWS::DynamoDB::Table".equals(type) || "AWS::SQS::Queue".equals(type)) found.accept(id);
    }

    /** A statement on Resource "*" grants every table and queue in the account. */
    private static void wildcards(Object node, String function, List<String> problems) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("Resource".equals(k) && ("*".equals(v) || (v instanceof List<?> l && l.contains("*"))))
                    problems.add(function + ": a policy statement has Resource \"*\"");
                wildcards(v, function, problems);
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> wildcards(v, function, problems));
        }
    }
}
