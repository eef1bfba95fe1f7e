/**
 * Command-line tools beside the local runtime, each a {@code main} launched by a script in {@code scripts/}:
 * {@link com.wifibilling.local.cli.SeedPackages} ({@code scripts/seed-packages}). They find a running local
 * runtime through its state file ({@link com.wifibilling.local.LocalRuntimeState}) or talk to a table named on
 * the command line, and write only through the stores the functions use.
 */
package com.wifibilling.local.cli;
