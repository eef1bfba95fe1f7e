package com.wifibilling.core.store;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * Returns ElasticMQ (the SQS API, in process) on a free loopback port: the local SQS engine of the local runtime
 * and of the tests (DESIGN §9). Queue URLs it hands out name the address the client used, so they are right for
 * SDK clients pointed at {@link #endpoint()}. ElasticMQ is an optional dependency of shared-core: Lambda jars
 * never carry or load it.
 */
public final class LocalElasticMq implements AutoCloseable {
    private final SQSRestServer server;
    private final URI endpoint;

    private LocalElasticMq(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    public static LocalElasticMq start(String region, String accountId) {
        SQSRestServer server = SQSRestServerBuilder.withPort(0).withInterface("127.0.0.1")
                .withAWSRegion(region).withAWSAccountId(accountId).start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new LocalElasticMq(server, URI.create("http://127.0.0.1:" + port));
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
