package com.wifibilling.core.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A freshly signed token as login answers it (DESIGN §3): {@code {"token","expiresAt","roles"}}. {@link #toString()}
 * leaves the token out, so a stray log line cannot leak a credential.
 */
public record IssuedToken(String token, Instant expiresAt, List<String> roles) {
    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + ", roles=" + roles + "]";
    }
}
