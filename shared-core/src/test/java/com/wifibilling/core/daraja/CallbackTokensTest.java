package com.wifibilling.core.daraja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.config.ConfigException;
import org.junit.jupiter.api.Test;

/** contracts/daraja.md §4.1 step 1: the callback's secret path token, with rotation. */
class CallbackTokensTest {
    static final String CURRENT = "9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3";
    static final String PREVIOUS = "0123456789abcdef0123456789abcdef";

    @Test
    void currentTokenIsTheFirstAndBothAreAcceptedDuringRotation() {
        var tokens = CallbackTokens.parse(CURRENT + " , " + PREVIOUS);
        assertEquals(CURRENT, tokens.current());
        assertTrue(tokens.accepts(CURRENT));
        assertTrue(tokens.accepts(PREVIOUS));
    }

    @Test
    void anythingElseIsRefused() {
        var tokens = CallbackTokens.parse(CURRENT);
        assertFalse(tokens.accepts(null));
        assertFalse(tokens.accepts(""));
        assertFalse(tokens.accepts(CURRENT.substring(1)));
        assertFalse(tokens.accepts(CURRENT + "0"));
        assertFalse(tokens.accepts(CURRENT.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void anEmptyListIsRefusedAtStartUp() {
        assertThrows(ConfigException.class, () -> CallbackTokens.parse(" , "));
    }
}
