package com.wifibilling.core.voucher;

import java.util.Objects;
import java.util.Optional;

/**
 * What redeeming a code found (the voucher's claim, DESIGN §4 step 1), with the voucher as it stands after it.
 * Only {@link Outcome#REDEEMED} changed anything.
 */
public record Redemption(Outcome outcome, Voucher voucher) {
    public enum Outcome {
        /** This caller moved it from unused to used, bound to its device: it owns the grant. */
        REDEEMED,
        /**
         * The same device redeemed it before (a retried request): carry on with the grant, whose steps are
         * idempotent, and answer as the first time did.
         */
        ALREADY_USED_BY_SAME_DEVICE,
        /** Another device has it: 409 {@code VOUCHER_ALREADY_USED}, or a move with proof (DESIGN §6). */
        ALREADY_USED,
        /** An admin voided it: 410 {@code VOUCHER_VOID}. */
        VOID,
        /** Unused, but past {@code validUntil}: 410 {@code VOUCHER_EXPIRED}. */
        EXPIRED,
        /** No such code: 404 {@code CODE_NOT_FOUND}. */
        NOT_FOUND
    }

    public Redemption {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.NOT_FOUND) != (voucher == null))
            throw new IllegalArgumentException("Every outcome but NOT_FOUND carries the voucher");
    }

    /** Returns the voucher after the attempt; empty only for {@link Outcome#NOT_FOUND}. */
    public Optional<Voucher> current() {
        return Optional.ofNullable(voucher);
    }
}
