package com.wifibilling.local;

import com.wifibilling.core.gateway.RadiusClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FreeRADIUS 3.2 with rlm_rest as a child process of the local runtime (DESIGN §9), when the {@code freeradius}
 * binary is installed: {@code config/freeradius} rendered into a temporary directory with one client per gateway,
 * listening on 127.0.0.1 (auth on {@code authPort}, accounting on the next port), run in the foreground and never
 * as a service. Without the binary the runtime says how to install it and runs without RADIUS.
 */
final class LocalFreeRadius implements AutoCloseable {
    static final String INSTALL_HINT = "apt-get install freeradius freeradius-rest freeradius-utils";
    private static final Duration READY_WITHIN = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(LocalFreeRadius.class);

    private final Process process;
    private final Path dir;
    private final int authPort;

    private LocalFreeRadius(Process process, Path dir, int authPort) {
        this.process = process;
        this.dir = dir;
        this.authPort = authPort;
    }

    /** Returns the running server, or empty (logged, with the install hint) when FreeRADIUS is not installed or cannot start. */
    static Optional<LocalFreeRadius> start(Path home, Optional<Integer> fixedAuthPort, URI api, String apiToken,
                                           List<RadiusClients.Client> clients) {
        if (!installed()) {
            log.atWarn().addKeyValue("install", INSTALL_HINT).log("local.freeradius.absent: running without RADIUS");
            return Optional.empty();
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("wb-freeradius-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int authPort = fixedAuthPort.orElseGet(LocalFreeRadius::freePortPair);
        Map<String, String> environment = FreeRadiusConfig.render(home.resolve("config/freeradius"), dir.resolve("raddb"), clients, api,
                apiToken, "127.0.0.1", authPort);
        Path output = dir.resolve("freeradius.log");
        try {
            var builder = new ProcessBuilder("freeradius", "-d", dir.resolve("raddb").toString(), "-f", "-l", "stdout")
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            var server = new LocalFreeRadius(builder.start(), dir, authPort);
            if (server.awaitReady(output)) return Optional.of(server);
            log.atWarn().addKeyValue("log", output.toString()).log("local.freeradius.failed-to-start: running without RADIUS");
            server.close();
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated clients.conf (owner-only: it holds the gateways' secrets). */
    Path clientsConf() {
        return dir.resolve("raddb/clients.conf");
    }

    int authPort() {
        return authPort;
    }

    int acctPort() {
        return authPort + 1;
    }

    private boolean awaitReady(Path output) {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        try {
            while (Instant.now().isBefore(deadline)) {
                if (Files.exists(output) && Files.readString(output).contains("Ready to process requests")) return true;
                if (!process.isAlive()) return false;
                Thread.sleep(50);
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Asks the system for {@code freeradius -v}: the same lookup the start will do, so no PATH parsing of our own. */
    private static boolean installed() {
        try {
            Process version = new ProcessBuilder("freeradius", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return version.waitFor(5, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (var first = new DatagramSocket(0)) {
                int port = first.getLocalPort();
                if (port >= 65535) continue;
                try (var second = new DatagramSocket(port + 1)) {
                    return port;
                } catch (SocketException taken) {
                    // the next port is in use: try another pair
                }
            } catch (SocketException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No two free consecutive UDP ports for FreeRADIUS");
    }

    /** Stops the server (only the process this runtime started) and removes its generated config, secrets included. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        } catch (IOException e) {
            log.atWarn().addKeyValue("dir", dir.toString()).log("local.freeradius.cleanup-failed");
        }
    }
}
