package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SamTemplate.FunctionSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lambda's life cycle as FunctionHost plays it: INIT once and lazily, warm after, cut off at the Timeout. */
class FunctionHostTest {
    /** Counts its INITs; answers with what it was given and what its Context says. */
    public static final class EchoHandler implements RequestHandler<Object, String> {
        static final AtomicInteger INITS = new AtomicInteger();
        private final String stage;

        public EchoHandler(Env env) {
            INITS.incrementAndGet();
            stage = env.require("STAGE");
        }

        @Override
        public String handleRequest(Object input, Context context) {
            if ("sleep".equals(input)) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if ("throw".equals(input)) throw new IllegalStateException("boom");
            return stage + "|" + input + "|" + context.getFunctionName() + "|" + context.getMemoryLimitInMB() + "|"
                    + (context.getRemainingTimeInMillis() > 0) + "|" + context.getAwsRequestId().length();
        }
    }

    /** Its INIT fails while {@code broken} is set, like a function missing a variable. */
    public static final class FlakyInitHandler implements RequestHandler<Object, String> {
        static volatile boolean broken = true;

        public FlakyInitHandler(Env env) {
            if (broken) throw new ConfigException("Missing environment variable SOMETHING");
        }

        @Override
        public String handleRequest(Object input, Context context) {
            return "ok";
        }
    }

    @Test
    void initRunsOnceOnTheFirstInvocationAndLaterOnesAreWarm() throws Exception {
        EchoHandler.INITS.set(0);
        var host = host(EchoHandler.class, 3);
        assertFalse(host.isWarm(), "nothing is built before the first invocation");
        assertEquals(0, EchoHandler.INITS.get());
        assertEquals("test|a|Echo|256|true|36", host.invoke("a"));
        assertEquals("test|b|Echo|256|true|36", host.invoke("b"));
        assertTrue(host.isWarm());
        assertEquals(1, EchoHandler.INITS.get());
    }

    @Test
    void invocationPastTheTimeoutFailsAndTheNextOneStartsCold() throws Exception {
        EchoHandler.INITS.set(0);
        var host = host(EchoHandler.class, 1);
        long start = System.nanoTime();
        var failure = assertThrows(FunctionHost.InvocationFailure.class, () -> host.invoke("sleep"));
        assertTrue(failure.getMessage().contains("timed out after 1 s"));
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "cut off at the Timeout, not when the handler finished");
        assertFalse(host.isWarm());
        host.invoke("again");
        assertEquals(2, EchoHandler.INITS.get());
    }

    @Test
    void handlerThatThrowsIsAFailedInvocationAndStaysWarm() throws Exception {
        var host = host(EchoHandler.class, 3);
        assertThrows(FunctionHost.InvocationFailure.class, () -> host.invoke("throw"));
        assertTrue(host.isWarm());
    }

    @Test
    void failedInitIsTriedAgainOnTheNextInvocation() throws Exception {
        FlakyInitHandler.broken = true;
        var host = host(FlakyInitHandler.class, 3);
        var failure = assertThrows(FunctionHost.InvocationFailure.class, () -> host.invoke("x"));
        assertTrue(failure.getMessage().contains("SOMETHING"));
        FlakyInitHandler.broken = false;
        assertEquals("ok", host.invoke("x"));
    }

    @Test
    void handlerWithoutAnEnvConstructorIsExplained() {
        var host = new FunctionHost(spec("Broken", String.class.getName(), 3), Env.of(Map.of()));
        var failure = assertThrows(FunctionHost.InvocationFailure.class, () -> host.invoke("x"));
        assertTrue(failure.getMessage().contains("no public (Env) constructor"));
    }

    private static FunctionHost host(Class<?> handler, int timeoutSeconds) {
        return new FunctionHost(spec("Echo", handler.getName(), timeoutSeconds), Env.of(Map.of("STAGE", "test")));
    }

    private static FunctionSpec spec(String id, String handlerClass, int timeoutSeconds) {
        return new FunctionSpec(id, handlerClass, "handleRequest", "x.jar", timeoutSeconds, 256, Map.of(), List.of(), List.of(), List.of());
    }
}
