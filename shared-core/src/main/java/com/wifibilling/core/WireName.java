package com.wifibilling.core;

import java.util.Locale;

/**
 * Returns enum constants as stored items and the API's JSON spell them (DESIGN §3): lower case, words joined by
 * dashes ({@code PENDING} → {@code pending}, {@code AWAITING_LOGIN} → {@code awaiting-login},
 * {@code GENERIC_RADIUS} → {@code generic-radius}), and back. One rule for every enum keeps items readable in the
 * console and the same as the JSON a client sends and reads.
 */
public final class WireName {
    private WireName() {}

    /** Returns the spelling of {@code constant}, or null for null (an absent optional attribute). */
    public static String of(Enum<?> constant) {
        return constant == null ? null : constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Returns the constant of {@code type} spelled {@code spelling}, or null for null. Only the exact spelling
     * counts ({@code PENDING} and {@code awaiting_login} are not spellings): anything else throws an
     * {@link IllegalArgumentException} naming the type, because a stored value we cannot read comes from a newer
     * writer or a bug, and guessing would hide it.
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String spelling) {
        if (spelling == null) return null;
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(spelling)) return constant;
        }
        throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " spelling \"" + spelling + "\"");
    }
}
