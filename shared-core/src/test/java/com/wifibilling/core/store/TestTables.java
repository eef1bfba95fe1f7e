package com.wifibilling.core.store;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every table template.yaml declares, created on dynalite under a fresh prefix (as a stack name), so each test
 * class has its own empty tables without restarting the engine.
 */
public final class TestTables {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoPaths.template());
    private final DynamoDbClient client;
    private final Map<String, String> names;

    private TestTables(DynamoDbClient client, Map<String, String> names) {
        this.client = client;
        this.names = Map.copyOf(names);
    }

    public static TestTables createAll(DynamoDbClient client) {
        String stack = "t" + ProcessHandle.current().pid() + "x" + COUNTER.incrementAndGet();
        SamTemplate.Bindings bindings = new SamTemplate.Bindings() {
            @Override
            public String ref(String name) {
                if (name.equals("AWS::StackName")) return stack;
                throw new IllegalArgumentException("Tables may only refer to the stack name, not " + name);
            }
            @Override
            public String getAtt(String resource, String attribute) {
                throw new IllegalArgumentException("Tables may not use GetAtt");
            }
        };
        Map<String, String> names = new LinkedHashMap<>();
        for (SamTemplate.TableSpec spec : TEMPLATE.tables()) {
            String name = SamTemplate.resolve(spec.tableName(), bindings);
            DynamoDbTables.create(client, spec, name);
            names.put(spec.logicalId(), name);
        }
        return new TestTables(client, names);
    }

    /** Returns the table name for a logical id such as {@code "PackagesTable"}. */
    public String name(String logicalId) {
        String name = names.get(logicalId);
        if (name == null) throw new IllegalArgumentException("template.yaml has no table " + logicalId);
        return name;
    }

    /** Returns the environment variables a function would get for these tables, e.g. PACKAGES_TABLE. */
    public Map<String, String> environment() {
        Map<String, String> vars = new LinkedHashMap<>();
        names.forEach((id, name) -> vars.put(envName(id), name));
        return vars;
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoDbEnhancedClient enhanced() {
        return AwsClients.enhanced(client);
    }

    /** PackagesTable → PACKAGES_TABLE, GatewayOutboxTable → GATEWAY_OUTBOX_TABLE. */
    static String envName(String logicalId) {
        return logicalId.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }
}
