package com.wifibilling.core;

import com.wifibilling.core.http.ApiException;
import java.util.Set;

/**
 * Returns the languages a user may choose (DESIGN §3): requests may carry {@code lang} — {@code en},
 * {@code sw} or {@code sheng} — user-facing answers carry English and Swahili, and SMS go out in the
 * purchase's language. One list, so a purchase, its grant and its receipt never disagree.
 */
public final class Languages {
    public static final Set<String> SUPPORTED = Set.of("en", "sw", "sheng");
    public static final String DEFAULT = "en";

    private Languages() {}

    public static boolean supported(String lang) {
        return lang != null && SUPPORTED.contains(lang);
    }

    /** Returns a request's {@code lang}: {@link #DEFAULT} when absent or blank, else one of {@link #SUPPORTED} (400 otherwise). */
    public static String requested(String lang) {
        if (lang == null || lang.isBlank()) return DEFAULT;
        String stripped = lang.strip();
        if (!supported(stripped)) throw ApiException.invalidField("lang", "lang must be en, sw or sheng");
        return stripped;
    }
}
