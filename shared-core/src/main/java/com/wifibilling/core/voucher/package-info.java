/**
 * Codes that unlock time (DESIGN §4 Vouchers): sold {@link com.wifibilling.core.voucher.Voucher}s, generated in
 * batches, and the purchase codes paid sessions mint. Redeeming is the voucher's claim in the grant of DESIGN §4
 * (unused → used, bound to one device), a single conditional write that two devices can race for safely.
 */
package com.wifibilling.core.voucher;
