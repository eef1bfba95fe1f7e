package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {
    @Test
    void foldersAnswerTheirIndexAndExtensionlessPathsTheirHtmlPage(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("out"));
        Files.writeString(site.resolve("index.html"), "home");
        Files.writeString(site.resolve("vouchers.html"), "vouchers");
        Files.createDirectories(site.resolve("login"));
        Files.writeString(site.resolve("login/index.html"), "login");
        var files = new StaticFiles("/admin/", site);
        assertEquals(Optional.of(site.toRealPath().resolve("index.html")), files.find(""));
        assertEquals(Optional.of(site.toRealPath().resolve("vouchers.html")), files.find("vouchers"));
        assertEquals(Optional.of(site.toRealPath().resolve("login/index.html")), files.find("login/"));
        assertEquals(Optional.empty(), files.find("missing.css"));
    }

    @Test
    void nothingOutsideTheFolderIsServed(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("portal"));
        Files.writeString(dir.resolve("secret.txt"), "no");
        Files.createSymbolicLink(site.resolve("link.txt"), dir.resolve("secret.txt"));
        var files = new StaticFiles("/portal/", site);
        assertEquals(Optional.empty(), files.find("../secret.txt"));
        assertEquals(Optional.empty(), files.find("link.txt"));
        assertEquals(Optional.empty(), files.find("/etc/passwd"));
    }
}
