package com.wifibilling.core.daraja;

import java.util.Objects;
import java.util.Optional;

/**
 * What an STK Query said about a checkout, classified by the table of contracts/daraja.md §5. A query never
 * returns the receipt, the amount or the phone; and a query error never finalizes a transaction: errors other
 * than "still pending" arrive as a {@link DarajaException} instead.
 */
public sealed interface QueryOutcome {
    /** Returns Daraja's {@code ResultDesc} (or the error message of a pending form), for people and logs only. */
    String resultDesc();

    /** {@code ResultCode "0"}: paid. The receipt comes only with the callback. */
    record Completed(String merchantRequestId, String checkoutRequestId, String resultDesc) implements QueryOutcome {}

    /** A final code listed in §6 other than {@code 0} (cancelled, expired, failed: the status is the caller's rule). */
    record Final(String resultCode, String resultDesc) implements QueryOutcome {
        public Final {
            Objects.requireNonNull(resultCode, "resultCode");
        }
    }

    /**
     * Not final yet: {@code 4999}, a code §6 does not list (kept in {@code resultCode}, to record as
     * {@code lastQueryResultCode}), or the error forms "The transaction is being processed" and "Unable to lock
     * subscriber" (no code).
     */
    record Pending(Optional<String> resultCode, String resultDesc) implements QueryOutcome {
        public Pending {
            Objects.requireNonNull(resultCode, "resultCode");
        }
    }
}
