package com.wifibilling.local.cli;

import com.wifibilling.core.config.Env;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code scripts/seed-packages} is asked to do: which packages file, into which table — the local runtime's
 * on {@code --port} (the default), or a table named with {@code --table} in AWS ({@code --aws}) or at another
 * DynamoDB endpoint ({@code --endpoint-url}) — and whether packages that differ are overwritten.
 */
record SeedOptions(Path file, Target target, boolean update, boolean help) {
    static final String USAGE = """
            Usage: scripts/seed-packages [options]

            Loads the packages file into the Packages table, create-if-absent: a package that is already there
            is kept as it is (and reported when it differs from the file) unless --update is given. Never deletes.

            Where (default: the local runtime scripts/run-local started on port 3000):
              --port N            the local runtime whose API listens on port N (default 3000)
              --aws               a table in AWS, with the default credentials chain; needs --table
              --table NAME        that table's name, e.g. wifibilling-dev-Packages
              --region R          its region (default: AWS_REGION, else AWS_DEFAULT_REGION)
              --endpoint-url URL  a table at another DynamoDB endpoint (any local engine), with static dummy
                                  credentials as DYNAMODB_ENDPOINT gets; needs --table
            What:
              --file PATH         the packages file (default: <home>/config/packages.json)
              --update            write the file's version of packages that differ
              --home DIR          repository root (default: -Dwifibilling.home, else the current directory)
              --help              show this text
            """;

    /** Where the packages go. */
    sealed interface Target permits RunningRuntime, NamedTable {}

    /** The local runtime whose API listens on {@code port}, found through its state file under {@code home}. */
    record RunningRuntime(Path home, int port) implements Target {}

    /** A named table; no endpoint means AWS itself, reached with the default credentials chain. */
    record NamedTable(String name, String region, Optional<URI> endpoint) implements Target {}

    /** Returns the options; {@code defaultHome} is the {@code wifibilling.home} property, {@code env} supplies the region. */
    static SeedOptions parse(String[] args, Optional<String> defaultHome, Env env) {
        Path home = Path.of(defaultHome.orElse(""));
        Path file = null;
        Integer port = null;
        boolean aws = false;
        String table = null;
        String region = null;
        URI endpoint = null;
        boolean update = false;
        boolean help = false;
        var line = new CommandLine(args);
        while (line.next()) {
            switch (line.name()) {
                case "--help", "-h" -> help = line.flag();
                case "--file" -> file = Path.of(line.value());
                case "--port" -> port = line.number(1, 65_535);
                case "--aws" -> aws = line.flag();
                case "--table" -> table = line.value();
                case "--region" -> region = line.value();
                case "--endpoint-url" -> endpoint = line.httpUri();
                case "--update" -> update = line.flag();
                case "--home" -> home = Path.of(line.value());
                default -> throw line.unknown();
            }
        }
        home = home.toAbsolutePath().normalize();
        file = (file == null ? home.resolve("config/packages.json") : file).toAbsolutePath().normalize();
        if (help) return new SeedOptions(file, new RunningRuntime(home, LocalRuntimeFinder.DEFAULT_PORT), update, true);

        boolean named = aws || endpoint != null;
        if (!named) {
            if (table != null) throw new UsageException("--table needs --aws or --endpoint-url (a local runtime knows its own table)");
            if (region != null) throw new UsageException("--region needs --aws or --endpoint-url");
            return new SeedOptions(file, new RunningRuntime(home, port == null ? LocalRuntimeFinder.DEFAULT_PORT : port), update, false);
        }
        String option = aws ? "--aws" : "--endpoint-url";
        if (port != null) throw new UsageException("--port picks a local runtime; it does not go with " + option);
        if (table == null) throw new UsageException(option + " needs --table NAME (e.g. wifibilling-dev-Packages)");
        String resolved = Optional.ofNullable(region).or(() -> env.optional("AWS_REGION")).or(() -> env.optional("AWS_DEFAULT_REGION"))
                .orElseThrow(() -> new UsageException(option + " needs --region R, or AWS_REGION or AWS_DEFAULT_REGION in the environment"));
        return new SeedOptions(file, new NamedTable(table, resolved, Optional.ofNullable(endpoint)), update, false);
    }
}
