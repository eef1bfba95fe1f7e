package com.wifibilling.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * template.yaml is deployable as CloudFormation would see it, checked without AWS and without cfn-lint (which CI
 * cannot install: it comes from PyPI only): every reference names something that exists, every resource type and
 * property name is one CloudFormation or SAM knows, every parameter is used and its default is allowed. The
 * property lists below are the documented ones for the types this stack uses; a new type or property is added here
 * after checking it against the CloudFormation / SAM reference (and, where PyPI is reachable, {@code cfn-lint}).
 */
class TemplateStructureTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoPaths.template());
    private static final Map<String, Object> DOC = TEMPLATE.document();

    private static final Set<String> TOP_LEVEL = Set.of("AWSTemplateFormatVersion", "Transform", "Description", "Metadata",
            "Parameters", "Mappings", "Conditions", "Globals", "Resources", "Outputs", "Rules");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("Type", "Properties", "DependsOn", "Condition",
            "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy");

    /** Resource type → its documented properties. */
    private static final Map<String, Set<String>> PROPERTIES = Map.of(
            "AWS::Serverless::Function", Set.of("Architectures", "AssumeRolePolicyDocument", "AutoPublishAlias",
                    "AutoPublishAliasAllProperties", "AutoPublishCodeSha256", "CodeSigningConfigArn", "CodeUri", "DeadLetterQueue",
                    "DeploymentPreference", "Description", "Environment", "EphemeralStorage", "EventInvokeConfig", "Events",
                    "FileSystemConfigs", "FunctionName", "FunctionUrlConfig", "Handler", "ImageConfig", "ImageUri", "InlineCode",
                    "KmsKeyArn", "Layers", "LoggingConfig", "MemorySize", "PackageType", "PermissionsBoundary", "Policies",
                    "PropagateTags", "ProvisionedConcurrencyConfig", "RecursiveLoop", "ReservedConcurrentExecutions", "Role",
                    "RolePath", "Runtime", "RuntimeManagementConfig", "SnapStart", "SourceKMSKeyArn", "Tags", "Timeout",
                    "Tracing", "VersionDescription", "VpcConfig"),
            "AWS::Serverless::HttpApi", Set.of("AccessLogSettings", "Auth", "CorsConfiguration", "DefaultRouteSettings",
                    "DefinitionBody", "DefinitionUri", "Description", "DisableExecuteApiEndpoint", "Domain", "FailOnWarnings",
                    "Name", "PropagateTags", "RouteSettings", "StageName", "StageVariables", "Tags"),
            "AWS::DynamoDB::Table", Set.of("AttributeDefinitions", "BillingMode", "ContributorInsightsSpecification",
                    "DeletionProtectionEnabled", "GlobalSecondaryIndexes", "ImportSourceSpecification", "KeySchema",
                    "KinesisStreamSpecification", "LocalSecondaryIndexes", "OnDemandThroughput", "PointInTimeRecoverySpecification",
                    "ProvisionedThroughput", "ResourcePolicy", "SSESpecification", "StreamSpecification", "TableClass", "TableName",
                    "Tags", "TimeToLiveSpecification", "WarmThroughput"),
            "AWS::SQS::Queue", Set.of("ContentBasedDeduplication", "DeduplicationScope", "DelaySeconds", "FifoQueue",
                    "FifoThroughputLimit", "KmsDataKeyReusePeriodSeconds", "KmsMasterKeyId", "MaximumMessageSize",
                    "MessageRetentionPeriod", "QueueName", "ReceiveMessageWaitTimeSeconds", "RedriveAllowPolicy", "RedrivePolicy",
                    "SqsManagedSseEnabled", "Tags", "VisibilityTimeout"),
            "AWS::CloudWatch::Dashboard", Set.of("DashboardBody", "DashboardName"),
            "AWS::Logs::LogGroup", Set.of("DataProtectionPolicy", "DeletionProtectionEnabled", "FieldIndexPolicies", "KmsKeyId",
                    "LogGroupClass", "LogGroupName", "ResourcePolicyDocument", "RetentionInDays", "Tags"),
            "AWS::SNS::Topic", Set.of("ArchivePolicy", "ContentBasedDeduplication", "DataProtectionPolicy", "DeliveryStatusLogging",
                    "DisplayName", "FifoThroughputScope", "FifoTopic", "KmsMasterKeyId", "SignatureVersion", "Subscription", "Tags",
                    "TopicName", "TracingConfig"),
            "AWS::SNS::Subscription", Set.of("DeliveryPolicy", "Endpoint", "FilterPolicy", "FilterPolicyScope", "Protocol",
                    "RawMessageDelivery", "RedrivePolicy", "Region", "ReplayPolicy", "SubscriptionRoleArn", "TopicArn"),
            "AWS::CloudWatch::Alarm", Set.of("ActionsEnabled", "AlarmActions", "AlarmDescription", "AlarmName", "ComparisonOperator",
                    "DatapointsToAlarm", "Dimensions", "EvaluateLowSampleCountPercentile", "EvaluationPeriods", "ExtendedStatistic",
                    "InsufficientDataActions", "MetricName", "Metrics", "Namespace", "OKActions", "Period", "Statistic", "Tags",
                    "Threshold", "ThresholdMetricId", "TreatMissingData", "Unit"));

    /** Resource type → the attributes {@code Fn::GetAtt} may read. */
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "AWS::Serverless::Function", Set.of("Arn"),
            "AWS::Serverless::HttpApi", Set.of("ApiEndpoint", "ApiId"),
            "AWS::DynamoDB::Table", Set.of("Arn", "StreamArn"),
            "AWS::SQS::Queue", Set.of("Arn", "QueueName", "QueueUrl"),
            "AWS::SNS::Topic", Set.of("TopicArn", "TopicName"),
            "AWS::Logs::LogGroup", Set.of("Arn"),
            "AWS::SNS::Subscription", Set.of("Arn"),
            "AWS::CloudWatch::Alarm", Set.of("Arn"));

    /** What SAM accepts in {@code Globals.Function} (Policies and Events are per function only). */
    private static final Set<String> GLOBAL_FUNCTION = Set.of("Architectures", "AssumeRolePolicyDocument", "AutoPublishAlias",
            "AutoPublishAliasAllProperties", "CodeSigningConfigArn", "CodeUri", "DeadLetterQueue", "DeploymentPreference",
            "Description", "Environment", "EphemeralStorage", "EventInvokeConfig", "FileSystemConfigs", "FunctionUrlConfig",
            "Handler", "KmsKeyArn", "Layers", "LoggingConfig", "MemorySize", "PermissionsBoundary", "PropagateTags",
            "ProvisionedConcurrencyConfig", "RecursiveLoop", "ReservedConcurrentExecutions", "RolePath", "Runtime",
            "RuntimeManagementConfig", "SnapStart", "SourceKMSKeyArn", "Tags", "Timeout", "Tracing", "VpcConfig");

    /** Function event type → its documented properties. */
    private static final Map<String, Set<String>> EVENT_PROPERTIES = Map.of(
            "HttpApi", Set.of("ApiId", "Auth", "Method", "Path", "PayloadFormatVersion", "RouteSettings", "TimeoutInMillis"),
            "SQS", Set.of("BatchSize", "Enabled", "FilterCriteria", "FunctionResponseTypes", "KmsKeyArn",
                    "MaximumBatchingWindowInSeconds", "MetricsConfig", "Queue", "ScalingConfig"),
            "Schedule", Set.of("DeadLetterConfig", "Description", "Enabled", "Input", "Name", "RetryPolicy", "Schedule", "State"));

    private static final Set<String> PARAMETER_TYPES = Set.of("String", "Number", "List<Number>", "CommaDelimitedList");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? cast(m) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static Map<String, Object> section(String name) {
        return map(DOC.get(name));
    }

    /** A reference found in the template, and where: {@code Resources.PaymentApi.Properties.Environment…}. */
    private record Reference(String kind, String target, String attribute, String where) {}

    private static List<Reference> references() {
        List<Reference> found = new ArrayList<>();
        DOC.forEach((key, value) -> collect(value, key, found));
        return found;
    }

    private static void collect(Object node, String where, List<Reference> found) {
        switch (node) {
            case SamTemplate.Ref ref -> found.add(new Reference("Ref", ref.name(), null, where));
            case SamTemplate.GetAtt att -> found.add(new Reference("GetAtt", att.resource(), att.attribute(), where));
            case SamTemplate.Sub sub -> {
                Matcher m = PLACEHOLDER.matcher(sub.text());
                while (m.find()) {
                    String name = m.group(1);
                    if (name.startsWith("!") || sub.variables().containsKey(name)) continue;
                    int dot = name.indexOf('.');
                    if (dot > 0 && !name.startsWith("AWS::"))
                        found.add(new Reference("GetAtt", name.substring(0, dot), name.substring(dot + 1), where + " (!Sub)"));
                    else found.add(new Reference("Ref", name, null, where + " (!Sub)"));
                }
                sub.variables().forEach((k, v) -> collect(v, where + "." + k, found));
            }
            case SamTemplate.Join join -> join.parts().forEach(p -> collect(p, where, found));
            case Map<?, ?> m -> m.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (key.equals("Fn::If") && v instanceof List<?> args && !args.isEmpty())
                    found.add(new Reference("Condition", String.valueOf(args.getFirst()), null, where));
                if (key.equals("Condition") && v instanceof String name && !where.startsWith("Conditions"))
                    found.add(new Reference("Condition", name, null, where));
                if (key.equals("Fn::FindInMap") && v instanceof List<?> args && !args.isEmpty())
                    found.add(new Reference("Mapping", String.valueOf(args.getFirst()), null, where));
                collect(v, where + "." + key, found);
            });
            case List<?> items -> {
                for (int i = 0; i < items.size(); i++) collect(items.get(i), where + "[" + i + "]", found);
            }
            case null, default -> { }
        }
    }

    @Test
    void onlyKnownTopLevelSectionsAndAServerlessTransform() {
        Set<String> unknown = new TreeSet<>(DOC.keySet());
        unknown.removeAll(TOP_LEVEL);
        assertEquals(Set.of(), unknown, "template.yaml has sections CloudFormation does not know");
        assertEquals("2010-09-09", String.valueOf(DOC.get("AWSTemplateFormatVersion")));
        assertEquals("AWS::Serverless-2016-10-31", String.valueOf(DOC.get("Transform")), "SAM resources need the SAM transform");
    }

    @Test
    void everyReferenceNamesAParameterAResourceOrAPseudoParameter() {
        Map<String, String> types = TEMPLATE.resourceTypes();
        Set<String> parameters = section("Parameters").keySet();
        List<String> broken = new ArrayList<>();
        for (Reference r : references()) {
            switch (r.kind()) {
                case "Ref" -> {
                    if (!parameters.contains(r.target()) && !types.containsKey(r.target()) && !PSEUDO_PARAMETERS.contains(r.target()))
                        broken.add(r.where() + ": Ref " + r.target() + " is neither a parameter, a resource nor a pseudo parameter");
                }
                case "GetAtt" -> {
                    String type = types.get(r.target());
                    if (type == null) broken.add(r.where() + ": GetAtt " + r.target() + "." + r.attribute() + " names no resource");
                    else if (!ATTRIBUTES.getOrDefault(type, Set.of()).contains(r.attribute()))
                        broken.add(r.where() + ": GetAtt " + r.target() + "." + r.attribute() + " - a " + type + " has no attribute "
                                + r.attribute() + " (known: " + ATTRIBUTES.getOrDefault(type, Set.of()) + ")");
                }
                case "Condition" -> {
                    if (!section("Conditions").containsKey(r.target()))
                        broken.add(r.where() + ": condition " + r.target() + " is not declared under Conditions");
                }
                case "Mapping" -> {
                    if (!section("Mappings").containsKey(r.target()))
                        broken.add(r.where() + ": mapping " + r.target() + " is not declared under Mappings");
                }
                default -> throw new IllegalStateException(r.kind());
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyParameterIsUsedAndItsDefaultIsAllowed() {
        Set<String> referenced = new TreeSet<>();
        references().stream().filter(r -> r.kind().equals("Ref")).forEach(r -> referenced.add(r.target()));
        List<String> problems = new ArrayList<>();
        section("Parameters").forEach((name, body) -> {
            Map<String, Object> p = map(body);
            if (!referenced.contains(name)) problems.add("parameter " + name + " is never used (Ref or ${" + name + "})");
            String type = String.valueOf(p.get("Type"));
            if (!PARAMETER_TYPES.contains(type)) problems.add("parameter " + name + " has type " + type + ", not one of " + PARAMETER_TYPES);
            if (p.get("Description") == null) problems.add("parameter " + name + " has no Description");
            Object value = p.get("Default");
            if (value == null) return;
            if (p.get("AllowedValues") instanceof List<?> allowed && !allowed.stream().map(String::valueOf).toList().contains(String.valueOf(value)))
                problems.add("parameter " + name + " defaults to " + value + ", which its AllowedValues " + allowed + " refuse");
            if (type.equals("Number")) {
                double number = Double.parseDouble(String.valueOf(value));
                if (p.get("MinValue") instanceof Number min && number < min.doubleValue())
                    problems.add("parameter " + name + " defaults to " + value + ", below its MinValue " + min);
                if (p.get("MaxValue") instanceof Number max && number > max.doubleValue())
                    problems.add("parameter " + name + " defaults to " + value + ", above its MaxValue " + max);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyResourceHasAKnownTypeAndOnlyThatTypesProperties() {
        List<String> problems = new ArrayList<>();
        section("Resources").forEach((id, body) -> {
            Map<String, Object> resource = map(body);
            Set<String> attributes = new TreeSet<>(resource.keySet());
            attributes.removeAll(RESOURCE_ATTRIBUTES);
            if (!attributes.isEmpty()) problems.add(id + ": unknown resource attributes " + attributes);
            String type = String.valueOf(resource.get("Type"));
            Set<String> known = PROPERTIES.get(type);
            if (known == null) {
                problems.add(id + ": type " + type + " is not one this test knows; add its documented properties to PROPERTIES");
                return;
            }
            Set<String> unknown = new TreeSet<>(map(resource.get("Properties")).keySet());
            unknown.removeAll(known);
            if (!unknown.isEmpty()) problems.add(id + ": a " + type + " has no properties " + unknown);
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void functionEventsAndGlobalsUseOnlyDocumentedProperties() {
        List<String> problems = new ArrayList<>();
        Set<String> globals = new TreeSet<>(map(section("Globals").get("Function")).keySet());
        globals.removeAll(GLOBAL_FUNCTION);
        if (!globals.isEmpty()) problems.add("Globals.Function may not set " + globals);
        section("Resources").forEach((id, body) -> {
            Map<String, Object> properties = map(map(body).get("Properties"));
            map(properties.get("Events")).forEach((name, eventBody) -> {
                Map<String, Object> event = map(eventBody);
                Set<String> known = EVENT_PROPERTIES.get(String.valueOf(event.get("Type")));
                if (known == null) {
                    problems.add(id + ".Events." + name + ": event type " + event.get("Type") + " is not one this test knows");
                    return;
                }
                Set<String> unknown = new TreeSet<>(map(event.get("Properties")).keySet());
                unknown.removeAll(known);
                if (!unknown.isEmpty()) problems.add(id + ".Events." + name + ": a " + event.get("Type") + " event has no properties " + unknown);
            });
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyOutputHasAValueAndEveryResourceIdIsValid() {
        List<String> problems = new ArrayList<>();
        section("Outputs").forEach((name, body) -> {
            if (map(body).get("Value") == null) problems.add("output " + name + " has no Value");
        });
        Pattern logicalId = Pattern.compile("[A-Za-z0-9]{1,255}");
        for (String section : List.of("Parameters", "Resources", "Outputs", "Conditions")) {
            section(section).keySet().stream().filter(id -> !logicalId.matcher(id).matches())
                    .forEach(id -> problems.add(section + "." + id + " is not alphanumeric, as CloudFormation logical ids must be"));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
