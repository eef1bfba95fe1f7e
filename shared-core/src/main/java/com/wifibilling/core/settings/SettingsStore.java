package com.wifibilling.core.settings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The Settings table (DESIGN §4): small and operator-edited, so listing it whole is allowed. */
public interface SettingsStore {
    /** Returns the setting, strongly consistent. */
    Optional<Setting> find(String key);

    /** Returns every setting, in no particular order. */
    List<Setting> all();

    /**
     * Returns the setting as written, version {@code expectedVersion + 1}, when the stored version is
     * {@code expectedVersion} (0: the setting must not exist yet); empty, writing nothing, when someone else
     * changed it first (read again and retry, or answer 409).
     */
    Optional<Setting> put(String key, String value, long expectedVersion, String updatedBy, Instant updatedAt);
}
