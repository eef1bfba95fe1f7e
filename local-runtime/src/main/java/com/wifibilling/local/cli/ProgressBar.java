package com.wifibilling.local.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on stderr: on a terminal one line redrawn in place ({@code [#########           ] 450/1000 generated},
 * with {@code \r}); otherwise (a log, a pipe) a plain line at each quarter, so a log holds a few lines, not a
 * thousand.
 */
final class ProgressBar {
    static final int WIDTH = 20;
    private static final int PLAIN_STEPS = 4;

    private final PrintStream err;
    private final boolean terminal;
    private final String verb;
    private final int total;
    private String drawn = "";
    private int plainStep;

    /** A bar for {@code total} things, each {@code verb} ("generated", "exported") when done. */
    ProgressBar(PrintStream err, boolean terminal, String verb, int total) {
        this.err = err;
        this.terminal = terminal;
        this.verb = verb;
        this.total = Math.max(1, total);
    }

    /** Shows {@code done} of the total; nothing is written when nothing visible changed. */
    void show(int done) {
        int clamped = Math.clamp(done, 0, total);
        if (terminal) {
            int filled = (int) ((long) clamped * WIDTH / total);
            String line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + clamped + "/" + total + " " + verb;
            if (line.equals(drawn)) return;
            err.print("\r" + line);
            err.flush();
            drawn = line;
            return;
        }
        int step = (int) ((long) clamped * PLAIN_STEPS / total);
        if (step <= plainStep) return;
        plainStep = step;
        err.println(String.format(Locale.ROOT, "%s %d/%d (%d%%)", verb, clamped, total, step * 100 / PLAIN_STEPS));
    }

    /** Ends the redrawn line, so what follows starts on a line of its own. */
    void finish() {
        if (terminal && !drawn.isEmpty()) err.println();
        drawn = "";
    }
}
