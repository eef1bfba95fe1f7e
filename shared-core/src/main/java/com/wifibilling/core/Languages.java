package com.wifibilling.core;

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
}
