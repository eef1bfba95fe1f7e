package com.wifibilling.local.cli;

import com.wifibilling.core.Page;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.voucher.VoucherBatch;
import com.wifibilling.local.LocalRuntimeState;
import java.io.BufferedWriter;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code scripts/generate-vouchers}: signs in as an admin, orders voucher codes from the admin API of the running
 * local runtime (found through its state file, {@link LocalRuntimeState}) or of a deployed API ({@code --api}),
 * follows a large order while it is generated in the background, and exports the batch to a CSV file. Progress
 * goes to stderr, the summary line to stdout. Exit code 0 when every code is in the file, 1 with one line on
 * stderr when the API, the runtime or the file is at fault, 2 with the usage for a wrong command line. Neither
 * the password nor the token is ever printed.
 */
public final class GenerateVouchers {
    static final int PAGE_SIZE = 100;
    private static final String OTHERWISE = "or pass --api URL for a deployed API";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Duration pollEvery;
    private final Duration stalledAfter;

    GenerateVouchers(Duration pollEvery, Duration stalledAfter) {
        this.pollEvery = pollEvery;
        this.stalledAfter = stalledAfter;
    }

    /** Where the tool writes and how it asks for a password; {@code passwordPrompt} is empty without a console. */
    record Terminal(PrintStream out, PrintStream err, boolean errIsTerminal, Optional<PasswordPrompt> passwordPrompt) {}

    /** Asks for a password without echo; returns null at end of input. */
    @FunctionalInterface
    interface PasswordPrompt {
        char[] read(String prompt);
    }

    public static void main(String[] args) {
        Console console = System.console();
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8); // the summary's arrow
        var terminal = new Terminal(out, System.err, Boolean.getBoolean("wifibilling.stderr-tty"),
                Optional.ofNullable(console).map(c -> prompt -> c.readPassword("%s", prompt)));
        int code = new GenerateVouchers(Duration.ofMillis(500), Duration.ofMinutes(2))
                .run(args, Optional.ofNullable(System.getProperty("wifibilling.home")), Env.system(), Path.of(""), terminal);
        System.exit(code);
    }

    /** Returns the exit code; {@code env} is read for ADMIN_PASSWORD only, and the CSV goes under {@code workingDir}. */
    int run(String[] args, Optional<String> defaultHome, Env env, Path workingDir, Terminal terminal) {
        PrintStream err = terminal.err();
        GenerateOptions options;
        try {
            options = GenerateOptions.parse(args, defaultHome);
        } catch (UsageException e) {
            err.println("generate-vouchers: " + e.getMessage());
            err.print(GenerateOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            terminal.out().print(GenerateOptions.USAGE);
            return 0;
        }
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build()) {
            URI api = switch (options.target()) {
                case GenerateOptions.LocalRuntimeApi local ->
                        LocalRuntimeFinder.find(local.home(), local.port(), OTHERWISE, "API", LocalRuntimeState::api).api();
                case GenerateOptions.DeployedApi deployed -> deployed.base();
            };
            AdminApiClient admin = AdminApiClient.signIn(http, api, options.email(), password(env, options.email(), terminal));
            VoucherBatch batch = admin.order(options.order());
            if (batch.status() == VoucherBatch.Status.RUNNING) {
                err.println("Batch " + batch.batchId() + ": " + batch.count() + " codes are being generated in the background (202)");
                batch = awaitDone(admin, batch, terminal);
            }
            Path file = options.out().orElse(Path.of("vouchers-" + batch.batchId() + ".csv"));
            int rows = export(admin, batch, workingDir.resolve(file), terminal);
            if (rows != batch.count())
                throw new IllegalStateException("Batch " + batch.batchId() + " lists " + rows + " vouchers, not " + batch.count() + "; " + file
                        + " holds those " + rows);
            terminal.out().println(rows + " vouchers of " + batch.packageId() + " in batch " + batch.batchId() + " → " + file);
            return 0;
        } catch (AdminApiClient.ApiError | LocalRuntimeFinder.NoLocalRuntime | IllegalStateException e) { // ConfigException is one
            err.println("generate-vouchers: " + e.getMessage());
        } catch (IOException e) {
            err.println("generate-vouchers: cannot write the CSV file: " + e.getMessage());
        }
        return 1;
    }

    /** Returns ADMIN_PASSWORD, else what the admin types at the prompt. */
    private static String password(Env env, String email, Terminal terminal) {
        Optional<String> fromEnv = env.optional("ADMIN_PASSWORD");
        if (fromEnv.isPresent()) return fromEnv.get();
        PasswordPrompt prompt = terminal.passwordPrompt().orElseThrow(() -> new IllegalStateException(
                "No password: set ADMIN_PASSWORD in the environment (there is no console to ask on)"));
        char[] typed = prompt.read("Password for " + email + ": ");
        if (typed == null || typed.length == 0) throw new IllegalStateException("No password given");
        try {
            return new String(typed);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    /** Returns the batch once the background worker has made every code; polls its progress meanwhile. */
    private VoucherBatch awaitDone(AdminApiClient admin, VoucherBatch ordered, Terminal terminal) {
        var bar = new ProgressBar(terminal.err(), terminal.errIsTerminal(), "generated", ordered.count());
        VoucherBatch batch = ordered;
        int lastCreated = -1;
        long lastChange = System.nanoTime();
        try {
            while (true) {
                bar.show(batch.created());
                if (batch.status() == VoucherBatch.Status.DONE) return batch;
                if (batch.status() == VoucherBatch.Status.FAILED)
                    throw new IllegalStateException("Batch " + batch.batchId() + " failed after " + batch.created() + " of " + batch.count()
                            + " codes; the worker tries again when the queue redelivers it, so see GET /api/admin/vouchers/batches/"
                            + batch.batchId() + " later");
                if (batch.created() != lastCreated) {
                    lastCreated = batch.created();
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > stalledAfter.toNanos()) {
                    throw new IllegalStateException("Batch " + batch.batchId() + " made no progress for " + stalledAfter.toSeconds() + " s ("
                            + batch.created() + " of " + batch.count() + " codes); is the VoucherBatches worker running?");
                }
                sleep(pollEvery);
                batch = admin.batch(batch.batchId());
            }
        } finally {
            bar.finish();
        }
    }

    /** Writes the batch to {@code file} page by page (complete, or not there at all) and returns how many rows it holds. */
    private static int export(AdminApiClient admin, VoucherBatch batch, Path file, Terminal terminal) throws IOException {
        var bar = new ProgressBar(terminal.err(), terminal.errIsTerminal(), "exported", batch.count());
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        int rows = 0;
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                var sheet = new VoucherSheet(writer);
                String cursor = null;
                do {
                    Page<VoucherSheet.Row> page = admin.vouchers(batch.batchId(), PAGE_SIZE, cursor);
                    for (VoucherSheet.Row row : page.items()) sheet.write(row);
                    rows += page.items().size();
                    bar.show(rows);
                    cursor = page.nextCursor();
                } while (cursor != null);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            return rows;
        } finally {
            bar.finish();
            Files.deleteIfExists(partial);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the batch", e);
        }
    }
}
