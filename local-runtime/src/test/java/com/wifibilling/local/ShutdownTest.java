package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** After close() nothing is left: no dynalite child process, and every port the runtime held is free again. */
class ShutdownTest {
    @Test
    void closeStopsTheDynaliteChildAndFreesThePorts() throws Exception {
        Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        LocalRuntime runtime = TestRuntimes.start();
        List<ProcessHandle> started = ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).toList();
        assertEquals(1, started.size(), "the runtime starts exactly one child process");
        assertTrue(started.getFirst().info().commandLine().orElse("").contains("dynalite"));
        assertEquals(200, new LocalApi(runtime).get("/api/health").statusCode()); // a connection was open too
        int api = runtime.port();
        int dynamoDb = runtime.dynamoDbEndpoint().getPort();
        int sqs = runtime.sqsEndpoint().getPort();

        runtime.close();

        assertFalse(started.getFirst().isAlive(), "no orphan node process");
        for (int port : List.of(api, dynamoDb, sqs)) assertDoesNotThrow(() -> bindAndRelease(port), "port " + port + " is free");
        assertDoesNotThrow(runtime::close, "closing twice is harmless");
    }

    @Test
    void takenPortIsReportedWithWhatToDo() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var failure = org.junit.jupiter.api.Assertions.assertThrows(StartFailure.class, () -> LocalRuntime.start(
                    LocalOptions.parse(new String[] {"--port", Integer.toString(taken.getLocalPort())},
                            java.util.Optional.of(com.wifibilling.core.RepoPaths.home().toString())),
                    com.wifibilling.core.config.Env.of(java.util.Map.of())));
            assertTrue(failure.getMessage().contains("Port " + taken.getLocalPort() + " is already in use"));
            assertTrue(failure.getMessage().contains("--port"));
        }
    }

    private static void bindAndRelease(int port) throws IOException {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, socket.getLocalPort());
        }
    }
}
