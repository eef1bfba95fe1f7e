package com.wifibilling.core.auth;

/**
 * Who a token was issued to, its {@code aud} claim (DESIGN §3): the admin dashboard or the captive portal. Spelled
 * {@code admin} and {@code portal} on the wire.
 */
public enum Audience {
    ADMIN("admin"), PORTAL("portal");

    private final String claim;

    Audience(String claim) {
        this.claim = claim;
    }

    /** Returns the {@code aud} value, {@code admin} or {@code portal}. */
    public String claim() {
        return claim;
    }
}
