package com.wifibilling.core.session;

/**
 * Where granted time comes from (DESIGN §4: "every way time is granted"), and so what its {@code grantId} is and
 * which {@link CommandReason} the gateway command carries.
 */
public enum GrantKind {
    /** A completed M-Pesa purchase; grantId = transactionId. */
    PAYMENT,
    /** A sold voucher redeemed on a device; grantId = the voucher code. */
    VOUCHER,
    /** A receipt claim ("I paid but I'm not online", {@code POST /api/payment/claim}). */
    CLAIM,
    /** Remaining time moved from another device (DESIGN §6); grantId = moveId. */
    MOVE;

    /** Returns the reason a gateway command published for this grant carries (contracts/gateways.md §4.3). */
    public CommandReason reason() {
        return switch (this) {
            case PAYMENT -> CommandReason.PAYMENT;
            case VOUCHER -> CommandReason.VOUCHER;
            case CLAIM -> CommandReason.CLAIM;
            case MOVE -> CommandReason.MOVE;
        };
    }

    /** Returns whether the grantId is itself a secret (a voucher code unlocks time), so logs show it masked. */
    boolean secretId() {
        return this == VOUCHER;
    }
}
