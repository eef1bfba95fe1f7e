package com.wifibilling.core.store;

import com.wifibilling.core.RepoPaths;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Starts one dynalite per test JVM (the first test that asks for it) and stops it when the JVM's tests end.
 * Test methods and constructors may ask for a {@link DynamoDbClient} pointed at it, or for {@link TestTables}:
 * every table of template.yaml, created fresh under a prefix of their own.
 */
public final class DynaliteExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynaliteExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DynamoDbClient.class || type == TestTables.class || type == RunningDynalite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningDynalite dynalite = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningDynalite.class, key -> RunningDynalite.start(), RunningDynalite.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == RunningDynalite.class) return dynalite;
        if (type == DynamoDbClient.class) return dynalite.client();
        return TestTables.createAll(dynalite.client());
    }

    /** The JVM's dynalite and a client for it; closed by JUnit at the end of the run. */
    public record RunningDynalite(LocalDynalite engine, DynamoDbClient client)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        static RunningDynalite start() {
            LocalDynalite engine = LocalDynalite.start(RepoPaths.home(), Optional.empty());
            DynamoDbClient client = DynamoDbClient.builder().region(Region.AF_SOUTH_1)
                    .endpointOverride(engine.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
            return new RunningDynalite(engine, client);
        }

        @Override
        public void close() {
            client.close();
            engine.close();
        }
    }
}
