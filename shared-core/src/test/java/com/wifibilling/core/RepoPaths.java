package com.wifibilling.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Returns where the repository is, for tests that read template.yaml, config/ or the npm engines. */
public final class RepoPaths {
    private RepoPaths() {}

    public static Path home() {
        String configured = System.getProperty("wifibilling.home");
        if (configured != null && Files.isRegularFile(Path.of(configured, "template.yaml"))) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) return dir;
        }
        throw new IllegalStateException("Cannot find the repository (template.yaml) from " + Path.of("").toAbsolutePath());
    }

    public static Path template() {
        return home().resolve("template.yaml");
    }
}
