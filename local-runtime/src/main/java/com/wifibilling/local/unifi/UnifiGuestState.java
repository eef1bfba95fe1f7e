package com.wifibilling.local.unifi;

import java.time.Instant;

/**
 * What the simulated controller holds for one device: authorized (with the minutes and rates of the last
 * {@code authorize-guest}, its expiry counted from then) or not, and how often it was kicked.
 */
public record UnifiGuestState(String mac, boolean authorized, int minutes, int upKbps, int downKbps, Instant authorizedAt,
                              Instant expiresAt, int authorizations, int kicks) {}
