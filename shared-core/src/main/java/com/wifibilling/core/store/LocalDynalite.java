package com.wifibilling.core.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Returns a running dynalite (npm {@code dynalite}, Apache-2.0: the DynamoDB API on LevelDB) as a child Node
 * process on a free loopback port: the local DynamoDB engine of the local runtime and of the tests (DESIGN §9).
 * In memory unless a data directory is given. Lambda never loads this class. AWS's DynamoDB Local is not used:
 * its licence is not open source.
 */
public final class LocalDynalite implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private final Process process;
    private final URI endpoint;

    private LocalDynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * Starts dynalite from {@code <home>/local-runtime/node_modules}; {@code dataDir} persists tables across
     * restarts. Fails with a message saying how to install it when the npm package is missing.
     */
    public static LocalDynalite start(Path home, Optional<Path> dataDir) {
        Path cli = home.resolve("local-runtime/node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli))
            throw new IllegalStateException("dynalite is not installed: run `npm ci` in " + home.resolve("local-runtime")
                    + " (scripts/run-local and scripts/test do this for you)");
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken between probe and bind
            int port = freePort();
            List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
            dataDir.ifPresent(dir -> {
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot create data directory " + dir, e);
                }
                command.addAll(List.of("--path", dir.toAbsolutePath().toString()));
            });
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                if (awaitListening(process)) return new LocalDynalite(process, URI.create("http://127.0.0.1:" + port));
                process.destroyForcibly();
                last = new IllegalStateException("dynalite did not start on port " + port);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start node (Node.js 20 or newer is needed)", e);
            }
        }
        throw last;
    }

    /** Returns the endpoint the SDK's {@code endpointOverride} takes. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitListening(Process process) {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var listening = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.contains("listening at")) {
                        drainInBackground(reader);
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            return listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Keeps reading dynalite's output so a full pipe never blocks it. */
    private static void drainInBackground(BufferedReader reader) {
        Thread.ofVirtual().name("dynalite-output").start(() -> {
            try {
                while (reader.readLine() != null) { /* discard */ }
            } catch (IOException ignored) {
                // the process ended; nothing left to read
            }
        });
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
