package com.wifibilling.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SamTemplate.FunctionSpec;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One function of template.yaml, run as Lambda runs it: the handler class is built through its public
 * {@code (Env)} constructor on the first invocation (the cold start, once), and every later invocation reuses
 * it (warm). A failed INIT is tried again on the next invocation, as Lambda does. Each invocation gets a
 * {@link LocalContext} and is cut off at the template's Timeout; after a timeout the next invocation is cold
 * again, because Lambda replaces a timed-out execution environment. Unlike Lambda, one instance serves
 * concurrent invocations: handlers are built to allow that (STYLE §9).
 */
final class FunctionHost {
    private static final Logger log = LoggerFactory.getLogger(FunctionHost.class);

    private final FunctionSpec spec;
    private final Env env;
    private final ReentrantLock initLock = new ReentrantLock(); // virtual threads may wait on it without pinning
    private volatile RequestHandler<Object, Object> handler;

    FunctionHost(FunctionSpec spec, Env env) {
        this.spec = spec;
        this.env = env;
    }

    String name() {
        return spec.logicalId();
    }

    FunctionSpec spec() {
        return spec;
    }

    Env env() {
        return env;
    }

    boolean isWarm() {
        return handler != null;
    }

    /** Returns the handler's answer; throws {@link InvocationFailure} when INIT fails, the handler throws or times out. */
    Object invoke(Object event) throws InvocationFailure {
        RequestHandler<Object, Object> target = warmOrInit();
        LocalContext context = new LocalContext(spec.logicalId(), spec.memoryMb(), spec.timeoutSeconds());
        FutureTask<Object> invocation = new FutureTask<>(() -> target.handleRequest(event, context));
        Thread.ofVirtual().name("lambda-" + spec.logicalId()).start(invocation);
        try {
            return invocation.get(spec.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            invocation.cancel(true);
            handler = null; // Lambda throws the environment away; the next invocation starts cold
            log.atError().addKeyValue("function", name()).addKeyValue("requestId", context.getAwsRequestId())
                    .log("Task timed out after " + spec.timeoutSeconds() + " seconds");
            throw new InvocationFailure(name() + " timed out after " + spec.timeoutSeconds() + " s", null);
        } catch (ExecutionException e) {
            log.atError().addKeyValue("function", name()).addKeyValue("requestId", context.getAwsRequestId())
                    .setCause(e.getCause()).log("local.function.failed");
            throw new InvocationFailure(name() + " threw " + e.getCause().getClass().getSimpleName(), e.getCause());
        } catch (InterruptedException e) {
            invocation.cancel(true);
            Thread.currentThread().interrupt();
            throw new InvocationFailure(name() + " was interrupted (shutting down)", e);
        }
    }

    private RequestHandler<Object, Object> warmOrInit() throws InvocationFailure {
        RequestHandler<Object, Object> current = handler;
        if (current != null) return current;
        initLock.lock();
        try {
            if (handler == null) {
                long start = System.nanoTime();
                handler = instantiate();
                log.atInfo().addKeyValue("function", name()).addKeyValue("initMs", (System.nanoTime() - start) / 1_000_000)
                        .log("local.function.init");
            }
            return handler;
        } catch (RuntimeException e) {
            log.atError().addKeyValue("function", name()).setCause(e).log("local.function.init.failed");
            throw new InvocationFailure(name() + " failed to initialise: " + e.getMessage(), e);
        } finally {
            initLock.unlock();
        }
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<Object, Object> instantiate() {
        if (!spec.handlerMethod().equals("handleRequest"))
            throw new ConfigException(name() + ": local-runtime runs RequestHandler classes (Handler: Class::handleRequest)");
        Object instance;
        try {
            Class<?> type = Class.forName(spec.handlerClass(), true, Thread.currentThread().getContextClassLoader());
            instance = type.getConstructor(Env.class).newInstance(env);
        } catch (ClassNotFoundException e) {
            throw new ConfigException(name() + ": handler class " + spec.handlerClass() + " is not on the class path");
        } catch (NoSuchMethodException e) {
            throw new ConfigException(name() + ": " + spec.handlerClass() + " has no public (Env) constructor (STYLE §1)");
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause; // e.g. ConfigException naming a variable
            throw new IllegalStateException(name() + ": INIT failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(name() + ": cannot construct " + spec.handlerClass(), e);
        }
        if (!(instance instanceof RequestHandler<?, ?>))
            throw new ConfigException(name() + ": " + spec.handlerClass() + " is not a RequestHandler");
        return (RequestHandler<Object, Object>) instance;
    }

    /** The invocation did not return an answer: INIT failed, the handler threw, or it ran out of time. */
    static final class InvocationFailure extends Exception {
        InvocationFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
