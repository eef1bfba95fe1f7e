package com.wifibilling.core.voucher;

/** A code's state (DESIGN §4, Vouchers): it is used once, by one device, or voided before anyone uses it. */
public enum VoucherStatus {
    UNUSED, USED, VOID
}
