package com.wifibilling.local.cli;

import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.local.LocalRuntimeState;
import com.wifibilling.local.PackagesFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code scripts/seed-packages}: loads {@code config/packages.json} (or {@code --file}) into the Packages table
 * of the running local runtime (found through its state file, {@link LocalRuntimeState}), or of a table named
 * with {@code --aws}/{@code --endpoint-url}. One line per package ({@code created}, {@code kept (unchanged)},
 * {@code kept (differs: …)}, {@code updated (…)}) and a summary. Exit code 0 when every package was handled, 1
 * with one line on stderr when the file, the runtime or DynamoDB is at fault, 2 with the usage for a wrong
 * command line.
 */
public final class SeedPackages {
    private static final String PACKAGES_TABLE = "PackagesTable";
    private static final String OTHERWISE = "or pass --aws --table NAME for a table in AWS";

    private SeedPackages() {}

    public static void main(String[] args) {
        System.exit(run(args, Optional.ofNullable(System.getProperty("wifibilling.home")), Env.system(), System.out, System.err));
    }

    /** Returns the exit code; {@code env} is read for the region of {@code --aws} only. */
    static int run(String[] args, Optional<String> defaultHome, Env env, PrintStream out, PrintStream err) {
        SeedOptions options;
        try {
            options = SeedOptions.parse(args, defaultHome, env);
        } catch (UsageException e) {
            err.println("seed-packages: " + e.getMessage());
            err.print(SeedOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(SeedOptions.USAGE);
            return 0;
        }
        Destination destination = null;
        try {
            List<TimePackage> packages = PackagesFile.read(options.file()); // a bad file is said before anything is written
            destination = Destination.of(options.target());
            try (DynamoDbClient dynamoDb = destination.client()) {
                seed(packages, new DynamoDbPackageStore(AwsClients.enhanced(dynamoDb), destination.table()), options, destination, out);
            }
            return 0;
        } catch (ResourceNotFoundException e) {
            err.println("seed-packages: there is no table " + destination.table() + " in " + destination.where());
        } catch (SdkException e) {
            err.println("seed-packages: DynamoDB in " + (destination == null ? "?" : destination.where()) + " failed: " + firstLine(e.getMessage()));
        } catch (LocalRuntimeFinder.NoLocalRuntime | IllegalStateException e) { // ConfigException is one: the file, or a malformed state file
            err.println("seed-packages: " + e.getMessage());
        }
        return 1;
    }

    private static void seed(List<TimePackage> packages, DynamoDbPackageStore store, SeedOptions options, Destination destination,
                             PrintStream out) {
        out.println("Seeding " + packages.size() + " package" + (packages.size() == 1 ? "" : "s") + " from " + options.file()
                + " into " + destination.table() + " in " + destination.where());
        int width = packages.stream().mapToInt(p -> p.packageId().length()).max().orElse(0);
        List<PackageSeeding.Result> results = new ArrayList<>();
        for (TimePackage timePackage : packages) {
            PackageSeeding.Result result = PackageSeeding.seed(store, timePackage, options.update());
            results.add(result);
            out.println("  " + String.format(Locale.ROOT, "%-" + width + "s", result.packageId()) + "  " + result.describe());
        }
        out.println(summary(results, options.update()));
    }

    /** Returns {@code 3 created, 1 kept}, with the updated ones under {@code --update} and a hint when some differ. */
    static String summary(List<PackageSeeding.Result> results, boolean update) {
        long created = count(results, PackageSeeding.Outcome.CREATED);
        long differs = count(results, PackageSeeding.Outcome.DIFFERS);
        long kept = count(results, PackageSeeding.Outcome.UNCHANGED) + differs;
        String summary = created + " created, " + kept + " kept";
        if (update) summary += ", " + count(results, PackageSeeding.Outcome.UPDATED) + " updated";
        if (differs > 0) summary += " (" + differs + (differs == 1 ? " differs" : " differ") + " from the file: --update writes the file's version)";
        return summary;
    }

    private static long count(List<PackageSeeding.Result> results, PackageSeeding.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static String firstLine(String message) {
        if (message == null) return "no message";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The table to write, how its client is built ({@link AwsClients}, as the functions build theirs) and how to name it. */
    record Destination(String table, AwsConfig aws, String where) {
        static Destination of(SeedOptions.Target target) {
            return switch (target) {
                case SeedOptions.RunningRuntime runtime -> running(runtime.home(), runtime.port());
                case SeedOptions.NamedTable named -> new Destination(named.name(),
                        new AwsConfig(named.region(), named.endpoint(), Optional.empty()),
                        named.endpoint().map(uri -> uri + " (region " + named.region() + ")").orElse("AWS region " + named.region()));
            };
        }

        /** Returns the local runtime on {@code port}: its state file names it, its pid is alive and its DynamoDB answers. */
        static Destination running(Path home, int port) {
            LocalRuntimeState state = LocalRuntimeFinder.find(home, port, OTHERWISE, "DynamoDB endpoint", LocalRuntimeState::dynamodb);
            String table = state.tableName(PACKAGES_TABLE).orElseThrow(() ->
                    new ConfigException("The local runtime on port " + port + " has no " + PACKAGES_TABLE + ": its template declares none"));
            return new Destination(table, new AwsConfig(state.region(), Optional.of(state.dynamodb()), Optional.empty()),
                    "the local runtime on port " + port + " (DynamoDB " + state.dynamodb() + ")");
        }

        DynamoDbClient client() {
            return AwsClients.dynamoDb(aws);
        }
    }
}
