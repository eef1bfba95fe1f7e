package com.wifibilling.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.TestTables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * scripts/seed-packages' main logic on dynalite, through the named-table path ({@code --endpoint-url}): the code
 * that writes a table in AWS, pointed at dynalite instead.
 */
@ExtendWith(DynaliteExtension.class)
class SeedPackagesTest {
    private static final Path PACKAGES_JSON = RepoPaths.home().resolve("config/packages.json");
    private static final Env NO_REGION = Env.of(Map.of());
    private final URI dynalite;
    private final String table;
    private final DynamoDbPackageStore packages;

    SeedPackagesTest(TestTables tables, DynaliteExtension.RunningDynalite running) {
        dynalite = running.engine().endpoint();
        table = tables.name("PackagesTable");
        packages = new DynamoDbPackageStore(tables.enhanced(), table);
    }

    @Test
    void firstRunCreatesEveryPackageAndASecondRunKeepsThemAll() {
        Run first = seed("--file", PACKAGES_JSON.toString());
        assertEquals(0, first.code, first.err);
        assertTrue(first.out.contains("Seeding 4 packages from " + PACKAGES_JSON + " into " + table + " in " + dynalite), first.out);
        assertTrue(first.out.contains("  basic     created\n"), first.out);
        assertTrue(first.out.endsWith("4 created, 0 kept\n"), first.out);
        assertEquals(20L, packages.find("basic").orElseThrow().priceKES());
        assertEquals(4, packages.all().size());

        Run second = seed("--file", PACKAGES_JSON.toString());
        assertEquals(0, second.code, second.err);
        assertTrue(second.out.contains("  standard  kept (unchanged)\n"), second.out);
        assertTrue(second.out.endsWith("0 created, 4 kept\n"), second.out);
        assertEquals("", second.err);
    }

    @Test
    void aPackageThatDiffersIsReportedAndKeptUnlessUpdateIsGiven(@TempDir Path dir) throws Exception {
        assertEquals(0, seed("--file", PACKAGES_JSON.toString()).code);
        Path changed = Files.writeString(dir.resolve("packages.json"), """
                [{"packageId":"basic","name":"Basic+","description":"now 3 Mbps","durationMinutes":60,"bandwidthMbps":3,
                  "uploadMbps":3,"priceKES":25,"active":true,"sortOrder":1},
                 {"packageId":"night","name":"Night","durationMinutes":480,"bandwidthMbps":5,"uploadMbps":5,"priceKES":40,"active":true,"sortOrder":5}]""");

        Run kept = seed("--file", changed.toString());
        assertEquals(0, kept.code, kept.err);
        assertTrue(kept.out.contains("  basic  kept (differs: name \"Basic\" -> \"Basic+\", description, bandwidthMbps 2 -> 3, "
                + "uploadMbps 2 -> 3, priceKES 20 -> 25)\n"), kept.out);
        assertTrue(kept.out.contains("  night  created\n"), kept.out);
        assertTrue(kept.out.endsWith("1 created, 1 kept (1 differs from the file: --update writes the file's version)\n"), kept.out);
        assertEquals(20L, packages.find("basic").orElseThrow().priceKES(), "not overwritten without --update");

        Run updated = seed("--file", changed.toString(), "--update");
        assertEquals(0, updated.code, updated.err);
        assertTrue(updated.out.contains("  basic  updated (name \"Basic\" -> \"Basic+\""), updated.out);
        assertTrue(updated.out.contains("  night  kept (unchanged)\n"), updated.out);
        assertTrue(updated.out.endsWith("0 created, 1 kept, 1 updated\n"), updated.out);
        TimePackage basic = packages.find("basic").orElseThrow();
        assertEquals(new TimePackage("basic", "Basic+", "now 3 Mbps", 60, 3, 3, 25, true, 1), basic);
        assertEquals(5, packages.all().size(), "the packages missing from the file are never deleted");
    }

    @Test
    void aBadFileIsOneLineNamingItAndWritesNothing(@TempDir Path dir) throws Exception {
        Path notJson = Files.writeString(dir.resolve("broken.json"), "[{\"packageId\": ");
        Run broken = seed("--file", notJson.toString());
        assertEquals(1, broken.code);
        assertTrue(broken.err.startsWith("seed-packages: " + notJson + " is not a JSON array of packages"), broken.err);
        assertEquals(1, broken.err.lines().count(), broken.err);
        assertEquals("", broken.out);

        Path invalid = Files.writeString(dir.resolve("invalid.json"), """
                [{"packageId":"ok","name":"Fine","durationMinutes":60,"bandwidthMbps":2,"uploadMbps":2,"priceKES":20,"active":true,"sortOrder":1},
                 {"packageId":"dear","name":"Dear","durationMinutes":60,"bandwidthMbps":2,"uploadMbps":2,"priceKES":0,"active":true,"sortOrder":2}]""");
        Run rejected = seed("--file", invalid.toString());
        assertEquals(1, rejected.code);
        assertEquals("seed-packages: " + invalid + ": priceKES must be between 1 and 250000\n", rejected.err);
        assertEquals(List.of(), packages.all(), "the valid package before the invalid one is not written either");

        Run missing = seed("--file", dir.resolve("nowhere.json").toString());
        assertEquals(1, missing.code);
        assertTrue(missing.err.startsWith("seed-packages: Cannot read " + dir.resolve("nowhere.json")), missing.err);
    }

