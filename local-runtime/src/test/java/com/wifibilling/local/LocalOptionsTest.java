package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalOptionsTest {
    private static final Optional<String> HOME = Optional.of(RepoPaths.home().toString());

    @Test
    void defaultsArePort3000InMemoryAndTheHomesTemplate() {
        LocalOptions options = LocalOptions.parse(new String[0], HOME);
        assertEquals(3000, options.port());
        assertEquals(RepoPaths.home().resolve("template.yaml"), options.template());
        assertEquals(Optional.empty(), options.dataDir());
        assertEquals(1.0, options.darajaTimeScale());
    }

    @Test
    void darajaTimeScaleTakesAPositiveNumber() {
        assertEquals(0.01, LocalOptions.parse(new String[] {"--daraja-time-scale", "0.01"}, HOME).darajaTimeScale());
        assertEquals(2.5, LocalOptions.parse(new String[] {"--daraja-time-scale=2.5"}, HOME).darajaTimeScale());
        for (String wrong : new String[] {"0", "-1", "fast", "NaN", "1001"})
            assertTrue(assertThrows(LocalOptions.UsageException.class,
                    () -> LocalOptions.parse(new String[] {"--daraja-time-scale", wrong}, HOME)).getMessage().contains("--daraja-time-scale"));
        assertTrue(LocalOptions.USAGE.contains("--daraja-time-scale X"));
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
        LocalOptions options = LocalOptions.parse(new String[] {"--port=0", "--data-dir", "target/data"}, HOME);
        assertEquals(0, options.port());
        assertEquals(Path.of("target/data").toAbsolutePath().normalize(), options.dataDir().orElseThrow());
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(assertThrows(LocalOptions.UsageException.class, () -> LocalOptions.parse(new String[] {"--port", "http"}, HOME))
                .getMessage().contains("0 to 65535"));
        assertTrue(assertThrows(LocalOptions.UsageException.class, () -> LocalOptions.parse(new String[] {"--prot", "1"}, HOME))
                .getMessage().contains("Unknown option --prot"));
        assertTrue(assertThrows(LocalOptions.UsageException.class, () -> LocalOptions.parse(new String[] {"--data-dir"}, HOME))
                .getMessage().contains("needs a value"));
        assertTrue(assertThrows(LocalOptions.UsageException.class, () -> LocalOptions.parse(new String[] {"--home", "/nonexistent"}, HOME))
                .getMessage().contains("--home"));
    }

    @Test
    void helpNeedsNoTemplate() {
        assertTrue(LocalOptions.parse(new String[] {"--help", "--home", "/nonexistent"}, HOME).help());
    }
}
