package com.wifibilling.core.user;

/** The answer to {@link UserStore#createAdmin}. */
public enum AdminCreation {
    /** The admin exists now: created by this call, or by an earlier call with the same userId and email. */
    CREATED,
    /** Another user holds the email; nothing was written for this one. */
    EMAIL_TAKEN,
    /** Another user (with a different email) already has this userId; nothing was written. */
    USER_ID_TAKEN
}
