package com.wifibilling.core.session;

/** What claiming a grant's source found (DESIGN §4, step 1), and so where the grant goes on from. */
public enum GrantClaim {
    /** This caller's conditional write won: it owns the grant and goes on with apply, publish, confirm. */
    CLAIMED,
    /**
     * Another caller claimed it and has not confirmed yet (still working, or crashed): go on from apply exactly as
     * the winner does. Every step is idempotent, and this is how a crash is repaired.
     */
    CLAIMED_BY_ANOTHER,
    /** The grant was claimed and confirmed before: nothing is left to do. */
    CONFIRMED,
    /** The source grants nothing (closed without a grant, unknown): no session comes of it. */
    REFUSED
}
