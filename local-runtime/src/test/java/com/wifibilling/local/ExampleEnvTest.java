package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** config/example.env documents every variable the code reads and every variable template.yaml sets. */
class ExampleEnvTest {
    private static final Pattern READ = Pattern.compile("(?:require|optional)\\(\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern CONSTANT = Pattern.compile("\"([A-Z][A-Z0-9]*_[A-Z0-9_]+)\"");

    private static Set<String> documented() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(RepoPaths.home().resolve("config/example.env"))) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) names.add(line.substring(0, equals).strip());
        }
        return names;
    }

    private static Set<String> matches(Pattern pattern, Path file) {
        Set<String> found = new TreeSet<>();
        try {
            Matcher m = pattern.matcher(Files.readString(file));
            while (m.find()) found.add(m.group(1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    @Test
    void everyVariableTheCodeReadsIsDocumented() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RepoPaths.home())) {
            files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/"))
                    .forEach(p -> read.addAll(matches(READ, p)));
        }
        read.addAll(matches(CONSTANT, RepoPaths.home().resolve(
                "local-runtime/src/main/java/com/wifibilling/local/LocalSecrets.java")));
        assertTrue(read.size() >= 8, "the scan found the reads: " + read);
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(documented());
        assertEquals(Set.of(), missing, "read by the code but not in config/example.env");
    }

    @Test
    void everyDarajaVariableTheLocalRuntimeSetsIsDocumented() throws IOException {
        Set<String> set = new TreeSet<>(FunctionEnvironment.daraja(java.net.URI.create("http://127.0.0.1:1"),
                java.net.URI.create("http://127.0.0.1:2")).keySet());
        assertTrue(set.contains("DARAJA_BASE_URL"));
        set.removeAll(documented());
        assertEquals(Set.of(), set, "set by the local runtime but not in config/example.env");
    }

    @Test
    void everySmsVariableTheLocalRuntimeSetsIsDocumented() throws IOException {
        Set<String> set = new TreeSet<>(FunctionEnvironment.sms(java.net.URI.create("http://127.0.0.1:1")).keySet());
        assertTrue(set.contains("SMS_API_KEY"));
        set.removeAll(documented());
        assertEquals(Set.of(), set, "set by the local runtime but not in config/example.env");
    }

    @Test
    void everyVariableTheTemplateSetsIsDocumented() throws IOException {
        Set<String> set = new TreeSet<>();
        SamTemplate.load(RepoPaths.template()).functions().forEach(f -> set.addAll(f.environment().keySet()));
        set.removeAll(documented());
        assertEquals(Set.of(), set, "set by template.yaml but not in config/example.env");
    }
}
