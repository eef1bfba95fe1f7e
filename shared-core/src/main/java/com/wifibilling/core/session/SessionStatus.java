package com.wifibilling.core.session;

/** Where a device's entitlement stands (DESIGN §4, Sessions {@code status}). */
public enum SessionStatus {
    /** Time is running until {@code expiresAt}; grants extend it. */
    ACTIVE,
    /** An admin terminated it (DESIGN §6): {@code expiresAt} was set to the moment it ended. */
    ENDED,
    /** Its remaining time was moved to another device (DESIGN §6, "Moving to a new MAC"). */
    MOVED
}
