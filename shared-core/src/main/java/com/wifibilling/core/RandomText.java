package com.wifibilling.core;

import java.security.SecureRandom;

/** Random secrets as text: letters and digits only, because RADIUS gear, rlm_rest and RouterOS quoting all take them as they are. */
public final class RandomText {
    private static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomText() {}

    /** Returns {@code length} of {@code [A-Za-z0-9]} from a SecureRandom: about 5.95 bits each. */
    public static String lettersAndDigits(int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) text.append(LETTERS_AND_DIGITS.charAt(RANDOM.nextInt(LETTERS_AND_DIGITS.length())));
        return text.toString();
    }
}
