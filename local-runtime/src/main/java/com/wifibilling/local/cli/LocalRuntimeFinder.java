package com.wifibilling.local.cli;

import com.wifibilling.local.LocalRuntimeState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Finds the local runtime scripts/run-local started on a port: its state file ({@link LocalRuntimeState}) names
 * it, the process that wrote the file is alive, and the endpoint the tool needs answers. Otherwise it says how
 * to start one, and what the tool can talk to instead.
 */
final class LocalRuntimeFinder {
    static final int DEFAULT_PORT = 3000;
    private static final int PROBE_TIMEOUT_MILLIS = 1000;

    private LocalRuntimeFinder() {}

    /**
     * Returns the state of the runtime whose API listens on {@code port} under {@code home}; {@code endpointName}
     * and {@code endpoint} pick the address that must answer ({@code "DynamoDB endpoint"}, {@code state.dynamodb()}),
     * and {@code otherwise} ends the error ({@code "or pass --api URL for a deployed API"}).
     */
    static LocalRuntimeState find(Path home, int port, String otherwise, String endpointName, Function<LocalRuntimeState, URI> endpoint) {
        Path file = LocalRuntimeState.file(home, port);
        LocalRuntimeState state = LocalRuntimeState.read(file).orElseThrow(() -> new NoLocalRuntime(port, otherwise, ""));
        if (!state.pidAlive())
            throw new NoLocalRuntime(port, otherwise, file + " was left by process " + state.pid() + ", which has ended");
        URI address = endpoint.apply(state);
        if (!answers(address)) throw new NoLocalRuntime(port, otherwise, "its " + endpointName + " " + address + " does not answer");
        return state;
    }

    private static boolean answers(URI endpoint) {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** No runtime answers on that port; the message says how to start one. */
    static final class NoLocalRuntime extends RuntimeException {
        NoLocalRuntime(int port, String otherwise, String why) {
            super("No local runtime on port " + port + ": start it with ./scripts/run-local" + (port == DEFAULT_PORT ? "" : " --port " + port)
                    + " (" + otherwise + ")" + (why.isEmpty() ? "" : "; " + why));
        }
    }
}
