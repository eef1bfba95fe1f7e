package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.wifibilling.core.config.AwsConfig;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsClientsTest {
    @Test
    void inAwsTheClientsUseTheDefaultCredentialsChainAndTheRealEndpoint() {
        var aws = new AwsConfig("af-south-1", Optional.empty(), Optional.empty());
        try (var dynamoDb = AwsClients.dynamoDb(aws); var sqs = AwsClients.sqs(aws)) {
            assertFalse(dynamoDb.serviceClientConfiguration().credentialsProvider() instanceof StaticCredentialsProvider);
            assertFalse(sqs.serviceClientConfiguration().credentialsProvider() instanceof StaticCredentialsProvider);
            assertEquals(Optional.empty(), dynamoDb.serviceClientConfiguration().endpointOverride());
            assertEquals("af-south-1", dynamoDb.serviceClientConfiguration().region().id());
        }
    }

    @Test
    void localEndpointsGetStaticDummyCredentials() {
        var endpoint = URI.create("http://127.0.0.1:4567");
        var aws = new AwsConfig("af-south-1", Optional.of(endpoint), Optional.of(endpoint));
        try (var dynamoDb = AwsClients.dynamoDb(aws); var sqs = AwsClients.sqs(aws)) {
            assertInstanceOf(StaticCredentialsProvider.class, dynamoDb.serviceClientConfiguration().credentialsProvider());
            assertInstanceOf(StaticCredentialsProvider.class, sqs.serviceClientConfiguration().credentialsProvider());
            assertEquals(Optional.of(endpoint), dynamoDb.serviceClientConfiguration().endpointOverride());
        }
    }
}
