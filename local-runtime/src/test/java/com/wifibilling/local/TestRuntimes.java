package com.wifibilling.local;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.Env;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts the real local runtime the way scripts/run-local does, on a free port and with no process secrets. */
final class TestRuntimes {
    private TestRuntimes() {}

    static LocalRuntime start(String... extraArgs) {
        return start(Env.of(Map.of()), extraArgs);
    }

    /** Starts it with {@code process} as the process environment (ADMIN_PASSWORD, the local secrets). */
    static LocalRuntime start(Env process, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--no-radius")); // FreeRADIUS only where a test asks for it
        args.addAll(List.of(extraArgs));
        return startWithRadius(process, args.toArray(String[]::new));
    }

    /** Starts it as scripts/run-local does, FreeRADIUS included when it is installed. */
    static LocalRuntime startWithRadius(Env process, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(List.of(extraArgs));
        return LocalRuntime.start(LocalOptions.parse(args.toArray(String[]::new), Optional.of(RepoPaths.home().toString())), process);
    }

    static Path testTemplate(String name) {
        return RepoPaths.home().resolve("local-runtime/src/test/resources/templates").resolve(name);
    }
}
