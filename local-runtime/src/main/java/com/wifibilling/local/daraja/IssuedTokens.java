package com.wifibilling.local.daraja;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The OAuth tokens handed out (contracts/daraja.md §2): each valid until its lifetime ends, or until a newer one replaces it. */
final class IssuedTokens {
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final DarajaIds ids;
    private final Clock clock;

    IssuedTokens(DarajaIds ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Returns a new token valid for {@code lifetime}. With {@code invalidateOthers} (setting
     * {@code invalidatePreviousToken}, the Daraja FAQ's claim) every older token stops working at once.
     */
    synchronized String issue(Duration lifetime, boolean invalidateOthers) {
        Instant now = clock.instant();
        if (invalidateOthers) expiries.clear();
        else expiries.values().removeIf(expiry -> !now.isBefore(expiry)); // keeps the map as small as the live tokens
        String token = ids.accessToken();
        expiries.put(token, now.plus(lifetime));
        return token;
    }

    /** Returns whether {@code token} was issued, not replaced, and has not expired. */
    boolean isValid(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    void clear() {
        expiries.clear();
    }
}
