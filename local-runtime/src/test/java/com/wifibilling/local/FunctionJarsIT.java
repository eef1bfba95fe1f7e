package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.config.SamTemplate.FunctionSpec;
import com.wifibilling.local.coldstart.FreshJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function of template.yaml starts from its deployable jar alone and answers one event, as in Lambda: a fresh
 * JVM whose class path is {@code <CodeUri>} (the shaded {@code target/function.jar}) plus a tiny harness, with
 * exactly the environment the function's template entry declares (resolved by a running local runtime: dynalite,
 * ElasticMQ, the Secrets Manager emulator, the Daraja simulator, the local secrets), builds the handler through its
 * public no-arg constructor and invokes it once. No local-runtime or test class is on that class path.
 *
 * <p>An integration test (maven-failsafe, {@code integration-test} phase): the jars are built in {@code package},
 * so {@code ./mvnw install} — scripts/test, CI, the deploy build — packages every function module before this runs.
 * A function this class has no fixture for still gets the harmless event of its kind (see {@link #fixture}).
 */
class FunctionJarsIT {
    private static LocalRuntime runtime;
    private static FreshJvm jvm;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        runtime = TestRuntimes.start();
        jvm = FreshJvm.in(work);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) runtime.close();
    }

    @TestFactory
    Stream<DynamicTest> eachFunctionStartsFromItsJarAndAnswers() {
        List<FunctionSpec> functions = SamTemplate.load(RepoPaths.home().resolve("template.yaml")).functions();
        assertFalse(functions.isEmpty(), "template.yaml declares no function");
        return functions.stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Path jar = RepoPaths.home().resolve(function.codeUri());
            assertTrue(Files.isRegularFile(jar), jar + " is missing: it is built in the package phase (./mvnw install),"
                    + " which runs before this integration test");
            Fixture fixture = fixture(function);
            Map<String, String> event = new LinkedHashMap<>(fixture.event());
            event.putIfAbsent("function", function.logicalId());
            FreshJvm.Run run = jvm.run(jar, function.handlerClass(), runtime.functionEnvironment(function.logicalId()).vars(),
                    event, List.of());
            assertEquals(0, run.exitCode(), () -> function.logicalId() + " did not start or answer: " + run.describe());
            System.out.printf("%s from %s: %s%s, JVM start to answer %d ms (INIT %d ms)%n", function.logicalId(), function.codeUri(),
                    run.get("status"), run.get("batchItemFailures").isEmpty() ? "" : " " + run.get("batchItemFailures"),
                    run.micros("jvmStartToResponseUs") / 1000, run.micros("initUs") / 1000);
            fixture.expect().accept(run);
        }));
    }

    /** One event for a function and what its answer must be. */
    private record Fixture(Map<String, String> event, Consumer<FreshJvm.Run> expect) {}

    /**
     * The documented answer of each function to one harmless event; a function added to template.yaml without an
     * entry here gets the harmless event of its kind: an unparseable SQS message (reported or dropped), the
     * schedule's tick, or an unknown path on the HTTP API (answered, not a 5xx).
     */
    private Fixture fixture(FunctionSpec function) {
        String radiusToken = runtime.secrets().get(LocalSecrets.RADIUS_API_TOKEN);
        return switch (function.logicalId()) {
            case "PaymentApi" -> http(Map.of("method", "GET", "path", "/api/payment/packages"), run -> {
                assertEquals("200", run.get("status"), run::describe);
                assertTrue(run.get("body").contains("\"packageId\":\"basic\""), run::describe); // seeded, read from dynalite
            });
            case "PaymentCallback" -> http(Map.of("method", "POST", "path", "/api/payment/callback/not-the-token",
                    "routeKey", "POST /api/payment/callback/{callbackToken}", "pathParameter.callbackToken", "not-the-token",
                    "header.content-type", "application/json", "body", "{}"),
                    run -> assertEquals("404", run.get("status"), run::describe)); // unknown token: nothing queued
            case "AuthApi" -> http(Map.of("method", "POST", "path", "/api/radius/authorize",
                    "header.content-type", "application/json", "header.x-radius-token", radiusToken,
                    "body", "{\"User-Name\":{\"type\":\"string\",\"value\":[\"no-such-session\"]},"
                            + "\"WB-Gateway-Id\":{\"type\":\"string\",\"value\":[\"default\"]}}"), run -> {
                assertEquals("401", run.get("status"), run::describe); // rlm_rest's reject …
                assertTrue(run.get("body").contains("reply:Reply-Message"), run::describe); // … with the message the router shows
            });
            case "AdminApi" -> http(Map.of("method", "GET", "path", "/api/admin/settings"),
                    run -> assertEquals("401", run.get("status"), run::describe)); // no admin token
            case "GatewayApi" -> http(Map.of("method", "GET", "path", "/api/gateway/sessions", "query.gatewayId", "default"),
                    run -> assertEquals("401", run.get("status"), run::describe)); // no X-Gateway-Key
            default -> byKind(function);
        };
    }

    private static Fixture byKind(FunctionSpec function) {
        if (!function.queues().isEmpty())
            return new Fixture(Map.of("kind", "sqs", "messageId", "cold-start-1",
                    "body", "not json"), run -> {
                assertEquals("batch", run.get("status"), run::describe);
                // Reported for a retry and the DLQ, or dropped as poison: either way an answer of the batch's shape.
                assertTrue(List.of("", "cold-start-1").contains(run.get("batchItemFailures")), run::describe);
            });
        if (!function.schedules().isEmpty())
            return new Fixture(Map.of("kind", "schedule"),
                    run -> assertEquals("null", run.get("status"), run::describe));
        return http(Map.of("method", "GET", "path", "/api/cold-start-unknown"), run -> {
            int status = Integer.parseInt(run.get("status"));
            assertTrue(status >= 200 && status < 500, run::describe);
        });
    }

    private static Fixture http(Map<String, String> request, Consumer<FreshJvm.Run> expect) {
        var event = new LinkedHashMap<>(request);
        event.put("kind", "http");
        return new Fixture(event, expect);
    }
}
