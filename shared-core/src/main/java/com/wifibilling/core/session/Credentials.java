package com.wifibilling.core.session;

import com.wifibilling.core.RandomText;
import java.util.UUID;

/**
 * A new session's login credentials (contracts/gateways.md §1 "Login credentials", DESIGN §6): {@code sessionId},
 * the RADIUS User-Name — a random UUID, opaque, {@code [0-9a-f-]}, 36 characters, never MAC-shaped; {@code
 * radiusSecret}, its password — 20 letters and digits from a SecureRandom (letters and digits only, as rlm_rest
 * expands {@code %{…}}); {@code accessCode}, the code the user sees. Made once per session, kept by every
 * extension, never logged: {@link #toString()} shows none of the secrets.
 */
public record Credentials(String sessionId, String accessCode, String radiusSecret) {
    public static final int RADIUS_SECRET_LENGTH = 20;

    /** Returns a new RADIUS User-Name: a type-4 UUID (122 random bits from the JDK's SecureRandom). */
    public static String newSessionId() {
        return UUID.randomUUID().toString();
    }

    /** Returns a new RADIUS password: {@value #RADIUS_SECRET_LENGTH} of {@code [A-Za-z0-9]}, about 119 bits. */
    public static String newRadiusSecret() {
        return RandomText.lettersAndDigits(RADIUS_SECRET_LENGTH);
    }

    @Override
    public String toString() {
        return "Credentials[sessionId=" + sessionId + ", accessCode=…, radiusSecret=…]";
    }
}