    @Test
    void aTableThatDoesNotExistIsNamed() {
        Run run = SeedPackagesTest.run(NO_REGION, "--endpoint-url", dynalite.toString(), "--table", "nope-Packages",
                "--region", "af-south-1", "--file", PACKAGES_JSON.toString());
        assertEquals(1, run.code);
        assertEquals("seed-packages: there is no table nope-Packages in " + dynalite + " (region af-south-1)\n", run.err);
    }

    @Test
    void wrongCommandLinesPrintTheUsageAndExitWithTwo() {
        for (List<String> args : List.of(List.of("--force"), List.of("--port", "x"), List.of("--table", "t"),
                List.of("--aws"), List.of("--aws", "--table", "t", "--port", "3001"), List.of("--endpoint-url", "ftp://x", "--table", "t"))) {
            Run run = run(Env.of(Map.of("AWS_REGION", "af-south-1")), args.toArray(String[]::new));
            assertEquals(2, run.code, args.toString());
            assertTrue(run.err.startsWith("seed-packages: "), run.err);
            assertTrue(run.err.contains("Usage: scripts/seed-packages"), run.err);
        }
        assertTrue(run(NO_REGION, "--force").err.startsWith("seed-packages: Unknown option --force\n"));
        Run help = run(NO_REGION, "--help");
        assertEquals(0, help.code);
        assertTrue(help.out.startsWith("Usage: scripts/seed-packages"));
        assertEquals("", help.err);
    }

    @Test
    void awsTakesItsRegionFromTheOptionOrTheEnvironmentOrSaysItNeedsOne() {
        Run none = run(NO_REGION, "--aws", "--table", "wifibilling-dev-Packages");
        assertEquals(2, none.code);
        assertTrue(none.err.startsWith("seed-packages: --aws needs --region R, or AWS_REGION or AWS_DEFAULT_REGION in the environment\n"));

        Optional<String> home = Optional.of(RepoPaths.home().toString());
        String[] aws = {"--aws", "--table", "wifibilling-dev-Packages"};
        assertEquals(new SeedOptions.NamedTable("wifibilling-dev-Packages", "eu-west-1", Optional.empty()),
                SeedOptions.parse(aws, home, Env.of(Map.of("AWS_DEFAULT_REGION", "eu-west-1"))).target());
        assertEquals("af-south-1", ((SeedOptions.NamedTable) SeedOptions.parse(aws, home,
                Env.of(Map.of("AWS_REGION", "af-south-1", "AWS_DEFAULT_REGION", "eu-west-1"))).target()).region());
        assertEquals("us-east-1", ((SeedOptions.NamedTable) SeedOptions.parse(
                new String[] {"--aws", "--table=t", "--region=us-east-1"}, home, Env.of(Map.of("AWS_REGION", "af-south-1"))).target()).region());
    }

    @Test
    void awsBuildsTheFunctionsClientWithTheDefaultCredentialsChainAndNoEndpoint() {
        var options = SeedOptions.parse(new String[] {"--aws", "--table", "wifibilling-prod-Packages", "--region", "af-south-1"},
                Optional.empty(), NO_REGION);
        var destination = SeedPackages.Destination.of(options.target());
        assertEquals("wifibilling-prod-Packages", destination.table());
        assertEquals("AWS region af-south-1", destination.where());
        try (var client = destination.client()) { // built, never called: there is no AWS from here
            var config = client.serviceClientConfiguration();
            assertFalse(config.credentialsProvider() instanceof StaticCredentialsProvider, "the default chain, not dummy keys");
            assertEquals(Optional.empty(), config.endpointOverride());
            assertEquals("af-south-1", config.region().id());
        }
        var local = SeedPackages.Destination.of(SeedOptions.parse(new String[] {"--endpoint-url", dynalite.toString(), "--table", table},
                Optional.empty(), Env.of(Map.of("AWS_REGION", "af-south-1"))).target());
        try (var client = local.client()) {
            assertInstanceOf(StaticCredentialsProvider.class, client.serviceClientConfiguration().credentialsProvider());
            assertEquals(Optional.of(dynalite), client.serviceClientConfiguration().endpointOverride());
        }
        assertThrows(UsageException.class, () -> SeedOptions.parse(new String[] {"--aws=yes"}, Optional.empty(), NO_REGION));
    }

    private Run seed(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", dynalite.toString(), "--table", table));
        all.addAll(List.of(args));
        return run(Env.of(Map.of("AWS_REGION", "af-south-1")), all.toArray(String[]::new));
    }

    static Run run(Env env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = SeedPackages.run(args, Optional.of(RepoPaths.home().toString()), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int code, String out, String err) {}
}
