package com.wifibilling.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.Env;
import com.wifibilling.local.LocalOptions;
import com.wifibilling.local.LocalRuntime;
import com.wifibilling.local.LocalRuntimeState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How scripts/seed-packages finds the runtime scripts/run-local started: the state file the runtime writes
 * under {@code <home>/.local-runtime/} once up and deletes when it stops, and what is said when nothing runs.
 */
class LocalRuntimeDiscoveryTest {
    private static final Env NOTHING = Env.of(Map.of());

    @Test
    void aRunningRuntimeIsFoundThroughItsStateFileWhichGoesWhenItStops() throws Exception {
        Path home = RepoPaths.home();
        LocalRuntime runtime = LocalRuntime.start(LocalOptions.parse(new String[] {"--port", "0"}, Optional.of(home.toString())), NOTHING);
        Path file = LocalRuntimeState.file(home, runtime.port());
        try {
            assertEquals(Optional.of(file), runtime.stateFile()); // its content: ShutdownTest
            var seeded = SeedPackagesTest.run(NOTHING, "--home", home.toString(), "--port", Integer.toString(runtime.port()));
            assertEquals(0, seeded.code(), seeded.err());
            assertTrue(seeded.out().contains(" into local-Packages in the local runtime on port " + runtime.port()
                    + " (DynamoDB " + runtime.dynamoDbEndpoint() + ")"), seeded.out());
            assertTrue(seeded.out().endsWith("0 created, 4 kept\n"), "the runtime seeded them already: " + seeded.out());
        } finally {
            runtime.close();
        }
        assertFalse(Files.exists(file), "deleted on close (the shutdown hook of Ctrl-C and SIGTERM calls close)");
        var after = SeedPackagesTest.run(NOTHING, "--home", home.toString(), "--port", Integer.toString(runtime.port()));
        assertEquals(1, after.code());
        assertEquals("seed-packages: No local runtime on port " + runtime.port() + ": start it with ./scripts/run-local --port "
                + runtime.port() + " (or pass --aws --table NAME for a table in AWS)\n", after.err());
    }

    @Test
    void noStateFileOnTheDefaultPortSaysHowToStartOne(@TempDir Path home) {
        var run = SeedPackagesTest.run(NOTHING, "--home", home.toString(), "--file", RepoPaths.home().resolve("config/packages.json").toString());
        assertEquals(1, run.code());
        assertEquals("seed-packages: No local runtime on port 3000: start it with ./scripts/run-local "
                + "(or pass --aws --table NAME for a table in AWS)\n", run.err());
    }

    @Test
    void aStateFileLeftByAKilledRuntimeIsNotTrusted(@TempDir Path home) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path file = LocalRuntimeState.file(home, 3000);
        state(ended.pid(), URI.create("http://127.0.0.1:1")).write(file);
        var run = SeedPackagesTest.run(NOTHING, "--home", home.toString(), "--file", RepoPaths.home().resolve("config/packages.json").toString());
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("seed-packages: No local runtime on port 3000: start it with ./scripts/run-local"), run.err());
        assertTrue(run.err().endsWith("; " + file + " was left by process " + ended.pid() + ", which has ended\n"), run.err());
    }

    @Test
    void aLiveProcessWhoseDynamoDbDoesNotAnswerIsNotARuntime(@TempDir Path home) throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + freePort());
        state(ProcessHandle.current().pid(), closed).write(LocalRuntimeState.file(home, 3001));
        var run = SeedPackagesTest.run(NOTHING, "--home", home.toString(), "--port", "3001",
                "--file", RepoPaths.home().resolve("config/packages.json").toString());
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("seed-packages: No local runtime on port 3001: start it with ./scripts/run-local --port 3001"), run.err());
        assertTrue(run.err().endsWith("; its DynamoDB endpoint " + closed + " does not answer\n"), run.err());
    }

    private static LocalRuntimeState state(long pid, URI dynamoDb) {
        return new LocalRuntimeState(URI.create("http://127.0.0.1:3000"), dynamoDb, URI.create("http://127.0.0.1:2"), "af-south-1",
                Map.of("PackagesTable", "local-Packages"), pid);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
