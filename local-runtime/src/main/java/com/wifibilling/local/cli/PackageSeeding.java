package com.wifibilling.local.cli;

import com.wifibilling.core.pkg.PackageStore;
import com.wifibilling.core.pkg.TimePackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One package of the file against the table, create-if-absent as the runtime's seeding does: a package that is
 * not there is created; one that is there is kept — reported unchanged, or with how it differs — and
 * overwritten with the file's version only when asked to. Nothing is ever deleted.
 */
final class PackageSeeding {
    enum Outcome { CREATED, UNCHANGED, DIFFERS, UPDATED }

    /** What became of one package; {@code differences} says how the stored one differed from the file's. */
    record Result(String packageId, Outcome outcome, List<String> differences) {
        Result {
            differences = List.copyOf(differences);
        }

        /** Returns the report line's text after the package id. */
        String describe() {
            return switch (outcome) {
                case CREATED -> "created";
                case UNCHANGED -> "kept (unchanged)";
                case DIFFERS -> "kept (differs: " + String.join(", ", differences) + ")";
                case UPDATED -> "updated (" + String.join(", ", differences) + ")";
            };
        }
    }

    private static final List<Field> FIELDS = List.of(
            new Field("name", TimePackage::name, true),
            new Field("description", TimePackage::description, false), // up to 200 characters: named, not shown
            new Field("durationMinutes", TimePackage::durationMinutes, true),
            new Field("bandwidthMbps", TimePackage::bandwidthMbps, true),
            new Field("uploadMbps", TimePackage::uploadMbps, true),
            new Field("priceKES", TimePackage::priceKES, true),
            new Field("active", TimePackage::active, true),
            new Field("sortOrder", TimePackage::sortOrder, true));

    private record Field(String name, Function<TimePackage, Object> value, boolean shown) {}

    private PackageSeeding() {}

    /** Returns what became of {@code wanted}; {@code update} lets the file's version replace a differing one. */
    static Result seed(PackageStore store, TimePackage wanted, boolean update) {
        String id = wanted.packageId();
        if (store.create(wanted)) return new Result(id, Outcome.CREATED, List.of());
        TimePackage stored = store.find(id).orElseThrow(() ->
                new IllegalStateException("Package " + id + " was deleted while seeding: run again"));
        if (stored.equals(wanted)) return new Result(id, Outcome.UNCHANGED, List.of());
        List<String> differences = differences(stored, wanted);
        if (!update) return new Result(id, Outcome.DIFFERS, differences);
        if (!store.update(wanted)) throw new IllegalStateException("Package " + id + " was deleted while seeding: run again");
        return new Result(id, Outcome.UPDATED, differences);
    }

    /** Returns each field that differs, as {@code priceKES 20 -> 25} (the table's value, then the file's). */
    static List<String> differences(TimePackage stored, TimePackage file) {
        List<String> differences = new ArrayList<>();
        for (Field field : FIELDS) {
            Object was = field.value().apply(stored);
            Object wanted = field.value().apply(file);
            if (Objects.equals(was, wanted)) continue;
            differences.add(field.shown() ? field.name() + " " + show(was) + " -> " + show(wanted) : field.name());
        }
        return differences;
    }

    private static String show(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }
}
