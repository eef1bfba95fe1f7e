package com.wifibilling.local;

import com.fasterxml.jackson.core.JacksonException;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.pkg.PackageStore;
import com.wifibilling.core.pkg.TimePackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts what a fresh local stack needs into its tables, through the same stores the functions use (never raw
 * items): the packages of {@code config/packages.json}. Everything is create-if-absent, so with
 * {@code --data-dir} an operator's edits survive a restart and nothing is duplicated.
 */
final class Seeder {
    /** What seeding did, for the banner. */
    record PackagesSeeded(int created, int kept) {}

    private Seeder() {}

    /** Returns how many packages were created and how many already existed (and were left as they are). */
    static PackagesSeeded packages(PackageStore store, Path packagesJson) {
        int created = 0;
        int kept = 0;
        for (TimePackage timePackage : readPackages(packagesJson)) {
            if (store.create(timePackage)) created++;
            else kept++;
        }
        return new PackagesSeeded(created, kept);
    }

    static List<TimePackage> readPackages(Path packagesJson) {
        try {
            return List.of(Json.MAPPER.readValue(Files.readString(packagesJson), TimePackage[].class));
        } catch (ApiException e) { // a record's own validation, naming the field
            throw new ConfigException(packagesJson + ": " + e.getMessage());
        } catch (JacksonException e) {
            if (e.getCause() instanceof ApiException invalid) throw new ConfigException(packagesJson + ": " + invalid.getMessage());
            throw new ConfigException(packagesJson + " is not a JSON array of packages: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + packagesJson + ": " + e.getMessage());
        }
    }
}
