package com.wifibilling.local.coldstart;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Starts one function in a fresh JVM from its deployable jar alone: {@code java -cp <function.jar>:<harness jar>
 * ColdStartHarness <handler> …} with nothing but the given environment (the one template.yaml declares for the
 * function, as the local runtime resolves it), and reads back what {@link ColdStartHarness} wrote. The harness
 * goes in its own small jar (built here from the compiled test classes), because the JDK's AOT cache accepts
 * jars only on the class path.
 */
public final class FreshJvm {
    private static final String HARNESS_PACKAGE = ColdStartHarness.class.getPackageName().replace('.', '/');
    private static final long TIMEOUT_SECONDS = 60;

    private final Path java;
    private final Path harnessJar;
    private final Path workDir;

    private FreshJvm(Path java, Path harnessJar, Path workDir) {
        this.java = java;
        this.harnessJar = harnessJar;
        this.workDir = workDir;
    }

    /** The running JDK's {@code java}, with the harness jar written to {@code workDir}. */
    public static FreshJvm in(Path workDir) {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this JVM"));
        return new FreshJvm(java, writeHarnessJar(workDir.resolve("cold-start-harness.jar")), workDir);
    }

    public Path harnessJar() {
        return harnessJar;
    }

    /** What one fresh JVM answered: its exit code, the harness's result file, and everything it printed. */
    public record Run(int exitCode, Properties result, String output, long wallMillis) {
        public String get(String name) {
            return result.getProperty(name, "");
        }

        public long micros(String name) {
            return Long.parseLong(result.getProperty(name, "-1"));
        }

        public String describe() {
            return "exit " + exitCode + ", result " + result + ", output:\n" + output;
        }
    }

    /**
     * Runs {@code handlerClass} from {@code functionJar} with exactly {@code environment} (nothing of this JVM's
     * own environment) and {@code jvmFlags}, sending the event that {@code event} describes.
     */
    public Run run(Path functionJar, String handlerClass, Map<String, String> environment, Map<String, String> event,
                   List<String> jvmFlags) {
        try {
            Path dir = Files.createTempDirectory(workDir, "run");
            Path eventFile = dir.resolve("event.properties");
            Path resultFile = dir.resolve("result.properties");
            Path outputFile = dir.resolve("output.txt");
            Properties described = new Properties();
            described.putAll(event);
            try (Writer out = Files.newBufferedWriter(eventFile, StandardCharsets.UTF_8)) {
                described.store(out, null);
            }
            List<String> command = new ArrayList<>(List.of(java.toString()));
            command.addAll(jvmFlags);
            command.addAll(List.of("-cp", functionJar + File.pathSeparator + harnessJar,
                    ColdStartHarness.class.getName(), handlerClass, eventFile.toString(), resultFile.toString()));
            var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(handlerClass + " gave no answer within " + TIMEOUT_SECONDS + " s:\n"
                        + Files.readString(outputFile));
            }
            long wallMillis = (System.nanoTime() - started) / 1_000_000;
            Properties result = new Properties();
            if (Files.exists(resultFile)) {
                try (Reader in = Files.newBufferedReader(resultFile, StandardCharsets.UTF_8)) {
                    result.load(in);
                }
            }
            return new Run(process.exitValue(), result, Files.readString(outputFile, StandardCharsets.UTF_8), wallMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Returns the classes named in a {@code -Xlog:class+load:file=…} log before the harness's {@code Done} marker:
     * the classes loaded until the first response.
     */
    public static List<String> classesBeforeResponse(Path classLoadLog) {
        String marker = ColdStartHarness.Done.class.getName();
        List<String> classes = new ArrayList<>();
        try (Stream<String> lines = Files.lines(classLoadLog)) {
            for (String line : (Iterable<String>) lines::iterator) {
                // [0.012s][info][class,load] java.lang.Object source: shared objects file
                int tag = line.indexOf("[class,load] ");
                if (tag < 0) continue;
                String rest = line.substring(tag + "[class,load] ".length());
                String name = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
                if (name.equals(marker)) return classes;
                classes.add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(classLoadLog + " never reaches " + marker + ": the handler did not answer");
    }

    private static Path writeHarnessJar(Path jar) {
        try {
            Path classes = Path.of(ColdStartHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = classes.resolve(HARNESS_PACKAGE);
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); var out = new JarOutputStream(file);
                 Stream<Path> listed = Files.list(dir)) {
                for (Path classFile : listed.filter(p -> p.getFileName().toString().startsWith("ColdStartHarness")).sorted().toList()) {
                    out.putNextEntry(new JarEntry(HARNESS_PACKAGE + "/" + classFile.getFileName()));
                    try (InputStream in = Files.newInputStream(classFile)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
