package com.wifibilling.core.payment;

/**
 * A purchase's state (contracts/daraja.md §9): {@code PENDING} until a final answer, then one of the others. Only
 * {@code COMPLETED} grants time.
 */
public enum TransactionStatus {
    PENDING, COMPLETED, CANCELLED, EXPIRED, FAILED;

    /** Returns whether this is a final state that granted nothing (what {@code close} may set). */
    public boolean isClosedWithoutGrant() {
        return this == CANCELLED || this == EXPIRED || this == FAILED;
    }
}
