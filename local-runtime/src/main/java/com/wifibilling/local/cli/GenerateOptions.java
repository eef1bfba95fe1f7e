package com.wifibilling.local.cli;

import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.voucher.CodeFormat;
import com.wifibilling.core.voucher.VoucherOrder;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code scripts/generate-vouchers} is asked to do: the order (checked here by {@link VoucherOrder}, as the API
 * will check it), where the CSV goes, which API — the local runtime's on {@code --port} (the default) or a deployed
 * one at {@code --api} — and which admin signs in.
 */
record GenerateOptions(VoucherOrder order, Optional<Path> out, Target target, String email, boolean help) {
    static final String DEFAULT_EMAIL = "admin@localhost";

    static final String USAGE = """
            Usage: scripts/generate-vouchers --package ID --count N [options]

            Orders N voucher codes of a package from the admin API, waits while a large order is generated in the
            background, and writes them to a CSV file (code as printed, packageId, minutes, validUntil, batchId).

            The order:
              --package ID        the package each code unlocks (required), e.g. basic
              --count N           how many codes, 1 to 10000 (required); over 1000 are generated in the background
              --prefix P          up to 6 code symbols every code starts with (a shop or reseller mark)
              --length N          random symbols per code (default and minimum 10)
              --valid-days D      an unused code expires D days after it is made (default: never)
              --out FILE          the CSV file (default: vouchers-<batchId>.csv in the current directory)
            Where (default: the local runtime scripts/run-local started on port 3000):
              --port N            the local runtime whose API listens on port N
              --api URL           a deployed API instead, e.g. https://abc123.execute-api.af-south-1.amazonaws.com
              --home DIR          repository root (default: -Dwifibilling.home, else the current directory)
            Who:
              --email E           the admin who signs in (default admin@localhost); the password comes from
                                  ADMIN_PASSWORD, else it is asked for without echo
              --help              show this text
            """;

    /** Which API the order goes to. */
    sealed interface Target permits LocalRuntimeApi, DeployedApi {}

    /** The API of the local runtime on {@code port}, found through its state file under {@code home}. */
    record LocalRuntimeApi(Path home, int port) implements Target {}

    /** A deployed API, at the address its stack outputs. */
    record DeployedApi(URI base) implements Target {}

    /** Returns the options; {@code defaultHome} is the {@code wifibilling.home} property. */
    static GenerateOptions parse(String[] args, Optional<String> defaultHome) {
        Path home = Path.of(defaultHome.orElse(""));
        String packageId = null;
        Integer count = null;
        String prefix = null;
        Integer length = null;
        Integer validDays = null;
        Path out = null;
        Integer port = null;
        URI api = null;
        String email = DEFAULT_EMAIL;
        boolean help = false;
        var line = new CommandLine(args);
        while (line.next()) {
            switch (line.name()) {
                case "--help", "-h" -> help = line.flag();
                case "--package" -> packageId = line.value();
                case "--count" -> count = line.number(1, VoucherOrder.MAX_COUNT);
                case "--prefix" -> prefix = line.value();
                case "--length" -> length = line.number(CodeFormat.MIN_RANDOM_SYMBOLS, CodeFormat.MAX_LENGTH - 1);
                case "--valid-days" -> validDays = line.number(1, VoucherOrder.MAX_VALID_DAYS);
                case "--out" -> out = Path.of(line.value());
                case "--port" -> port = line.number(1, 65_535);
                case "--api" -> api = line.httpUri();
                case "--email" -> email = line.value();
                case "--home" -> home = Path.of(line.value());
                default -> throw line.unknown();
            }
        }
        home = home.toAbsolutePath().normalize();
        Target target = api != null ? new DeployedApi(api) : new LocalRuntimeApi(home, port == null ? LocalRuntimeFinder.DEFAULT_PORT : port);
        if (help) return new GenerateOptions(null, Optional.ofNullable(out), target, email, true);
        if (api != null && port != null) throw new UsageException("--port picks a local runtime; it does not go with --api");
        if (packageId == null) throw new UsageException("--package ID is required (e.g. --package basic)");
        if (count == null) throw new UsageException("--count N is required (1 to " + VoucherOrder.MAX_COUNT + ")");
        if (email.isBlank()) throw new UsageException("--email needs an address");
        try {
            return new GenerateOptions(new VoucherOrder(packageId, count, prefix, length, validDays), Optional.ofNullable(out), target, email,
                    false);
        } catch (ApiException e) { // the prefix, or a prefix and length together too long: the API's own words
            throw new UsageException(e.getMessage());
        }
    }
}
