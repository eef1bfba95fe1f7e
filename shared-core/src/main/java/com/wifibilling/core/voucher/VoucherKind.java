package com.wifibilling.core.voucher;

/** What a code is (DESIGN §4, Vouchers {@code kind}). */
public enum VoucherKind {
    /** Sold stock, generated in batches by an admin: {@code unused → used}, or {@code unused → void}. */
    VOUCHER,
    /** The access code minted by a paid session (the code a buyer sees, types for relogin, claim and move). */
    PURCHASE
}
