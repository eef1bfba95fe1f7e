package com.wifibilling.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.voucher.CodeFormat;
import com.wifibilling.core.voucher.VoucherBatch;
import com.wifibilling.local.LocalOptions;
import com.wifibilling.local.LocalRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * scripts/generate-vouchers' main logic against the real local runtime (AdminApi, AuthApi and the VoucherBatches
 * worker on its SQS queue, all from template.yaml), reached over HTTP as an operator's machine would.
 */
class GenerateVouchersTest {
    private static final String ADMIN_PASSWORD = "local-admin-password-for-vouchers";
    private static final Env WITH_PASSWORD = Env.of(Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD));
    private static LocalRuntime runtime;
    @TempDir
    Path cwd;

    @BeforeAll
    static void start() {
        String[] args = {"--port", "0"};
        runtime = LocalRuntime.start(LocalOptions.parse(args, Optional.of(RepoPaths.home().toString())), WITH_PASSWORD);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void hundredCodesOfBasicAreWrittenToTheCsvOfTheirBatch() throws Exception {
        Run run = generate(WITH_PASSWORD, "--package", "basic", "--count", "100");
        assertEquals(0, run.code, run.err);
        String batchId = batchIdOf(run.out);
        Path csv = cwd.resolve("vouchers-" + batchId + ".csv");
        assertEquals("100 vouchers of basic in batch " + batchId + " → vouchers-" + batchId + ".csv\n", run.out);
        assertFalse(run.err.contains("background"), "201: done while waiting: " + run.err);

        List<String> lines = Files.readAllLines(csv);
        assertEquals(VoucherSheet.HEADER, lines.getFirst());
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
        assertEquals(100, rows.size());
        var codes = new HashSet<String>();
        for (String[] row : rows) {
            assertTrue(row[0].matches("[0-9A-Z]{4}(-[0-9A-Z]{1,4})+"), "grouped as printed: " + row[0]);
            assertTrue(CodeFormat.isValid(CodeFormat.normalize(row[0])), row[0]);
            assertEquals(List.of("basic", "", batchId), List.of(row[1], row[3], row[4]), "no --valid-days: no expiry");
            assertTrue(Integer.parseInt(row[2]) > 0, "minutes of the package: " + row[2]);
            codes.add(row[0]);
        }
        assertEquals(100, codes.size());

        try (HttpClient http = HttpClient.newHttpClient()) {
            var admin = AdminApiClient.signIn(http, runtime.baseUri(), "admin@localhost", ADMIN_PASSWORD);
            VoucherBatch batch = admin.batch(batchId);
            assertEquals(VoucherBatch.Status.DONE, batch.status());
            assertEquals(100, batch.created());
            var listed = admin.vouchers(batchId, 100, null).items().stream().map(VoucherSheet.Row::code).toList();
            assertEquals(rows.stream().map(row -> row[0]).toList(), listed, "the CSV holds the batch in code order");
        }
    }

    @Test
    void anOrderOverAThousandIsFollowedWhileTheWorkerMakesItThenExportedWhole() throws Exception {
        Run run = generate(WITH_PASSWORD, "--package", "basic", "--count", "1200", "--prefix", "sh2", "--valid-days", "30",
                "--out", "sheet.csv");
        assertEquals(0, run.code, run.err);
        String batchId = batchIdOf(run.out);
        assertTrue(run.err.contains("Batch " + batchId + ": 1200 codes are being generated in the background (202)"), run.err);
        assertTrue(run.err.contains("generated 1200/1200 (100%)"), "progress while polling: " + run.err);
        assertTrue(run.err.contains("exported 1200/1200 (100%)"), "progress while exporting: " + run.err);
        assertTrue(run.out.endsWith(" → sheet.csv\n"), run.out);

        List<String> lines = Files.readAllLines(cwd.resolve("sheet.csv"));
        assertEquals(1201, lines.size());
        var codes = new HashSet<String>();
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",", -1);
            assertTrue(row[0].startsWith("SH2"), "--prefix, normalized: " + row[0]);
            assertTrue(CodeFormat.isValid(CodeFormat.normalize(row[0])), row[0]);
            assertFalse(row[3].isEmpty(), "--valid-days gives each code an expiry");
            codes.add(row[0]);
        }
        assertEquals(1200, codes.size());
        assertFalse(Files.exists(cwd.resolve("sheet.csv.partial")));
    }

    @Test
    void aWrongPasswordIsTheApisUnauthorized() {
        Run run = generate(Env.of(Map.of("ADMIN_PASSWORD", "not-the-admin-password")), "--package", "basic", "--count", "5");
        assertEquals(1, run.code);
        assertEquals("generate-vouchers: 401 UNAUTHORIZED: Email or password is wrong\n", run.err);
        assertEquals("", run.out);
    }

    @Test
    void anUnknownPackageIsTheApisUnknownPackage() throws Exception {
        Run run = generate(WITH_PASSWORD, "--package", "no-such-package", "--count", "5");
        assertEquals(1, run.code);
        assertEquals("generate-vouchers: 400 UNKNOWN_PACKAGE: There is no package 'no-such-package' on sale\n", run.err);
        try (var files = Files.list(cwd)) {
            assertEquals(0, files.count(), "no file");
        }
    }

    @Test
    void aLockedOutAccountIsRateLimitedWithTheRetryAfter() {
        Env wrong = Env.of(Map.of("ADMIN_PASSWORD", "a-wrong-guess"));
        for (int i = 1; i <= 5; i++) assertEquals(1, generate(wrong, "--email", "nobody@localhost", "--package", "basic", "--count", "1").code);
        Run sixth = generate(wrong, "--email", "nobody@localhost", "--package", "basic", "--count", "1");
        assertEquals(1, sixth.code);
        assertTrue(sixth.err.matches("generate-vouchers: 429 RATE_LIMITED: .+ \\(retry after \\d+ s\\)\n"), sixth.err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--count 5", "--package basic", "--package basic --count 0", "--package basic --count 10001",
        "--package basic --count many", "--package basic --count 5 --prefix O0", "--package basic --count 5 --length 9",
        "--package basic --count 5 --api ftp://example.com", "--package basic --count 5 --api https://example.com --port 3001",
        "--package basic --count 5 --colour", "--package basic --count"})
    void aWrongCommandLineIsTheUsageAndExitCodeTwo(String line) {
        Run run = generate(WITH_PASSWORD, line.split(" "));
        assertEquals(2, run.code, run.err);
        assertTrue(run.err.startsWith("generate-vouchers: "), run.err);
        assertTrue(run.err.contains("Usage: scripts/generate-vouchers --package ID --count N"), run.err);
    }

    @Test
    void helpIsTheUsageOnStdout() {
        Run run = generate(WITH_PASSWORD, "--help");
        assertEquals(0, run.code);
        assertTrue(run.out.startsWith("Usage: scripts/generate-vouchers"), run.out);
    }

    @Test
    void noRuntimeOnThePortSaysHowToStartOne(@TempDir Path home) {
        Run run = generate(WITH_PASSWORD, "--home", home.toString(), "--port", "3999", "--package", "basic", "--count", "5");
        assertEquals(1, run.code);
        assertEquals("generate-vouchers: No local runtime on port 3999: start it with ./scripts/run-local --port 3999"
                + " (or pass --api URL for a deployed API)\n", run.err);
    }

    @Test
    void withoutAdminPasswordOrAConsoleItSaysToSetTheVariable() {
        Run run = generate(Env.of(Map.of()), "--package", "basic", "--count", "5");
        assertEquals(1, run.code);
        assertEquals("generate-vouchers: No password: set ADMIN_PASSWORD in the environment (there is no console to ask on)\n", run.err);
    }

    @Test
    void aPasswordTypedAtThePromptSignsIn() {
        var asked = new ArrayList<String>();
        GenerateVouchers.PasswordPrompt prompt = text -> {
            asked.add(text);
            return ADMIN_PASSWORD.toCharArray();
        };
        Run run = generate(Env.of(Map.of()), Optional.of(prompt), "--package", "basic", "--count", "1");
        assertEquals(0, run.code, run.err);
        assertEquals(List.of("Password for admin@localhost: "), asked);
        assertFalse(run.out.contains(ADMIN_PASSWORD) || run.err.contains(ADMIN_PASSWORD), "never printed");
    }

    private static String batchIdOf(String summary) {
        var matcher = Pattern.compile(" in batch (b-[a-z0-9-]+) ").matcher(summary);
        assertTrue(matcher.find(), summary);
        return matcher.group(1);
    }

    private Run generate(Env env, String... args) {
        return generate(env, Optional.empty(), args);
    }

    private Run generate(Env env, Optional<GenerateVouchers.PasswordPrompt> prompt, String... args) {
        List<String> all = new ArrayList<>(List.of("--home", RepoPaths.home().toString(), "--port", Integer.toString(runtime.port())));
        if (List.of(args).contains("--home") || List.of(args).contains("--api")) all.clear();
        all.addAll(List.of(args));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var terminal = new GenerateVouchers.Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, prompt);
        int code = new GenerateVouchers(Duration.ofMillis(50), Duration.ofSeconds(20))
                .run(all.toArray(String[]::new), Optional.empty(), env, cwd, terminal);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {}
}
