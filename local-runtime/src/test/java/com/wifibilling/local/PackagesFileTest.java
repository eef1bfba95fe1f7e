package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packages file: the repository's four, and a bad file named in one line with the field at fault. */
class PackagesFileTest {
    @Test
    void malformedPackagesFileIsNamedInTheErrorWithTheField(@TempDir Path dir) throws Exception {
        Path badId = Files.writeString(dir.resolve("packages.json"), """
                [{"packageId":"Bad Id","name":"x","description":"","durationMinutes":60,"bandwidthMbps":2,
                  "uploadMbps":2,"priceKES":20,"active":true,"sortOrder":1}]""");
        var invalid = assertThrows(ConfigException.class, () -> PackagesFile.read(badId));
        assertTrue(invalid.getMessage().contains("packages.json: packageId must be"), invalid.getMessage());
        Path missing = Files.writeString(dir.resolve("missing.json"), "[{\"packageId\":\"ok\",\"name\":\"x\"}]");
        var incomplete = assertThrows(ConfigException.class, () -> PackagesFile.read(missing));
        assertTrue(incomplete.getMessage().endsWith("missing.json is not a JSON array of packages at [0].durationMinutes: missing or null"),
                incomplete.getMessage());
    }

    @Test
    void theRepositorysPackagesFileHoldsTheFourSeedPackages() {
        var packages = PackagesFile.read(RepoPaths.home().resolve("config/packages.json"));
        assertEquals(List.of("basic", "standard", "premium", "ultra"), packages.stream().map(p -> p.packageId()).toList());
        assertEquals(List.of(20L, 50L, 100L, 300L), packages.stream().map(p -> p.priceKES()).toList());
        assertEquals(List.of(60, 180, 360, 1440), packages.stream().map(p -> p.durationMinutes()).toList());
        assertEquals(List.of(2, 5, 10, 20), packages.stream().map(p -> p.bandwidthMbps()).toList());
        assertEquals(List.of(1, 2, 3, 4), packages.stream().map(p -> p.sortOrder()).toList());
        assertTrue(packages.stream().allMatch(p -> p.active()));
    }
}
