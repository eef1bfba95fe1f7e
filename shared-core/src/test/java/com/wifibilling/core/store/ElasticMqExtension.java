package com.wifibilling.core.store;

import com.wifibilling.core.config.AwsConfig;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts one ElasticMQ (in process) per test JVM, on the first test that asks for it, and stops it when the JVM's
 * tests end. Tests ask for an {@link SqsClient} pointed at it, or for {@link TestQueues}: every queue of
 * template.yaml, with its DLQ and redrive policy, created fresh under a prefix of their own.
 */
public final class ElasticMqExtension implements ParameterResolver {
    public static final String REGION = "af-south-1";
    public static final String ACCOUNT_ID = "000000000000";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ElasticMqExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SqsClient.class || type == TestQueues.class || type == RunningElasticMq.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningElasticMq engine = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningElasticMq.class, key -> RunningElasticMq.start(), RunningElasticMq.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == RunningElasticMq.class) return engine;
        if (type == SqsClient.class) return engine.client();
        return TestQueues.createAll(engine.client());
    }

    /** The JVM's ElasticMQ and a client for it; closed by JUnit at the end of the run. */
    public record RunningElasticMq(LocalElasticMq engine, SqsClient client)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        static RunningElasticMq start() {
            LocalElasticMq engine = LocalElasticMq.start(REGION, ACCOUNT_ID);
            SqsClient client = AwsClients.sqs(new AwsConfig(REGION, Optional.empty(), Optional.of(engine.endpoint())));
            return new RunningElasticMq(engine, client);
        }

        @Override
        public void close() {
            client.close();
            engine.close();
        }
    }
}
