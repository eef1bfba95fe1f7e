package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SamTemplate;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The local stack's bindings and each function's environment, from the real template.yaml. */
class LocalResourcesTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoPaths.template());
    private static final Map<String, String> QUEUE_URLS = Map.of(
            "PaymentCallbacksQueue", "http://127.0.0.1:9/000000000000/local-payment-callbacks",
            "PaymentCallbacksDlq", "http://127.0.0.1:9/000000000000/local-payment-callbacks-dlq",
            "GatewayCommandsQueue", "http://127.0.0.1:9/000000000000/local-gateway-commands",
            "NotificationsQueue", "http://127.0.0.1:9/000000000000/local-notifications");
    private final LocalResources resources = LocalResources.of(TEMPLATE, LocalResources.localParameters(3000)).withQueueUrls(QUEUE_URLS);

    @Test
    void tablesAndQueuesAreNamedAfterTheLocalStack() {
        assertEquals(Optional.of("local-Users"), resources.tableName("UsersTable"));
        assertEquals("local-Packages", resources.ref("PackagesTable"));
        assertEquals("local-payment-callbacks", resources.queueName("PaymentCallbacksQueue"));
        assertEquals("local-notifications-dlq", resources.getAtt("NotificationsDlq", "QueueName"));
    }

    @Test
    void queueIntrinsicsResolveToElasticMqUrlsAndLocalArns() {
        assertEquals(QUEUE_URLS.get("PaymentCallbacksQueue"), resources.ref("PaymentCallbacksQueue"));
        assertEquals(QUEUE_URLS.get("PaymentCallbacksDlq"), resources.getAtt("PaymentCallbacksDlq", "QueueUrl"));
        assertEquals("arn:aws:sqs:af-south-1:000000000000:local-payment-callbacks-dlq", resources.getAtt("PaymentCallbacksDlq", "Arn"));
    }

    @Test
    void pseudoParametersAndParameterDefaultsResolve() {
        assertEquals("local", resources.ref("AWS::StackName"));
        assertEquals("af-south-1", resources.ref("AWS::Region"));
        assertEquals("000000000000", resources.ref("AWS::AccountId"));
        assertEquals("amazonaws.com", resources.ref("AWS::URLSuffix"));
        assertEquals("dev", resources.ref("Stage"));
        assertEquals("60", resources.ref("PackagesCacheSeconds"));
    }

    @Test
    void originParametersAllowBothLoopbackSpellingsOfThePort() {
        assertEquals("http://localhost:3000,http://127.0.0.1:3000", resources.ref("PortalOrigin"));
        assertEquals("http://localhost:3000,http://127.0.0.1:3000", resources.ref("AdminOrigin"));
    }

    @Test
    void unknownReferencesStopStartUpNamingThem() {
        var unknown = assertThrows(ConfigException.class, () -> resources.ref("NoSuchThing"));
        assertTrue(unknown.getMessage().contains("NoSuchThing"));
        assertThrows(ConfigException.class, () -> resources.getAtt("PaymentCallbacksQueue", "Nonsense"));
        assertThrows(ConfigException.class, () -> LocalResources.of(TEMPLATE, Map.of("Typo", "x")));
    }

    @Test
    void paymentApiSeesItsTemplateEnvironmentPlusTheLocalOnes() {
        SamTemplate.FunctionSpec paymentApi = TEMPLATE.functions().stream().filter(f -> f.logicalId().equals("PaymentApi")).findFirst().orElseThrow();
        Env env = FunctionEnvironment.of(paymentApi, resources, URI.create("http://127.0.0.1:1111"), URI.create("http://127.0.0.1:2222"),
                Map.of("JWT_SECRET", "j".repeat(32)));
        assertEquals("payment-api", env.require("SERVICE_NAME"));
        assertEquals("local-Packages", env.require("PACKAGES_TABLE"));
        assertEquals("60", env.require("PACKAGES_CACHE_SECONDS"));
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1", env.require("JAVA_TOOL_OPTIONS")); // from Globals
        assertEquals("http://localhost:3000,http://127.0.0.1:3000,http://localhost:3000,http://127.0.0.1:3000",
                env.require("ALLOWED_ORIGINS"));
        assertEquals("af-south-1", env.require("AWS_REGION"));
        assertEquals("PaymentApi", env.require("AWS_LAMBDA_FUNCTION_NAME"));
        assertEquals("1024", env.require("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        assertEquals("http://127.0.0.1:1111", env.require("DYNAMODB_ENDPOINT"));
        assertEquals("http://127.0.0.1:2222", env.require("SQS_ENDPOINT"));
        assertEquals("j".repeat(32), env.require("JWT_SECRET"));
        assertEquals("http://127.0.0.1:9/000000000000/local-gateway-commands", env.require("GATEWAY_COMMANDS_QUEUE_URL"));
        assertEquals("http://localhost:3000/portal", env.require("PORTAL_BASE_URL"));
        assertEquals("default", env.require("DEFAULT_GATEWAY_ID"));
        assertFalse(env.vars().containsKey("PATH"), "nothing of the JVM's own environment leaks in");
    }
}
