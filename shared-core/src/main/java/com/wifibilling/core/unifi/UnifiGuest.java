package com.wifibilling.core.unifi;

import com.wifibilling.core.Mac;
import com.wifibilling.core.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code authorize-guest} (contracts/gateways.md §5.3): the device's {@code mac}, {@code minutes} of access,
 * and {@code up}/{@code down} in kbps; {@code apMac} when the portal learnt it (it makes the controller faster).
 * No {@code bytes} quota: its unit is contested between clients.
 */
public record UnifiGuest(Mac mac, long minutes, int upKbps, int downKbps, Optional<Mac> apMac) {
    public UnifiGuest {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(apMac, "apMac");
        if (minutes < 1) throw new IllegalArgumentException("minutes must be at least 1");
        if (upKbps < 1 || downKbps < 1) throw new IllegalArgumentException("rates must be at least 1 kbps");
    }

    /**
     * Returns the guest for {@code session} at {@code now}: {@code minutes} = ceil(seconds left / 60), so the
     * controller never cuts the device before {@code expiresAt}; rates from the package's Mbps × 1000.
     */
    public static UnifiGuest of(Session session, Instant now) {
        long secondsLeft = Math.max(1, Duration.between(now, session.expiresAt()).toSeconds());
        return new UnifiGuest(session.deviceKey().mac(), (secondsLeft + 59) / 60, session.uploadMbps() * 1000,
                session.downloadMbps() * 1000, Optional.empty());
    }

    /** Returns the MAC as the controller wants it: lowercase, colon-separated. */
    String wireMac() {
        return wire(mac);
    }

    static String wire(Mac mac) {
        return mac.value().toLowerCase(Locale.ROOT);
    }
}
