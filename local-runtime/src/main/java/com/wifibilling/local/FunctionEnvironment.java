package com.wifibilling.local;

import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.config.SamTemplate.FunctionSpec;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Returns the environment one function sees locally (DESIGN §7): what template.yaml declares for it (Globals
 * merged with its own {@code Environment.Variables}, intrinsics resolved for the local stack), then what Lambda
 * itself sets ({@code AWS_REGION}, {@code AWS_LAMBDA_FUNCTION_NAME} …), the local endpoints that switch the SDK
 * clients to dynalite and ElasticMQ, and the local secrets. Nothing of the JVM's own environment leaks in.
 */
final class FunctionEnvironment {
    private FunctionEnvironment() {}

    static Env of(FunctionSpec function, LocalResources resources, URI dynamoDbEndpoint, URI sqsEndpoint,
                  Map<String, String> secrets) {
        Map<String, String> vars = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> vars.put(name, SamTemplate.resolve(value, resources)));
        vars.put("AWS_REGION", LocalResources.REGION);
        vars.put("AWS_DEFAULT_REGION", LocalResources.REGION);
        vars.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        vars.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        vars.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        vars.put("DYNAMODB_ENDPOINT", dynamoDbEndpoint.toString());
        vars.put("SQS_ENDPOINT", sqsEndpoint.toString());
        vars.putAll(secrets); // by value locally; the template will name them (Secrets Manager ARNs in AWS)
        return Env.of(vars);
    }
}
