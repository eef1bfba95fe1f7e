package com.wifibilling.core.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a moved session's time went (DESIGN §6 "Moving to a new MAC"): the move's grant ({@code moveId}), the
 * device that receives it, the seconds that were left, when it was claimed, and whether the grant was confirmed.
 * Recorded by the claim that ends the old session ({@code active → moved}, DESIGN §4 step 1), so whoever finds it
 * unconfirmed — the user asking again, a racer — can finish the grant.
 */
public record MoveAway(String moveId, DeviceKey to, long seconds, Instant at, boolean confirmed) {
    public MoveAway {
        if (moveId == null || moveId.isBlank()) throw new IllegalArgumentException("moveId is required");
        Objects.requireNonNull(to, "to");
        if (seconds < 1) throw new IllegalArgumentException("A move carries at least one second");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }

    public MoveAway confirmedNow() {
        return new MoveAway(moveId, to, seconds, at, true);
    }
}
