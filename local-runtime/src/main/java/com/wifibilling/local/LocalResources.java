package com.wifibilling.local;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack's answers to {@code !Ref} and {@code !GetAtt} (and so to {@code !Sub}): stack name
 * {@code local}, region {@code af-south-1}, account {@code 000000000000}. Tables become {@code local-Users} …,
 * queues {@code local-payment-callbacks} …, parameters their defaults unless overridden, and a queue's
 * {@code !Ref} its ElasticMQ URL once the queues exist ({@link #withQueueUrls}). Anything else the template
 * refers to fails start-up, naming it, rather than resolving to something that only looks right.
 */
public final class LocalResources implements SamTemplate.Bindings {
    public static final String STACK_NAME = "local";
    public static final String REGION = "af-south-1";
    public static final String ACCOUNT_ID = "000000000000";
    /** The HTTP API's id in events ({@code requestContext.apiId}) and in {@code !Ref Api}. */
    public static final String API_ID = "local";

    private final SamTemplate template;
    private final Map<String, String> resourceTypes;
    private final Map<String, String> parameters;
    private final Map<String, String> tableNames = new LinkedHashMap<>();
    private final Map<String, String> queueNames = new LinkedHashMap<>();
    private final Map<String, String> queueUrls;

    private LocalResources(SamTemplate template, Map<String, String> parameters, Map<String, String> queueUrls) {
        this.template = template;
        this.resourceTypes = template.resourceTypes();
        this.parameters = Map.copyOf(parameters);
        this.queueUrls = Map.copyOf(queueUrls);
        // Names first: CloudFormation names a resource without an explicit name after the stack and its id.
        for (SamTemplate.TableSpec table : template.tables())
            tableNames.put(table.logicalId(), name(table.tableName(), table.logicalId()));
        for (SamTemplate.QueueSpec queue : template.queues())
            queueNames.put(queue.logicalId(), name(queue.queueName(), queue.logicalId()));
    }

    /** Returns the bindings with each parameter's default, replaced by {@code overrides} where given. */
    public static LocalResources of(SamTemplate template, Map<String, String> overrides) {
        Map<String, String> parameters = new LinkedHashMap<>(template.parameterDefaults());
        overrides.forEach((name, value) -> {
            if (!template.parameterDefaults().containsKey(name)) // a local run needs every parameter's Default anyway
                throw new ConfigException("template.yaml has no parameter " + name + " (with a Default) to override");
            parameters.put(name, value);
        });
        return new LocalResources(template, parameters, Map.of());
    }

    /**
     * Returns the parameter overrides of a local run on {@code port}: the browser origins it serves, the callback
     * origin Daraja is told, and Daraja credentials that let the Daraja-calling functions start.
     */
    public static Map<String, String> localParameters(int port) {
        // The portal and the admin UI are served by the runtime itself, at either loopback spelling; each
        // origin parameter therefore allows both (ALLOWED_ORIGINS and the CORS list are comma-separated).
        String origins = "http://localhost:" + port + ",http://127.0.0.1:" + port;
        String self = "http://127.0.0.1:" + port;
        // Never the real sandbox from a local run. These only give the template's Daraja parameters local values;
        // every function's DARAJA_* variables are then replaced by the Daraja simulator's (FunctionEnvironment.daraja).
        // The key and secret are placeholders; the passkey is the sandbox's public one (§8).
        return Map.of("PortalOrigin", origins, "AdminOrigin", origins, "CallbackBaseUrl", self, "DarajaBaseUrl", self,
                "PortalBaseUrl", "http://localhost:" + port + "/portal",
                "DarajaConsumerKey", "local-consumer-key", "DarajaConsumerSecret", "local-consumer-secret",
                "DarajaPasskey", "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919");
    }

    /** Returns a copy that also knows each queue's URL (logical id → URL), as ElasticMQ answered it. */
    public LocalResources withQueueUrls(Map<String, String> urls) {
        return new LocalResources(template, parameters, urls);
    }

    public Optional<String> tableName(String logicalId) {
        return Optional.ofNullable(tableNames.get(logicalId));
    }

    /** Returns logical id → table name for every table. */
    public Map<String, String> tableNames() {
        return Map.copyOf(tableNames);
    }

    public String queueName(String logicalId) {
        String name = queueNames.get(logicalId);
        if (name == null) throw new ConfigException("template.yaml has no queue " + logicalId);
        return name;
    }

    public String queueArn(String logicalId) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT_ID + ":" + queueName(logicalId);
    }

    public String queueUrl(String logicalId) {
        queueName(logicalId);
        String url = queueUrls.get(logicalId);
        if (url == null) throw new IllegalStateException("Queue " + logicalId + " has not been created yet");
        return url;
    }

    @Override
    public String ref(String name) {
        switch (name) {
            case "AWS::StackName": return STACK_NAME;
            case "AWS::Region": return REGION;
            case "AWS::AccountId": return ACCOUNT_ID;
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::Partition": return "aws";
            default: break;
        }
        if (parameters.containsKey(name)) return parameters.get(name);
        if (tableNames.containsKey(name)) return tableNames.get(name);
        if (queueNames.containsKey(name)) return queueUrl(name);
        return switch (resourceTypes.getOrDefault(name, "")) {
            case "AWS::Serverless::Function" -> name;         // the local function name is its logical id
            case "AWS::Serverless::HttpApi" -> API_ID;
            case "" -> throw new ConfigException("template.yaml refers to " + name
                    + ", which is neither a parameter with a Default nor a resource");
            default -> throw new ConfigException("local-runtime cannot resolve !Ref " + name + " (" + resourceTypes.get(name) + ")");
        };
    }

    @Override
    public String getAtt(String resource, String attribute) {
        if (queueNames.containsKey(resource)) {
            return switch (attribute) {
                case "Arn" -> queueArn(resource);
                case "QueueName" -> queueName(resource);
                case "QueueUrl" -> queueUrl(resource);
                default -> throw unsupported(resource, attribute);
            };
        }
        if (tableNames.containsKey(resource) && attribute.equals("Arn"))
            return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT_ID + ":table/" + tableNames.get(resource);
        if ("AWS::Serverless::Function".equals(resourceTypes.get(resource)) && attribute.equals("Arn"))
            return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + resource;
        throw unsupported(resource, attribute);
    }

    /** SamTemplate reports an unnamed resource's name as its logical id; CloudFormation would prefix the stack. */
    private String name(Object declared, String logicalId) {
        return declared instanceof String s && s.equals(logicalId) ? STACK_NAME + "-" + logicalId : SamTemplate.resolve(declared, this);
    }

    private static ConfigException unsupported(String resource, String attribute) {
        return new ConfigException("local-runtime cannot resolve !GetAtt " + resource + "." + attribute);
    }
}
