package com.wifibilling.core.session;

import java.time.Instant;

/**
 * The port that mints a new session's access code (DESIGN §6 "Credentials"): a purchase code in the voucher
 * format, unique among every code that unlocks time, because it is recorded in the Vouchers table (kind
 * {@code purchase}) bound to the grant's device and {@code sessionId}. Implemented by the voucher package, which
 * owns the format and the table; this package only asks.
 */
public interface AccessCodeMint {
    /** Returns the canonical code, already recorded for {@code sessionId} on {@code grant}'s device at {@code at}. */
    String mint(Grant grant, String sessionId, Instant at);
}
