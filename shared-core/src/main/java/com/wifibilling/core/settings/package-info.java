/**
 * Operator-editable settings (DESIGN §4, Settings): branding, notification toggles and the like, each a string
 * (JSON allowed) under a key, edited with optimistic versions so two admins never overwrite each other
 * unknowingly. Everything else is configured by environment (DESIGN §7). A domain package: JDK, the shared JSON
 * mapper, {@code http.ApiException} and the audit log, never AWS types.
 */
package com.wifibilling.core.settings;
