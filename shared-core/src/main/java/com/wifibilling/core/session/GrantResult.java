package com.wifibilling.core.session;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link GrantService#grant} did: what the claim found and the device's session after the grant, which is
 * null only when the source was {@link GrantClaim#REFUSED}.
 */
public record GrantResult(GrantClaim claim, Session session) {
    public GrantResult {
        Objects.requireNonNull(claim, "claim");
        if ((claim == GrantClaim.REFUSED) != (session == null))
            throw new IllegalArgumentException("A session comes with every claim but a refused one");
    }

    public static GrantResult refused() {
        return new GrantResult(GrantClaim.REFUSED, null);
    }

    /** Returns the session the grant is in; empty when the source refused. */
    public Optional<Session> granted() {
        return Optional.ofNullable(session);
    }
}
