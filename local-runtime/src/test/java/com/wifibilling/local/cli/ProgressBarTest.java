package com.wifibilling.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void onATerminalOneLineIsRedrawnOnlyWhenItChanges() {
        var bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), true, "generated", 1000);
        bar.show(0);
        bar.show(450);
        bar.show(450);
        bar.show(1000);
        bar.finish();
        assertEquals("\r[                    ] 0/1000 generated"
                + "\r[#########           ] 450/1000 generated"
                + "\r[####################] 1000/1000 generated\n", text());
    }

    @Test
    void inALogItWritesAPlainLineAtEachQuarter() {
        var bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), false, "exported", 1200);
        for (int done = 0; done <= 1200; done += 100) bar.show(done);
        bar.finish();
        assertEquals("exported 300/1200 (25%)\nexported 600/1200 (50%)\nexported 900/1200 (75%)\nexported 1200/1200 (100%)\n", text());
    }

    private String text() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
