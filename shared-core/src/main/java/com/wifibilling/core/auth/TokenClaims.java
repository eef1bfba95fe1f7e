package com.wifibilling.core.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a verified token says (DESIGN §3): {@code sub} (a userId for admins, a sessionId for portal users), its
 * {@code roles}, its {@code aud} and when it expires.
 */
public record TokenClaims(String subject, List<String> roles, Audience audience, Instant expiresAt) {
    public TokenClaims {
        Objects.requireNonNull(subject, "subject");
        roles = List.copyOf(roles);
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
