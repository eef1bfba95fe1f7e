package com.wifibilling.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The environment one function sees (DESIGN §7). {@link #system()} is the only reader of the process
 * environment; the local runtime builds one per function from its template.yaml entry, and tests from a map.
 * A missing or malformed variable stops start-up with a message that names it. {@link #watched} also reports
 * every name asked for, which is how the template tests prove that template.yaml sets exactly what each
 * function reads.
 */
public final class Env {
    private static final Consumer<String> UNWATCHED = name -> { };

    private final Map<String, String> vars;
    private final Consumer<String> reads;

    public Env(Map<String, String> vars) {
        this(vars, UNWATCHED);
    }

    private Env(Map<String, String> vars, Consumer<String> reads) {
        this.vars = Map.copyOf(vars);
        this.reads = reads;
    }

    /** Returns the variables, unmodifiable. */
    public Map<String, String> vars() {
        return vars;
    }

    /** Returns an environment that tells {@code reads} each name the code asks for, whether it is set or not. */
    public static Env watched(Map<String, String> vars, Consumer<String> reads) {
        return new Env(vars, reads);
    }

    /** Returns the process environment; used by the Lambda no-arg constructors only. */
    public static Env system() {
        // CHECKSTYLE.OFF: RegexpSinglelineJava — the one sanctioned reader of the process environment
        return new Env(System.getenv());
        // CHECKSTYLE.ON: RegexpSinglelineJava
    }

    public static Env of(Map<String, String> vars) {
        return new Env(vars);
    }

    /** Returns the variable; throws {@link ConfigException} naming it when it is missing or blank. */
    public String require(String name) {
        return optional(name).orElseThrow(() ->
                new ConfigException("Missing environment variable " + name + " (see config/example.env)"));
    }

    /** Returns the variable parsed; throws {@link ConfigException} naming it when missing or malformed. */
    public <T> T require(String name, Function<String, T> parse) {
        return parse(name, require(name), parse);
    }

    /** Returns the variable when set and not blank. */
    public Optional<String> optional(String name) {
        reads.accept(name);
        String value = vars.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Returns the variable parsed, or the default when it is not set; a malformed value still fails. */
    public <T> T optional(String name, Function<String, T> parse, T fallback) {
        return optional(name).map(value -> parse(name, value, parse)).orElse(fallback);
    }

    /** Returns a copy with more variables; later values win. */
    public Env with(Map<String, String> more) {
        var merged = new java.util.HashMap<>(vars);
        merged.putAll(more);
        return new Env(merged, reads);
    }

    /** Names the variables only: their values may be secrets. */
    @Override
    public String toString() {
        return "Env" + new java.util.TreeSet<>(vars.keySet());
    }

    private static <T> T parse(String name, String value, Function<String, T> parse) {
        try {
            T parsed = parse.apply(value);
            if (parsed == null) throw new IllegalArgumentException("no value");
            return parsed;
        } catch (RuntimeException e) {
            // The value itself may be a secret: name the variable, never echo the value.
            throw new ConfigException("Malformed environment variable " + name + ": " + reason(e));
        }
    }

    /** Parsers explain themselves with a {@link ConfigException}; other messages (NumberFormatException's
     *  "For input string: …") would echo the value, so only the exception's type is kept. */
    private static String reason(RuntimeException e) {
        return e instanceof ConfigException ? e.getMessage() : "not a valid value (" + e.getClass().getSimpleName() + ")";
    }
}
