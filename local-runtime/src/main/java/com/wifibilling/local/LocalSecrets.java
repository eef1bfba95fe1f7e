package com.wifibilling.local;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The local stand-ins for what Secrets Manager holds in AWS (DESIGN §9): the JWT secret, the Daraja callback
 * token, the token FreeRADIUS sends to {@code /api/radius/*}, and the default gateway's RADIUS secret. Each is
 * taken from the process environment when set, else generated with {@link SecureRandom}. Every function's
 * environment gets them under the same names. Generated ones are shown once in the start-up banner, never
 * logged; with {@code --data-dir} they are kept in {@code local-secrets.properties} (owner-only), so what the
 * persisted tables and the outside world were set up with (the default gateway's RADIUS secret, a router
 * configured against it, an admin's JWT) keeps working after a restart.
 */
public final class LocalSecrets {
    public static final String JWT_SECRET = "JWT_SECRET";
    public static final String CALLBACK_TOKEN = "CALLBACK_TOKEN";
    public static final String RADIUS_API_TOKEN = "RADIUS_API_TOKEN";
    public static final String DEFAULT_GATEWAY_RADIUS_SECRET = "DEFAULT_GATEWAY_RADIUS_SECRET";
    static final String FILE_NAME = "local-secrets.properties";

    private static final Pattern RADIUS_SECRET = Pattern.compile("[A-Za-z0-9]{24,128}");
    private static final Pattern CALLBACK_HEX = Pattern.compile("[0-9a-f]{32,256}");
    private static final Pattern URL_TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,256}"); // safe in a URL path and a header
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How each secret is checked and made; the order is the banner's. */
    private enum Kind {
        JWT(JWT_SECRET, value -> value.getBytes(StandardCharsets.UTF_8).length >= 32 ? null : "must be at least 32 bytes (HS256)",
                () -> urlToken(32)),
        // Lowercase hex, as contracts/daraja.md §4.1 and daraja.CallbackTokens require: hex cannot spell the words
        // Daraja refuses in URLs (exe, cmd, SQL, …), which random base64 sometimes does.
        CALLBACK(CALLBACK_TOKEN, value -> CALLBACK_HEX.matcher(value).matches() ? null
                : "must be 32-256 lowercase hex characters (it is part of the callback URL)", () -> hex(16)),
        RADIUS_API(RADIUS_API_TOKEN, value -> URL_TOKEN.matcher(value).matches() ? null
                : "must be 16-256 letters, digits, '-' or '_'", () -> urlToken(32)),
        GATEWAY_RADIUS(DEFAULT_GATEWAY_RADIUS_SECRET, value -> RADIUS_SECRET.matcher(value).matches() ? null
                : "must be 24-128 letters and digits (some NAS firmware mangles other characters)", () -> alphanumeric(32));

        final String variable;
        final Function<String, String> problem;
        final java.util.function.Supplier<String> generate;

        Kind(String variable, Function<String, String> problem, java.util.function.Supplier<String> generate) {
            this.variable = variable;
            this.problem = problem;
            this.generate = generate;
        }
    }

    private final Map<String, String> values;
    private final Set<String> generatedNow;
    private final Optional<Path> keptIn;

    private LocalSecrets(Map<String, String> values, Set<String> generatedNow, Optional<Path> keptIn) {
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values)); // banner order
        this.generatedNow = Set.copyOf(generatedNow);
        this.keptIn = keptIn;
    }

    /**
     * Returns the secrets: from {@code process} when set (a malformed one stops start-up naming the variable,
     * never echoing it), else from {@code dataDir}'s file when an earlier run kept them, else new.
     */
    public static LocalSecrets resolve(Env process, Optional<Path> dataDir) {
        Optional<Path> file = dataDir.map(dir -> dir.resolve(FILE_NAME));
        Properties kept = file.filter(Files::isRegularFile).map(LocalSecrets::read).orElseGet(Properties::new);
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> generated = new LinkedHashSet<>();
        for (Kind kind : Kind.values()) {
            Optional<String> given = process.optional(kind.variable);
            String value;
            if (given.isPresent()) {
                value = given.get();
                String problem = kind.problem.apply(value);
                if (problem != null) throw new ConfigException("Environment variable " + kind.variable + " " + problem);
            } else if (kept.getProperty(kind.variable) != null && kind.problem.apply(kept.getProperty(kind.variable)) == null) {
                value = kept.getProperty(kind.variable);
            } else {
                value = kind.generate.get();
                generated.add(kind.variable);
            }
            values.put(kind.variable, value);
        }
        if (file.isPresent() && !generated.isEmpty()) {
            generated.forEach(name -> kept.setProperty(name, values.get(name)));
            write(file.get(), kept);
        }
        return new LocalSecrets(values, generated, file);
    }

    /** Returns the variables every function's environment gets. */
    public Map<String, String> environment() {
        return values;
    }

    public String get(String variable) {
        String value = values.get(variable);
        if (value == null) throw new IllegalArgumentException("No local secret " + variable);
        return value;
    }

    /** Returns the secrets generated by this start, in banner order: the ones to show, once. */
    public Map<String, String> generatedNow() {
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((name, value) -> { if (generatedNow.contains(name)) shown.put(name, value); });
        return shown;
    }

    /** Returns the file generated secrets are kept in, with {@code --data-dir}. */
    public Optional<Path> keptIn() {
        return keptIn;
    }

    @Override
    public String toString() {
        return "LocalSecrets" + values.keySet() + " (values hidden)";
    }

    private static String urlToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Returns {@code length} random letters and digits (also the generated admin password). */
    static String alphanumeric(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        return out.toString();
    }

    private static Properties read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void write(Path file, Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix"))
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Secrets the local runtime generated; delete this file to get new ones");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
