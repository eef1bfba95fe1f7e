package com.wifibilling.core.session;

import java.security.SecureRandom;
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
    private static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Returns a new RADIUS User-Name: a type-4 UUID (122 random bits from the JDK's SecureRandom). */
    public static String newSessionId() {
        return UUID.randomUUID().toString();
    }

    /** Returns a new RADIUS password: {@value #RADIUS_SECRET_LENGTH} of {@code [A-Za-z0-9]}, about 119 bits. */
    public static String newRadiusSecret() {
        var secret = new StringBuilder(RADIUS_SECRET_LENGTH);
        for (int i = 0; i < RADIUS_SECRET_LENGTH; i++) secret.append(LETTERS_AND_DIGITS.charAt(RANDOM.nextInt(LETTERS_AND_DIGITS.length())));
        return secret.toString();
    }

    @Override
    public String toString() {
        return "Credentials[sessionId=" + sessionId + ", accessCode=…, radiusSecret=…]";
    }
}
