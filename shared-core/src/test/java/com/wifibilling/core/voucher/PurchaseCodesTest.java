package com.wifibilling.core.voucher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.Grant;
import com.wifibilling.core.session.GrantKind;
import com.wifibilling.core.session.GrantedPackage;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbVoucherStore;
import com.wifibilling.core.store.TestTables;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
class PurchaseCodesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final DeviceKey DEVICE = new DeviceKey("gw-nairobi-01", Mac.parse("aa:bb:cc:dd:ee:01"));
    private static final Grant GRANT = new Grant("tx-1", GrantKind.PAYMENT, DEVICE, 3600, new GrantedPackage("basic", "1 hour", 2, 2),
            null, "en", null, null);

    private final DynamoDbVoucherStore vouchers;

    PurchaseCodesTest(TestTables tables) {
        vouchers = new DynamoDbVoucherStore(tables.client(), tables.name("VouchersTable"));
    }

    @Test
    void mintedCodeIsAUsedPurchaseCodeBoundToTheDeviceAndSession() {
        String code = new PurchaseCodes(vouchers).mint(GRANT, "9f1c2d3e-1", NOW);
        assertTrue(CodeFormat.isValid(code));
        Voucher minted = vouchers.find(code).orElseThrow();
        assertEquals(List.of(VoucherKind.PURCHASE, VoucherStatus.USED, DEVICE, "9f1c2d3e-1", "basic", 3600L),
                List.of(minted.kind(), minted.status(), minted.deviceKey(), minted.sessionId(), minted.packageId(), minted.grantSeconds()));
        assertEquals(NOW, minted.usedAt());
        assertNull(minted.ttl(), "kept while extensions keep the code");
    }

    @Test
    void aCodeThatExistsAlreadyIsDrawnAgainNeverOverwritten() {
        AccessCode taken = AccessCode.generate();
        AccessCode free = AccessCode.generate();
        assertTrue(vouchers.create(Voucher.unused(taken.value(), "batch-1", "daily", 86_400, null, NOW, "admin-1", null)));
        var draws = new ArrayDeque<>(List.of(taken, free));

        String code = new PurchaseCodes(vouchers, draws::poll).mint(GRANT, "9f1c2d3e-2", NOW);

        assertEquals(free.value(), code);
        assertEquals(VoucherStatus.UNUSED, vouchers.find(taken.value()).orElseThrow().status(), "the sold voucher is untouched");
    }

    @Test
    void aRandomSourceThatKeepsCollidingIsAFault() {
        AccessCode taken = AccessCode.generate();
        assertTrue(vouchers.create(Voucher.unused(taken.value(), "batch-2", "daily", 86_400, null, NOW, "admin-1", null)));
        assertThrows(IllegalStateException.class, () -> new PurchaseCodes(vouchers, () -> taken).mint(GRANT, "9f1c2d3e-3", NOW));
    }
}
