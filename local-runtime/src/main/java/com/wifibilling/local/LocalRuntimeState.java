package com.wifibilling.local;

import com.fasterxml.jackson.core.JacksonException;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How tools find a running local runtime without copying ports: once started, the runtime writes
 * {@code <home>/.local-runtime/<api port>.json} with its endpoints, region, table names and pid, and deletes it
 * when it stops (Ctrl-C and SIGTERM too, through {@link LocalRuntime#close()}). Only a killed JVM leaves one
 * behind, which {@link #pidAlive()} tells apart. It holds addresses and names only, never a secret.
 */
public record LocalRuntimeState(URI api, URI dynamodb, URI sqs, String region, Map<String, String> tables, long pid) {
    public static final String FOLDER = ".local-runtime";

    public LocalRuntimeState {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables)); // sorted: a file people read
    }

    /** Returns where the runtime whose API listens on {@code port} keeps its state file. */
    public static Path file(Path home, int port) {
        return home.resolve(FOLDER).resolve(port + ".json");
    }

    /** Returns the state the file holds, or empty when there is no file; a file that is not one throws, naming it. */
    public static Optional<LocalRuntimeState> read(Path file) {
        try {
            return Optional.of(Json.MAPPER.readValue(Files.readString(file), LocalRuntimeState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JacksonException e) {
            throw new ConfigException(file + " is not a local runtime state file: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Writes the file whole or not at all (a reader never sees half of it). */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        try {
            Files.writeString(partial, Json.write(this) + "\n");
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Returns whether the process that wrote the state is still running. */
    public boolean pidAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Returns the table name for a logical id such as {@code PackagesTable}, if the runtime's template has it. */
    public Optional<String> tableName(String logicalId) {
        return Optional.ofNullable(tables.get(logicalId));
    }
}
