package com.wifibilling.local;

import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.config.SamTemplate.FunctionSpec;
import com.wifibilling.local.daraja.DarajaSimulator;
import com.wifibilling.local.sms.SmsSimulator;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Returns the environment one function sees locally (DESIGN §7): what template.yaml declares for it (Globals
 * merged with its own {@code Environment.Variables}, intrinsics resolved for the local stack), then what Lambda
 * itself sets ({@code AWS_REGION}, {@code AWS_LAMBDA_FUNCTION_NAME} …), the local endpoints that switch the SDK
 * clients to dynalite and ElasticMQ, and the local-only values: the local secrets and the Daraja settings that
 * point the payment code at the simulator ({@link #daraja}), and the SMS settings that point Notifications at the
 * SMS simulator ({@link #sms}). Nothing of the JVM's own environment leaks in.
 */
final class FunctionEnvironment {
    private FunctionEnvironment() {}

    static Env of(FunctionSpec function, LocalResources resources, URI dynamoDbEndpoint, URI sqsEndpoint,
                  Map<String, String> localValues) {
        Map<String, String> vars = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> vars.put(name, SamTemplate.resolve(value, resources)));
        vars.put("AWS_REGION", LocalResources.REGION);
        vars.put("AWS_DEFAULT_REGION", LocalResources.REGION);
        vars.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        vars.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        vars.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        vars.put("DYNAMODB_ENDPOINT", dynamoDbEndpoint.toString());
        vars.put("SQS_ENDPOINT", sqsEndpoint.toString());
        vars.putAll(localValues); // by value locally; in AWS the template names them (secrets by Secrets Manager ARN)
        return Env.of(vars);
    }

    /**
     * Returns the Daraja settings of contracts/daraja.md §1 for a local run: the simulator at {@code simulator}
     * with its local consumer key and secret, the sandbox shortcode and passkey (§8), PayBill, and callbacks to the
     * API at {@code api} — plain {@code http}, which the simulator accepts in its default sandbox mode.
     */
    static Map<String, String> daraja(URI simulator, URI api) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("DARAJA_BASE_URL", simulator.toString());
        vars.put("DARAJA_CONSUMER_KEY", DarajaSimulator.LOCAL_CONSUMER_KEY);
        vars.put("DARAJA_CONSUMER_SECRET", DarajaSimulator.LOCAL_CONSUMER_SECRET);
        vars.put("DARAJA_SHORTCODE", DarajaSimulator.SHORTCODE);
        vars.put("DARAJA_PASSKEY", DarajaSimulator.PASSKEY);
        vars.put("DARAJA_TRANSACTION_TYPE", "CustomerPayBillOnline");
        vars.put("CALLBACK_BASE_URL", api.toString());
        return vars;
    }

    /** Returns the Africa's Talking settings of a local run: the SMS simulator at {@code simulator} with its local username and key. */
    static Map<String, String> sms(URI simulator) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("SMS_PROVIDER_URL", simulator.toString());
        vars.put("SMS_USERNAME", SmsSimulator.LOCAL_USERNAME);
        vars.put("SMS_API_KEY", SmsSimulator.LOCAL_API_KEY);
        return vars;
    }
}
