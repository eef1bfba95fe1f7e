package com.wifibilling.core.user;

/** What a user is, stored as {@code portal} or {@code admin} (the partition key of {@code kind-index}). */
public enum UserKind {
    PORTAL, ADMIN
}
