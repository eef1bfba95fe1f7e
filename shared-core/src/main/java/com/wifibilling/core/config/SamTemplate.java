package com.wifibilling.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Returns what template.yaml declares — functions with their routes, queues and environment, tables with
 * their keys and indexes, queues with their dead-letter queues, the HTTP API's CORS settings — so the local
 * runtime and the tests run exactly what AWS would deploy. Intrinsic functions ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}, {@code !Join}, and their long forms) stay symbolic until {@link #resolve} is given
 * {@link Bindings} for a concrete stack. Lambda jars never use this class (snakeyaml is optional there).
 */
public final class SamTemplate {
    private final Map<String, Object> root;
    private final Map<String, Map<String, Object>> resources;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
        this.resources = new LinkedHashMap<>();
        map(root.get("Resources")).forEach((id, body) -> resources.put(id, map(body)));
    }

    /** Returns the parsed template at {@code path}; a file that isn't a SAM template fails with its name. */
    public static SamTemplate load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new IntrinsicConstructor()).load(reader);
            if (!(doc instanceof Map<?, ?> top) || !top.containsKey("Resources"))
                throw new ConfigException(path + " is not a SAM template (no Resources)");
            return new SamTemplate(map(top));
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + path + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ model

    /** An intrinsic function left symbolic until a stack's {@link Bindings} resolve it. */
    public sealed interface Intrinsic permits Ref, GetAtt, Sub, Join {}
    public record Ref(String name) implements Intrinsic {}
    public record GetAtt(String resource, String attribute) implements Intrinsic {}
    public record Sub(String text, Map<String, Object> variables) implements Intrinsic {}
    public record Join(String delimiter, List<Object> parts) implements Intrinsic {}

    /** Answers {@code Ref} and {@code Fn::GetAtt} for one concrete stack (AWS, or the local runtime). */
    public interface Bindings {
        String ref(String name);
        String getAtt(String resource, String attribute);
    }

    /** A route of the HTTP API: {@code "GET /api/health"}, or {@code "$default"} for unmatched requests. */
    public record HttpRoute(String method, String path) {
        public static final String DEFAULT = "$default";
        public boolean isDefault() {
            return path == null;
        }
        public String routeKey() {
            return isDefault() ? DEFAULT : method + " " + path;
        }
    }

    public record SqsSource(String queue, int batchSize, boolean reportsBatchItemFailures) {}

    public record ScheduleSource(String expression) {}

    public record FunctionSpec(String logicalId, String handlerClass, String handlerMethod, String codeUri,
                               int timeoutSeconds, int memoryMb, Map<String, Object> environment,
                               List<HttpRoute> routes, List<SqsSource> queues, List<ScheduleSource> schedules) {}

    public record KeySchema(String partitionKey, Optional<String> sortKey) {}

    public record IndexSpec(String name, KeySchema key, String projection) {}

    public record TableSpec(String logicalId, Object tableName, Map<String, String> attributeTypes, KeySchema key,
                            List<IndexSpec> indexes, Optional<String> ttlAttribute) {}

    public record QueueSpec(String logicalId, Object queueName, int visibilityTimeoutSeconds,
                            Optional<String> deadLetterQueue, int maxReceiveCount) {}

    public record Cors(List<Object> allowOrigins, List<String> allowHeaders, List<String> allowMethods,
                       List<String> exposeHeaders, int maxAgeSeconds) {}

    // ------------------------------------------------------------------ queries

    /** Returns every {@code AWS::Serverless::Function}, with Globals merged in as SAM merges them. */
    public List<FunctionSpec> functions() {
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        List<FunctionSpec> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, properties) -> {
            String handler = string(properties.getOrDefault("Handler", globals.get("Handler")), id + ".Handler");
            int separator = handler.indexOf("::");
            Map<String, Object> environment = new LinkedHashMap<>(variables(globals));
            environment.putAll(variables(properties));
            List<HttpRoute> routes = new ArrayList<>();
            List<SqsSource> queues = new ArrayList<>();
            List<ScheduleSource> schedules = new ArrayList<>();
            map(properties.get("Events")).forEach((name, eventBody) -> {
                Map<String, Object> event = map(eventBody);
                Map<String, Object> p = map(event.get("Properties"));
                switch (String.valueOf(event.get("Type"))) {
                    case "HttpApi" -> routes.add(p.containsKey("Path")
                            ? new HttpRoute(String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(), (String) p.get("Path"))
                            : new HttpRoute("ANY", null));
                    case "SQS" -> queues.add(new SqsSource(referencedResource(p.get("Queue"), id + ".Events." + name),
                            integer(p.getOrDefault("BatchSize", 10)),
                            list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")));
                    case "Schedule", "ScheduleV2" -> schedules.add(new ScheduleSource(
                            String.valueOf(p.getOrDefault("Schedule", p.get("ScheduleExpression")))));
                    default -> throw new ConfigException("Unsupported event type " + event.get("Type") + " in " + id);
                }
            });
            functions.add(new FunctionSpec(id,
                    separator < 0 ? handler : handler.substring(0, separator),
                    separator < 0 ? "handleRequest" : handler.substring(separator + 2),
                    String.valueOf(properties.getOrDefault("CodeUri", globals.get("CodeUri"))),
                    integer(properties.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3))),
                    integer(properties.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128))),
                    environment, List.copyOf(routes), List.copyOf(queues), List.copyOf(schedules)));
        });
        return List.copyOf(functions);
    }

    /** Returns every {@code AWS::DynamoDB::Table} with its keys, GSIs and TTL attribute. */
    public List<TableSpec> tables() {
        List<TableSpec> tables = new ArrayList<>();
        resourcesOfType("AWS::DynamoDB::Table").forEach((id, p) -> {
            Map<String, String> types = new LinkedHashMap<>();
            list(p.get("AttributeDefinitions")).forEach(a ->
                    types.put(string(map(a).get("AttributeName"), id), string(map(a).get("AttributeType"), id)));
            List<IndexSpec> indexes = new ArrayList<>();
            list(p.get("GlobalSecondaryIndexes")).forEach(i -> indexes.add(new IndexSpec(
                    string(map(i).get("IndexName"), id), keySchema(map(i).get("KeySchema"), id),
                    string(map(map(i).get("Projection")).getOrDefault("ProjectionType", "ALL"), id))));
            Map<String, Object> ttl = map(p.get("TimeToLiveSpecification"));
            tables.add(new TableSpec(id, p.getOrDefault("TableName", id), Map.copyOf(types),
                    keySchema(p.get("KeySchema"), id), List.copyOf(indexes),
                    Boolean.TRUE.equals(ttl.get("Enabled")) ? Optional.of(string(ttl.get("AttributeName"), id)) : Optional.empty()));
        });
        return List.copyOf(tables);
    }

    /** Returns every {@code AWS::SQS::Queue}, with its redrive policy when it has one. */
    public List<QueueSpec> queues() {
        List<QueueSpec> queues = new ArrayList<>();
        resourcesOfType("AWS::SQS::Queue").forEach((id, p) -> {
            Map<String, Object> redrive = map(p.get("RedrivePolicy"));
            queues.add(new QueueSpec(id, p.getOrDefault("QueueName", id), integer(p.getOrDefault("VisibilityTimeout", 30)),
                    redrive.isEmpty() ? Optional.empty() : Optional.of(referencedResource(redrive.get("deadLetterTargetArn"), id)),
                    redrive.isEmpty() ? 0 : integer(redrive.get("maxReceiveCount"))));
        });
        return List.copyOf(queues);
    }

    /** Returns the HTTP API's CORS configuration, when the template has an HTTP API with one. */
    public Optional<Cors> cors() {
        return resourcesOfType("AWS::Serverless::HttpApi").values().stream()
                .map(p -> map(p.get("CorsConfiguration"))).filter(c -> !c.isEmpty()).findFirst()
                .map(c -> new Cors(List.copyOf(list(c.get("AllowOrigins"))), strings(c.get("AllowHeaders")),
                        strings(c.get("AllowMethods")), strings(c.get("ExposeHeaders")), integer(c.getOrDefault("MaxAge", 0))));
    }

    /** Returns each parameter's default value (as a string), for parameters that have one. */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        map(root.get("Parameters")).forEach((name, body) -> {
            Object value = map(body).get("Default");
            if (value != null) defaults.put(name, String.valueOf(value));
        });
        return defaults;
    }

    /**
     * Returns the whole parsed document, read-only, for checks that walk it (references, policies, property names):
     * {@code !Ref}, {@code !GetAtt}, {@code !Sub} and {@code !Join} as {@link Intrinsic} records, every other
     * intrinsic in its long form ({@code !If [a, b, c]} becomes {@code {"Fn::If": [a, b, c]}}).
     */
    public Map<String, Object> document() {
        return java.util.Collections.unmodifiableMap(root);
    }

    /** Returns the logical ids and types of all resources. */
    public Map<String, String> resourceTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        resources.forEach((id, body) -> types.put(id, String.valueOf(body.get("Type"))));
        return types;
    }

    // ------------------------------------------------------------------ resolution

    /** Returns {@code value} with every intrinsic evaluated against {@code bindings}; lists become comma-joined. */
    public static String resolve(Object value, Bindings bindings) {
        return switch (value) {
            case null -> "";
            case Ref ref -> bindings.ref(ref.name());
            case GetAtt att -> bindings.getAtt(att.resource(), att.attribute());
            case Join join -> String.join(join.delimiter(), join.parts().stream().map(p -> resolve(p, bindings)).toList());
            case Sub sub -> substitute(sub, bindings);
            case List<?> items -> String.join(",", items.stream().map(p -> resolve(p, bindings)).toList());
            default -> String.valueOf(value);
        };
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private static String substitute(Sub sub, Bindings bindings) {
        Matcher m = PLACEHOLDER.matcher(sub.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("!")) replacement = "${" + name.substring(1) + "}"; // ${!Literal} stays literal
            else if (sub.variables().containsKey(name)) replacement = resolve(sub.variables().get(name), bindings);
            else if (name.contains(".") && !name.startsWith("AWS::"))
                replacement = bindings.getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1));
            else replacement = bindings.ref(name);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources.forEach((id, body) -> {
            if (type.equals(body.get("Type"))) found.put(id, map(body.get("Properties")));
        });
        return found;
    }

    private static Map<String, Object> variables(Map<String, Object> functionProperties) {
        return map(map(functionProperties.get("Environment")).get("Variables"));
    }

    private static KeySchema keySchema(Object raw, String owner) {
        String hash = null;
        String range = null;
        for (Object element : list(raw)) {
            Map<String, Object> k = map(element);
            if ("HASH".equals(k.get("KeyType"))) hash = string(k.get("AttributeName"), owner);
            else range = string(k.get("AttributeName"), owner);
        }
        if (hash == null) throw new ConfigException(owner + " has no HASH key");
        return new KeySchema(hash, Optional.ofNullable(range));
    }

    /** Returns the logical id a {@code !GetAtt X.Arn} or {@code !Ref X} points at. */
    private static String referencedResource(Object raw, String owner) {
        return switch (raw) {
            case GetAtt att -> att.resource();
            case Ref ref -> ref.name();
            default -> throw new ConfigException(owner + " must reference a resource with !GetAtt or !Ref");
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? List.copyOf(l) : List.of();
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }

    private static String string(Object o, String owner) {
        if (o == null) throw new ConfigException("Missing value in " + owner);
        return String.valueOf(o);
    }

    private static int integer(Object o) {
        return o instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(o).strip());
    }

    /** Turns CloudFormation's short tags and long forms into {@link Intrinsic} records. */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Construct(n -> new Ref(scalar(n))));
            yamlConstructors.put(new Tag("!GetAtt"), new Construct(n -> n instanceof ScalarNode
                    ? getAtt(scalar(n)) : new GetAtt(String.valueOf(items(n).get(0)), String.valueOf(items(n).get(1)))));
            yamlConstructors.put(new Tag("!Sub"), new Construct(n -> n instanceof ScalarNode ? new Sub(scalar(n), Map.of())
                    : new Sub(String.valueOf(items(n).get(0)), map(items(n).get(1)))));
            yamlConstructors.put(new Tag("!Join"), new Construct(n ->
                    new Join(String.valueOf(items(n).get(0)), list(items(n).get(1)))));
            // The other short forms become their long form, so a template using them still loads.
            for (String name : List.of("If", "Equals", "Not", "And", "Or", "Select", "Split", "FindInMap", "ImportValue",
                    "Base64", "Cidr", "GetAZs", "Length", "ToJsonString")) {
                yamlConstructors.put(new Tag("!" + name), new Construct(n -> Map.of("Fn::" + name, plain(n))));
            }
            yamlConstructors.put(new Tag("!Condition"), new Construct(n -> Map.of("Condition", scalar(n))));
            var plainMap = yamlConstructors.get(Tag.MAP);
            yamlConstructors.put(Tag.MAP, new Construct(n -> longForm(plainMap.construct(n))));
        }

        private static GetAtt getAtt(String dotted) {
            int dot = dotted.indexOf('.');
            return new GetAtt(dotted.substring(0, dot), dotted.substring(dot + 1));
        }

        /** Returns the intrinsic a one-entry map such as {@code {"Fn::GetAtt": [...]}} stands for, else the map. */
        private static Object longForm(Object constructed) {
            if (!(constructed instanceof Map<?, ?> m) || m.size() != 1) return constructed;
            Object key = m.keySet().iterator().next();
            Object v = m.get(key);
            return switch (String.valueOf(key)) {
                case "Ref" -> new Ref(String.valueOf(v));
                case "Fn::GetAtt" -> v instanceof List<?> l ? new GetAtt(String.valueOf(l.get(0)), String.valueOf(l.get(1))) : getAtt(String.valueOf(v));
                case "Fn::Sub" -> v instanceof List<?> l ? new Sub(String.valueOf(l.get(0)), map(l.get(1))) : new Sub(String.valueOf(v), Map.of());
                case "Fn::Join" -> new Join(String.valueOf(((List<?>) v).get(0)), list(((List<?>) v).get(1)));
                default -> constructed;
            };
        }

        private Object plain(Node n) {
            return switch (n) {
                case ScalarNode scalar -> scalar.getValue();
                case SequenceNode sequence -> List.copyOf(constructSequence(sequence));
                default -> constructMapping((MappingNode) n);
            };
        }

        private String scalar(Node n) {
            return ((ScalarNode) n).getValue();
        }

        private List<Object> items(Node n) {
            return List.copyOf(constructSequence((SequenceNode) n));
        }

        private final class Construct extends AbstractConstruct {
            private final java.util.function.Function<Node, Object> build;
            Construct(java.util.function.Function<Node, Object> build) {
                this.build = build;
            }
            @Override
            public Object construct(Node node) {
                return build.apply(node);
            }
        }
    }
}
