package com.wifibilling.core.payment;

import java.util.Objects;
import java.util.Optional;

/**
 * What a claim of a payment's grant found (DESIGN §4, step 1), with the transaction as it stands after it.
 * Only {@link Outcome#CLAIMED} won the claim; {@link Outcome#ALREADY_CLAIMED_UNCONFIRMED} lost it to a caller
 * that has not confirmed yet, and must carry on from the apply step exactly as the winner does (a crashed
 * winner is repaired this way).
 */
public record PaymentClaim(Outcome outcome, Transaction transaction) {
    public enum Outcome {
        /** This caller moved the transaction from pending to completed: it owns the grant. */
        CLAIMED,
        /** Another caller claimed it and has not confirmed: apply, publish and confirm anyway (each is idempotent). */
        ALREADY_CLAIMED_UNCONFIRMED,
        /** The grant was claimed and confirmed before: nothing left to do. */
        ALREADY_CONFIRMED,
        /** It was closed without a grant (cancelled, expired or failed): see the transaction's status. */
        NOT_PENDING,
        /** No transaction has that id. */
        NOT_FOUND
    }

    public PaymentClaim {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.NOT_FOUND) != (transaction == null))
            throw new IllegalArgumentException("Every outcome but NOT_FOUND carries the transaction");
    }

    /** Returns the transaction after the claim; empty only for {@link Outcome#NOT_FOUND}. */
    public Optional<Transaction> current() {
        return Optional.ofNullable(transaction);
    }

    /** Returns whether this caller must go on with apply, publish and confirm. */
    public boolean grantToFinish() {
        return outcome == Outcome.CLAIMED || outcome == Outcome.ALREADY_CLAIMED_UNCONFIRMED;
    }
}
