package com.wifibilling.core.radius;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real FreeRADIUS 3.2 as a gateway's CoA/Disconnect listener (the RECIPES.md recipe, contracts/gateways.md §8): a
 * copy of /etc/freeradius/3.0 in {@code dir}, a {@code coa} site on a free loopback port that ACKs everything
 * except {@code Acct-Session-Id "gone"} (NAK, Error-Cause 503) {@code "gone406"} (NAK 406, as RouterOS answers) and {@code "refuse-coa"} (CoA-NAK 401; Disconnects ACKed), one client (127.0.0.1) with {@code secret}, run in
 * the foreground with {@code -X} as a child process and stopped by {@link #close()}. The debug log goes to a file
 * in {@code dir}, to assert what FreeRADIUS decoded. Needs root, like the stock config, and the {@code freeradius} binary: without it
 * this fails, because CI installs it (.ci/run) and a skipped gateway test would hide a broken codec.
 */
public final class FreeRadiusDas implements AutoCloseable {
    private static final Path STOCK_CONFIG = Path.of("/etc/freeradius/3.0");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private final Process process;
    private final int port;
    private final Path logFile;

    private FreeRadiusDas(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    public static FreeRadiusDas start(Path dir, String secret) throws IOException, InterruptedException {
        if (!installed() || !Files.isDirectory(STOCK_CONFIG))
            throw new IllegalStateException("FreeRADIUS is not installed: apt-get install freeradius freeradius-utils"
                    + " (the CoA integration tests need the freeradius binary and " + STOCK_CONFIG + ")");
        copyStockConfig(dir);
        Files.writeString(dir.resolve("clients.conf"), "client billing {\n\tipaddr = 127.0.0.1\n\tsecret = " + secret + "\n}\n");
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken between probe and bind
            int port = freeUdpPort();
            Files.writeString(dir.resolve("sites-enabled/coa"), site(port));
            Path logFile = dir.resolve("radius-" + port + ".log"); // a file: piped stdout is block-buffered, a log file is not
            var das = new FreeRadiusDas(new ProcessBuilder("freeradius", "-d", dir.toString(), "-X", "-l", logFile.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start(), port, logFile);
            if (das.awaitReady()) return das;
            das.close();
            last = new IllegalStateException("FreeRADIUS did not start on port " + port + ":\n" + String.join("\n", das.log()));
        }
        throw last;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** Returns the lines of the debug log so far. */
    public List<String> log() {
        try {
            return Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    private boolean awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().stream().anyMatch(line -> line.contains("Ready to process requests"))) return true;
            if (!process.isAlive()) return false;
            Thread.sleep(50);
        }
        return false;
    }

    /** The stock coa site, on our port, plus the contract's NAK rule (§8); one item per line, as FreeRADIUS wants. */
    private static String site(int port) {
        return """
                listen {
                \ttype = coa
                \tipaddr = 127.0.0.1
                \tport = %d
                \tvirtual_server = coa
                }
                server coa {
                \trecv-coa {
                \t\tif (&Acct-Session-Id == "gone") {
                \t\t\tupdate reply {
                \t\t\t\t&Error-Cause := Session-Context-Not-Found
                \t\t\t}
                \t\t\treject
                \t\t}
                \t\tif ((&Acct-Session-Id == "refuse-coa") && (&Packet-Type == CoA-Request)) {
                \t\t\tupdate reply {
                \t\t\t\t&Error-Cause := Unsupported-Attribute
                \t\t\t}
                \t\t\treject
                \t\t}
                \t\tif (&Acct-Session-Id == "gone406") {
                \t\t\tupdate reply {
                \t\t\t\t&Error-Cause := Unsupported-Extension
                \t\t\t}
                \t\t\treject
                \t\t}
                \t\tok
                \t}
                \tsend-coa {
                \t\tok
                \t}
                }
                """.formatted(port);
    }

    private static void copyStockConfig(Path dir) throws IOException, InterruptedException {
        // cp keeps the relative symlinks of mods-enabled/ and sites-enabled/; FreeRADIUS reads some files after
        // switching to the freerad user, hence a+rX on the copy (and on the @TempDir, which is 0700).
        run("cp", "-r", STOCK_CONFIG + "/.", dir.toString());
        run("chmod", "-R", "a+rX", dir.toString());
        try (Stream<Path> sites = Files.list(dir.resolve("sites-enabled"))) {
            for (Path site : sites.toList()) Files.delete(site);
        }
        Files.deleteIfExists(dir.resolve("mods-enabled/eap")); // needs certificates we do not have
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0)
            throw new IllegalStateException(String.join(" ", command) + " failed (the stock config is root only): " + output);
    }

    /** True if {@code freeradius} runs from PATH (ProcessBuilder searches it, so no environment is read here). */
    private static boolean installed() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("freeradius", "-v").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor() == 0;
        } catch (IOException notOnPath) {
            return false;
        }
    }

    private static int freeUdpPort() {
        try (var socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
