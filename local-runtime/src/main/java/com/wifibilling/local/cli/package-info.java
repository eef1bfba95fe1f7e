/**
 * Command-line tools beside the local runtime, each a {@code main} launched by a script in {@code scripts/}:
 * {@link com.wifibilling.local.cli.SeedPackages} ({@code scripts/seed-packages}) writes the Packages table through
 * the stores the functions use; {@link com.wifibilling.local.cli.GenerateVouchers} ({@code scripts/generate-vouchers})
 * orders voucher codes through the admin API, as any operator's client would. Both find a running local runtime
 * through its state file ({@link com.wifibilling.local.LocalRuntimeState}, by way of {@code LocalRuntimeFinder}) or
 * talk to what the command line names, and share {@code CommandLine} for their options.
 */
package com.wifibilling.local.cli;
