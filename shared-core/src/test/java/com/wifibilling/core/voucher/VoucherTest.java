package com.wifibilling.core.voucher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VoucherTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void voucherIsValidStrictlyBeforeItsValidUntil() {
        var voucher = Voucher.unused("HS7K2M9Q4B", "b-1", "basic", 3600, NOW, NOW.minusSeconds(60), "admin", null);
        assertTrue(voucher.isValidAt(NOW.minusMillis(1)));
        assertFalse(voucher.isValidAt(NOW));
        assertTrue(Voucher.unused("HS7K2M9Q4B", "b-1", "basic", 3600, null, NOW, "admin", null).isValidAt(NOW.plusSeconds(1_000_000)));
    }

    @Test
    void purchaseCodeIsNeverUnused() {
        assertThrows(IllegalArgumentException.class, () -> new Voucher("HS7K2M9Q4B", VoucherKind.PURCHASE, VoucherStatus.UNUSED, null,
                "basic", 3600, null, null, null, null, NOW, "tx-1", null));
    }

    @Test
    void lowerCaseOrShortCodesAreNotCodes() {
        assertThrows(IllegalArgumentException.class, () -> Voucher.unused("hs7k2m9q4b", "b-1", "basic", 3600, null, NOW, "a", null));
        assertThrows(IllegalArgumentException.class, () -> Voucher.unused("HS7", "b-1", "basic", 3600, null, NOW, "a", null));
    }

    @Test
    void printedVoucherDoesNotRevealTheCode() {
        assertFalse(Voucher.unused("HS7K2M9Q4B", "b-1", "basic", 3600, null, NOW, "a", null).toString().contains("HS7K2M9Q4B"));
    }
}
