package com.wifibilling.core.auth;

/**
 * The roles routes ask for (DESIGN §3): admins carry {@code admin} (with any others their Users item lists), portal
 * users {@code portal}. Roles are plain lowercase words, as {@code user.User} stores them.
 */
public final class Role {
    public static final String ADMIN = "admin";
    public static final String PORTAL = "portal";

    private Role() {}
}
