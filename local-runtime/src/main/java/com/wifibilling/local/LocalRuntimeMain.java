package com.wifibilling.local;

import com.wifibilling.core.config.Env;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code scripts/run-local}'s entry point: parses the options, starts the {@link LocalRuntime}, prints the
 * {@link Banner}, and stops everything on Ctrl-C or SIGTERM through a shutdown hook. Problems the operator can
 * fix (a taken port, a missing {@code npm ci}, a malformed secret) end with one readable line and exit code 1;
 * a wrong command line with the usage and exit code 2.
 */
public final class LocalRuntimeMain {
    private LocalRuntimeMain() {}

    public static void main(String[] args) {
        LocalOptions options;
        try {
            options = LocalOptions.parse(args, Optional.ofNullable(System.getProperty("wifibilling.home")));
        } catch (LocalOptions.UsageException e) {
            System.err.println("run-local: " + e.getMessage());
            System.err.print(LocalOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LocalOptions.USAGE);
            return;
        }

        LocalRuntime runtime = new LocalRuntime(options);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown.set(true);
            runtime.close();
        }, "local-runtime-shutdown"));
        try {
            runtime.boot(Env.system()); // the one reader of the process environment here: the local secrets
        } catch (RuntimeException e) {
            if (shuttingDown.get()) return; // Ctrl-C during start-up: the hook is already stopping everything
            // StartFailure, ConfigException (an IllegalStateException), a missing npm ci or node: one line says it.
            boolean explained = e instanceof StartFailure || e instanceof IllegalStateException || e instanceof UncheckedIOException;
            System.err.println("run-local: could not start: " + e.getMessage()
                    + (e.getCause() != null && explained ? " (" + e.getCause().getMessage() + ")" : ""));
            if (!explained) org.slf4j.LoggerFactory.getLogger(LocalRuntimeMain.class).error("local.start.failed", e);
            System.exit(1);                // runs the hook, which finds nothing left to stop
            return;
        }
        Banner.print(runtime, System.out);
        try {
            runtime.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
