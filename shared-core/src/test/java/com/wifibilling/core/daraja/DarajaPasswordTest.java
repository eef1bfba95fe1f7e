package com.wifibilling.core.daraja;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** contracts/daraja.md §3's password vectors, with the sandbox shortcode and passkey of §8. */
class DarajaPasswordTest {
    @ParameterizedTest
    @CsvSource({
            "20210628092408, MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjEwNjI4MDkyNDA4",
            "20250315143022, MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjUwMzE1MTQzMDIy"})
    void passwordIsBase64OfShortcodePasskeyAndTimestamp(String timestamp, String password) {
        assertEquals(password, DarajaPassword.of(DarajaServer.SANDBOX_SHORTCODE, DarajaServer.SANDBOX_PASSKEY, timestamp));
    }
}
