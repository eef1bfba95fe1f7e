package com.wifibilling.core.settings;

import com.wifibilling.core.http.ApiException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting: {@code value} (a string, JSON allowed, at most 32 KiB) under {@code key} (such as
 * {@code branding.name}), who changed it last and when, and its {@code version} (1 when first written, one more
 * per change).
 */
public record Setting(String key, String value, Instant updatedAt, String updatedBy, long version) {
    public static final int MAX_VALUE_LENGTH = 32 * 1024;
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9._-]{0,63}");

    public Setting {
        requireKey(key);
        if (value == null || value.length() > MAX_VALUE_LENGTH)
            throw ApiException.invalidField("value", "value must be a string of at most " + MAX_VALUE_LENGTH + " characters");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (updatedBy == null || updatedBy.isBlank()) throw new IllegalArgumentException("updatedBy must name who changed it");
        if (version < 1) throw new IllegalArgumentException("a stored setting has version 1 or more");
    }

    /** Returns {@code key} when it is a setting name: a lowercase letter, then up to 63 letters, digits, dots, dashes or underscores. */
    public static String requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches())
            throw ApiException.invalidField("key", "setting keys look like branding.name");
        return key;
    }
}
