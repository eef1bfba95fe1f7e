package com.wifibilling.core.store;

import java.util.Locale;

/**
 * Returns enum constants as DESIGN.md and the contracts spell stored values: lower case, words joined by dashes
 * ({@code PENDING} → {@code pending}, {@code AWAITING_LOGIN} → {@code awaiting-login},
 * {@code INLINE_POLL} → {@code inline-poll}), and back. One rule for every enum keeps items readable in the
 * console and the same as the API's JSON.
 */
final class StoredEnum {
    private StoredEnum() {}

    static String spell(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns the constant for a stored spelling; an unknown one throws (a newer writer: don't guess). */
    static <E extends Enum<E>> E read(Class<E> type, String stored) {
        return stored == null ? null : Enum.valueOf(type, stored.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
