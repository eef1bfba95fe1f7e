package com.wifibilling.local.daraja;

/** How a scenario's callback is delivered (contracts/daraja.md §10.2, §10.3). */
enum Delivery {
    /** Once, when the outcome is reached. */
    ONCE,
    /** Never: only the query reveals the outcome. */
    NEVER,
    /** Twice with the identical body, {@code duplicateGapMs} apart. */
    TWICE,
    /** Once, at {@code lateDelayMs} (or at the outcome, if that is later). */
    LATE
}
