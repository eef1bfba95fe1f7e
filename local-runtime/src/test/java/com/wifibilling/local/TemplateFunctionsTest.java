package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.config.SamTemplate.FunctionSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each function of template.yaml, checked against its code without AWS: the Handler class exists and is the
 * RequestHandler its events need, and its INIT, given exactly the template's environment (plus what Lambda itself
 * sets), succeeds and asks for every variable the template sets and for none that it doesn't. The local runtime
 * runs the same handlers with the same environment, so a variable missing here would also break it.
 */
class TemplateFunctionsTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoPaths.template());

    /** What the Lambda runtime sets in every function; code may read these without the template naming them. */
    private static final Set<String> SET_BY_LAMBDA = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_EXECUTION_ENV", "LAMBDA_TASK_ROOT", "_HANDLER", "TZ");

    /**
     * Read by the code, set only by the local runtime (FunctionEnvironment, LocalRuntime): in AWS their absence is
     * the default (the SDK's own endpoints, Daraja's real pacing), so template.yaml must not set them.
     */
    private static final Set<String> LOCAL_ONLY = Set.of("DYNAMODB_ENDPOINT", "SQS_ENDPOINT", "SECRETSMANAGER_ENDPOINT",
            "INLINE_POLL_PAUSE_MILLIS");

    /** Set by the template for the platform, not for our code: the JVM reads JAVA_TOOL_OPTIONS before main. */
    private static final Set<String> READ_BY_THE_PLATFORM = Set.of("JAVA_TOOL_OPTIONS");

    /** Values for parameters that default to empty (secrets a deployment must supply), each valid for its reader. */
    private static final Map<String, String> SUPPLIED_AT_DEPLOY = Map.of(
            "CallbackToken", "0123456789abcdef0123456789abcdef",
            "JwtSecret", "a-test-only-hs256-key-of-more-than-32-bytes",
            "RadiusApiToken", "abcdefghijklmnopqrstuvwxyz012345",
            "DarajaConsumerKey", "test-consumer-key",
            "DarajaConsumerSecret", "test-consumer-secret",
            "DarajaPasskey", "test-passkey",
            "SmsApiKey", "test-africastalking-api-key",
            // Not a secret, but its default is the local runtime's http origin, which Safaricom's Daraja refuses
            // (docs/MPESA_INTEGRATION.md: every deployment passes its https API origin).
            "CallbackBaseUrl", "https://api.example.com");

    static Stream<FunctionSpec> functions() {
        return TEMPLATE.functions().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handlerClassIsTheRequestHandlerItsEventsNeed(FunctionSpec function) {
        String name = function.logicalId();
        Class<?> type = handlerClass(function);
        assertEquals("handleRequest", function.handlerMethod(), name + ": Handler must name ::handleRequest");
        assertTrue(Modifier.isPublic(type.getModifiers()), name + ": " + type.getName() + " must be public");
        List<Type> arguments = requestHandlerArguments(type);
        if (arguments == null) fail(name + ": " + type.getName() + " does not implement RequestHandler<I, O>");
        int kinds = (function.routes().isEmpty() ? 0 : 1) + (function.queues().isEmpty() ? 0 : 1) + (function.schedules().isEmpty() ? 0 : 1);
        assertEquals(1, kinds, name + ": a function is invoked by one kind of event (HttpApi, SQS or Schedule), not " + kinds);
        if (!function.routes().isEmpty())
            assertEquals(List.of(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class), arguments,
                    name + ": HttpApi routes (payload 2.0) need RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>");
        if (!function.queues().isEmpty())
            assertEquals(List.of(SQSEvent.class, SQSBatchResponse.class), arguments,
                    name + ": SQS sources with ReportBatchItemFailures need RequestHandler<SQSEvent, SQSBatchResponse>");
        if (!function.schedules().isEmpty())
            assertEquals(ScheduledEvent.class, arguments.getFirst(), name + ": a Schedule delivers a ScheduledEvent");
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            fail(name + ": " + type.getName() + " has no public no-arg constructor, which Lambda calls (STYLE §1)");
        }
        try {
            type.getConstructor(Env.class);
        } catch (NoSuchMethodException e) {
            fail(name + ": " + type.getName() + " has no public (Env) constructor, which the local runtime calls (STYLE §1)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void initReadsExactlyTheEnvironmentTheTemplateSets(FunctionSpec function) {
        String name = function.logicalId();
        Map<String, String> vars = new LinkedHashMap<>();
        function.environment().forEach((variable, value) -> vars.put(variable, SamTemplate.resolve(value, DEPLOYED)));
        SET_BY_LAMBDA.forEach(variable -> vars.put(variable, lambdaValue(variable, function)));
        Set<String> read = new ConcurrentSkipListSet<>();
        try {
            handlerClass(function).getConstructor(Env.class).newInstance(Env.watched(vars, read::add));
        } catch (InvocationTargetException e) {
            throw new AssertionError(name + ": INIT with only its template.yaml environment fails: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(name + ": cannot build " + function.handlerClass(), e);
        }

        Set<String> unset = new TreeSet<>(read);
        unset.removeAll(function.environment().keySet());
        unset.removeAll(SET_BY_LAMBDA);
        unset.removeAll(LOCAL_ONLY);
        assertEquals(Set.of(), unset, name + ": the code reads these, but template.yaml does not set them for " + name);

        Set<String> unread = new TreeSet<>(function.environment().keySet());
        unread.removeAll(read);
        unread.removeAll(READ_BY_THE_PLATFORM);
        assertEquals(Set.of(), unread, name + ": template.yaml sets these, but " + name + "'s code never reads them");
    }

    private static Class<?> handlerClass(FunctionSpec function) {
        try {
            return Class.forName(function.handlerClass());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(function.logicalId() + ": Handler class " + function.handlerClass() + " does not exist", e);
        }
    }

    /** Returns the actual type arguments of {@code RequestHandler<I, O>} as {@code type} implements it, or null. */
    private static List<Type> requestHandlerArguments(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType p && p.getRawType() == RequestHandler.class)
                    return List.of(p.getActualTypeArguments());
            }
        }
        return null;
    }

    private static String lambdaValue(String variable, FunctionSpec function) {
        return switch (variable) {
            case "AWS_REGION", "AWS_DEFAULT_REGION" -> "af-south-1";
            case "AWS_LAMBDA_FUNCTION_NAME" -> "wifi-test-" + function.logicalId();
            case "AWS_LAMBDA_FUNCTION_VERSION" -> "$LATEST";
            case "AWS_LAMBDA_FUNCTION_MEMORY_SIZE" -> Integer.toString(function.memoryMb());
            case "_HANDLER" -> function.handlerClass() + "::" + function.handlerMethod();
            case "TZ" -> ":UTC";
            default -> "/aws/lambda/wifi-test-" + function.logicalId();
        };
    }

    /** What CloudFormation would substitute in a stack named wifi-test: parameter defaults, names, URLs and ARNs. */
    private static final SamTemplate.Bindings DEPLOYED = new SamTemplate.Bindings() {
        @Override
        public String ref(String name) {
            return switch (name) {
                case "AWS::StackName" -> "wifi-test";
                case "AWS::Region" -> "af-south-1";
                case "AWS::AccountId" -> "123456789012";
                case "AWS::Partition" -> "aws";
                case "AWS::URLSuffix" -> "amazonaws.com";
                default -> {
                    String type = TEMPLATE.resourceTypes().get(name);
                    if (type == null) yield SUPPLIED_AT_DEPLOY.getOrDefault(name, TEMPLATE.parameterDefaults().getOrDefault(name, ""));
                    yield switch (type) {
                        case "AWS::SQS::Queue" -> "https://sqs.af-south-1.amazonaws.com/123456789012/wifi-test-" + name;
                        case "AWS::DynamoDB::Table" -> "wifi-test-" + name;
                        default -> name;
                    };
                }
            };
        }

        @Override
        public String getAtt(String resource, String attribute) {
            return switch (attribute) {
                case "Arn" -> "arn:aws:" + TEMPLATE.resourceTypes().get(resource).split("::")[1].toLowerCase()
                        + ":af-south-1:123456789012:wifi-test-" + resource;
                case "QueueName" -> "wifi-test-" + resource;
                default -> resource + "." + attribute;
            };
        }
    };
}
