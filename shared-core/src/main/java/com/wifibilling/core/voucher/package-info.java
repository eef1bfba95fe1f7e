/**
 * Codes that unlock time (DESIGN §4 Vouchers): sold {@link com.wifibilling.core.voucher.Voucher}s, generated in
 * batches, and the purchase codes paid sessions mint. Redeeming is the voucher's claim in the grant of DESIGN §4
 * (unused → used, bound to one device), a single conditional write that two devices can race for safely.
 *
 * <p>Every code has one format ({@link com.wifibilling.core.voucher.CodeFormat},
 * {@link com.wifibilling.core.voucher.AccessCode}): 31 symbols without look-alikes and a check character that catches
 * every single-character error and every adjacent transposition before any read. {@link com.wifibilling.core.voucher.PurchaseCodes}
 * mints a paid session's code into the same table, so sold and purchase codes share one namespace.
 */
package com.wifibilling.core.voucher;
