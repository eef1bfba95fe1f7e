package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SamTemplate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After close() nothing is left: no dynalite child process, every port the runtime held (the Daraja simulator's
 * too) is free again, and the state file tools found it by is gone. Ctrl-C and SIGTERM reach close() through
 * LocalRuntimeMain's shutdown hook.
 */
class ShutdownTest {
    @Test
    void closeStopsTheDynaliteChildFreesThePortsAndDeletesTheStateFile() throws Exception {
        Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        LocalRuntime runtime = TestRuntimes.start();
        List<ProcessHandle> started = ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).toList();
        assertEquals(1, started.size(), "the runtime starts exactly one child process");
        assertTrue(started.getFirst().info().commandLine().orElse("").contains("dynalite"));
        assertEquals(200, new LocalApi(runtime).get("/api/health").statusCode()); // a connection was open too
        int api = runtime.port();
        int dynamoDb = runtime.dynamoDbEndpoint().getPort();
        int sqs = runtime.sqsEndpoint().getPort();
        int daraja = runtime.darajaBaseUri().getPort();
        Path stateFile = LocalRuntimeState.file(RepoPaths.home(), api);
        assertEquals(Optional.of(stateFile), runtime.stateFile());
        assertEquals(new LocalRuntimeState(runtime.baseUri(), runtime.dynamoDbEndpoint(), runtime.sqsEndpoint(), "af-south-1",
                LocalResources.of(SamTemplate.load(RepoPaths.template()), Map.of()).tableNames(), ProcessHandle.current().pid()),
                LocalRuntimeState.read(stateFile).orElseThrow());
        assertFalse(Files.readString(stateFile).contains("SECRET"), "addresses and names only");

        runtime.close();

        assertFalse(started.getFirst().isAlive(), "no orphan node process");
        assertFalse(Files.exists(stateFile), "tools no longer find it");
        assertEquals(Optional.empty(), runtime.stateFile());
        for (int port : List.of(api, dynamoDb, sqs, daraja)) assertDoesNotThrow(() -> bindAndRelease(port), "port " + port + " is free");
        assertDoesNotThrow(runtime::close, "closing twice is harmless");
    }

    @Test
    void takenPortIsReportedWithWhatToDo() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var failure = assertThrows(StartFailure.class, () -> LocalRuntime.start(
                    LocalOptions.parse(new String[] {"--port", Integer.toString(taken.getLocalPort())},
                            Optional.of(RepoPaths.home().toString())),
                    Env.of(Map.of())));
            assertTrue(failure.getMessage().contains("Port " + taken.getLocalPort() + " is already in use"));
            assertTrue(failure.getMessage().contains("--port"));
        }
    }

    @Test
    void startThatFailsHalfwayLeavesNoChildProcessBehind(@TempDir Path home) throws Exception {
        Path repo = RepoPaths.home();
        Files.createSymbolicLink(home.resolve("template.yaml"), repo.resolve("template.yaml"));
        Files.createDirectories(home.resolve("local-runtime"));
        Files.createSymbolicLink(home.resolve("local-runtime/node_modules"), repo.resolve("local-runtime/node_modules"));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/packages.json"), "{not json");
        Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());

        var failure = assertThrows(ConfigException.class, () -> LocalRuntime.start(
                LocalOptions.parse(new String[] {"--port", "0", "--home", home.toString()}, Optional.empty()),
                Env.of(Map.of())));

        assertTrue(failure.getMessage().contains("packages.json"));
        assertEquals(List.of(), ProcessHandle.current().children().filter(p -> !before.contains(p.pid()) && p.isAlive()).toList(),
                "dynalite was stopped again");
    }

    private static void bindAndRelease(int port) throws IOException {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, socket.getLocalPort());
        }
    }
}
