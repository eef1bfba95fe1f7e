package com.wifibilling.core.store;

import com.wifibilling.core.config.AwsConfig;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Returns the SDK clients a function builds once per container (STYLE §2). Each names its region and the
 * URLConnection HTTP client (the lightest to load at cold start). In AWS no credentials provider is named,
 * so the default chain finds the container credentials that SnapStart supplies; static dummy credentials
 * are used only when the configuration points at a local endpoint (dynalite, ElasticMQ).
 */
public final class AwsClients {
    private static final AwsCredentialsProvider LOCAL_DUMMY =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private AwsClients() {}

    public static DynamoDbClient dynamoDb(AwsConfig aws) {
        var builder = DynamoDbClient.builder().region(Region.of(aws.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        aws.dynamoDbEndpoint().ifPresent(uri -> local(builder, uri));
        return builder.build();
    }

    public static DynamoDbEnhancedClient enhanced(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    }

    public static SqsClient sqs(AwsConfig aws) {
        var builder = SqsClient.builder().region(Region.of(aws.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        aws.sqsEndpoint().ifPresent(uri -> local(builder, uri));
        return builder.build();
    }

    public static SecretsManagerClient secretsManager(AwsConfig aws) {
        var builder = SecretsManagerClient.builder().region(Region.of(aws.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        aws.secretsManagerEndpoint().ifPresent(uri -> local(builder, uri));
        return builder.build();
    }

    private static void local(software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?> builder, URI endpoint) {
        builder.endpointOverride(endpoint).credentialsProvider(LOCAL_DUMMY);
    }
}
