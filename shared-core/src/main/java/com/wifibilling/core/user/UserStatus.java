package com.wifibilling.core.user;

/** Whether a user may sign in, stored as {@code active} or {@code disabled}. */
public enum UserStatus {
    ACTIVE, DISABLED
}
