package com.wifibilling.local;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ (the SQS API, in process) on a free loopback port. Queue URLs it hands out name the address the
 * client used, so they are right for the SDK clients pointed at {@link #endpoint()}.
 */
public final class ElasticMqServer implements AutoCloseable {
    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMqServer(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    public static ElasticMqServer start() {
        SQSRestServer server = SQSRestServerBuilder.withPort(0).withInterface("127.0.0.1")
                .withAWSRegion(LocalResources.REGION).withAWSAccountId(LocalResources.ACCOUNT_ID).start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMqServer(server, URI.create("http://127.0.0.1:" + port));
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
