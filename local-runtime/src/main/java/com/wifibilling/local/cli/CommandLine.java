package com.wifibilling.local.cli;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Walks a command line of {@code --name value} and {@code --name=value} options, the spellings every tool here
 * accepts. A tool switches on {@link #name()} and takes {@link #value()} or {@link #flag()}; whatever is wrong
 * is a {@link UsageException} that names the option.
 */
final class CommandLine {
    private final String[] args;
    private int index = -1;
    private String name;
    private String inlineValue;

    CommandLine(String[] args) {
        this.args = args.clone();
    }

    /** Moves to the next option; returns false when there is none. */
    boolean next() {
        if (++index >= args.length) return false;
        String arg = args[index];
        int equals = arg.indexOf('=');
        boolean inline = arg.startsWith("--") && equals > 0; // --port=3001 as well as --port 3001
        name = inline ? arg.substring(0, equals) : arg;
        inlineValue = inline ? arg.substring(equals + 1) : null;
        return true;
    }

    /** Returns the current option's name, without any {@code =value}. */
    String name() {
        return name;
    }

    /** Returns the current option's value: what follows its {@code =}, else the next argument (consumed). */
    String value() {
        if (inlineValue != null) return inlineValue;
        if (index + 1 >= args.length || args[index + 1].startsWith("--")) throw new UsageException(name + " needs a value");
        return args[++index];
    }

    /** Returns true, for a switch; a switch given a value ({@code --update=yes}) is refused. */
    boolean flag() {
        if (inlineValue != null) throw new UsageException(name + " takes no value");
        return true;
    }

    /** Returns the error for an option the tool does not know. */
    UsageException unknown() {
        return new UsageException("Unknown option " + args[index]);
    }

    /** Returns the current option's value as a whole number from {@code min} to {@code max}. */
    int number(int min, int max) {
        String text = value();
        try {
            int number = Integer.parseInt(text.strip());
            if (number >= min && number <= max) return number;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException(name + " needs a number from " + min + " to " + max + ", not " + text);
    }

    /** Returns the current option's value as an {@code http(s)://host[:port][/path]} address. */
    URI httpUri() {
        String text = value();
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return uri;
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new UsageException(name + " needs http(s)://host[:port], not " + text);
    }
}
