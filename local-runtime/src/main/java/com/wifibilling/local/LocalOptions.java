package com.wifibilling.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code scripts/run-local} passes on: the API port (3000 unless told; 0 picks a free one), where the
 * repository is ({@code --home}, for template.yaml, config/ and the dynalite npm folder), which template to run,
 * an optional data directory that keeps tables and generated secrets across restarts, the multiplier of every
 * schedule's period, the Daraja simulator's time scale (contracts/daraja.md §10.4), and FreeRADIUS's port (or none).
 */
public record LocalOptions(int port, Path home, Path template, Optional<Path> dataDir, double scheduleScale,
                           double darajaTimeScale, boolean help, Optional<Integer> radiusPort, boolean radius) {
    public static final int DEFAULT_PORT = 3000;
    public static final double DEFAULT_DARAJA_TIME_SCALE = 1.0;

    public static final String USAGE = """
            Usage: scripts/run-local [options]

            Runs every function of template.yaml on this machine: dynalite (DynamoDB), ElasticMQ (SQS),
            the HTTP API on http://localhost:<port>/api and a Daraja (M-Pesa) simulator.

              --port N         HTTP port of the API (default 3000; 0 picks a free port)
              --data-dir DIR   keep tables and generated secrets in DIR across restarts
                               (default: in memory, gone when the runtime stops)
              --template PATH  SAM template to run (default: <home>/template.yaml)
              --home DIR       repository root (default: -Dwifibilling.home, else the current directory)
              --schedule-scale X
                               multiply every schedule's period (default 1; 0.01 runs a one-minute
                               schedule such as the sweeper every 0.6 s, for tests and demos)
              --daraja-time-scale X
                               multiply the Daraja simulator's delays by X (default 1.0; 0.1 turns
                               the 60 s PIN timeout into 6 s)
              --radius-port N  FreeRADIUS listens on 127.0.0.1 port N (auth) and N+1 (accounting)
                               (default: two free ports; FreeRADIUS starts only when it is installed)
              --no-radius      do not start FreeRADIUS even when it is installed
              --help           show this text
            """;

    /** Returns the options; {@code defaultHome} is the {@code wifibilling.home} system property, if set. */
    public static LocalOptions parse(String[] args, Optional<String> defaultHome) {
        int port = DEFAULT_PORT;
        Path home = Path.of(defaultHome.orElse("")).toAbsolutePath().normalize();
        Path template = null;
        Path dataDir = null;
        double scheduleScale = 1.0;
        double darajaTimeScale = DEFAULT_DARAJA_TIME_SCALE;
        boolean help = false;
        Integer radiusPort = null;
        boolean radius = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) { // --port=3001 as well as --port 3001
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--port" -> port = port(value != null ? value : next(args, ++i, name));
                case "--data-dir" -> dataDir = Path.of(value != null ? value : next(args, ++i, name));
                case "--template" -> template = Path.of(value != null ? value : next(args, ++i, name));
                case "--home" -> home = Path.of(value != null ? value : next(args, ++i, name));
                case "--schedule-scale" -> scheduleScale = scale(name, value != null ? value : next(args, ++i, name));
                case "--daraja-time-scale" -> darajaTimeScale = scale(name, value != null ? value : next(args, ++i, name));
                case "--radius-port" -> radiusPort = port(value != null ? value : next(args, ++i, name));
                case "--no-radius" -> radius = false;
                default -> throw new UsageException("Unknown option " + arg);
            }
        }
        home = home.toAbsolutePath().normalize();
        template = (template == null ? home.resolve("template.yaml") : template).toAbsolutePath().normalize();
        if (!help && !Files.isRegularFile(template))
            throw new UsageException("Cannot find " + template + ": run from the repository root, or pass --home DIR or --template PATH");
        return new LocalOptions(port, home, template,
                Optional.ofNullable(dataDir).map(dir -> dir.toAbsolutePath().normalize()), scheduleScale, darajaTimeScale, help,
                Optional.ofNullable(radiusPort).filter(p -> p > 0), radius);
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--"))
            throw new UsageException(option + " needs a value");
        return args[index];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) return port;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException("--port needs a number from 0 to 65535, not " + text);
    }

    /** Returns a time multiplier above 0 and at most 1000, for {@code --schedule-scale} and {@code --daraja-time-scale}. */
    private static double scale(String option, String text) {
        try {
            double scale = Double.parseDouble(text);
            if (scale > 0 && scale <= 1000) return scale; // also false for NaN
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException(option + " needs a number above 0 and at most 1000 (e.g. 0.01), not " + text);
    }

    /** The command line is wrong; the message says how, and the caller prints {@link #USAGE}. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
