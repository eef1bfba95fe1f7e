package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.DeviceKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransactionTest {
    private static final DeviceKey DEVICE = new DeviceKey("gw-nairobi-01", Mac.parse("aa:bb:cc:dd:ee:01"));
    private static final Phone PHONE = new Phone("254712345678");

    @Test
    void dayIsTheNairobiDateOfCreation() {
        assertEquals(LocalDate.parse("2026-11-25"), pending("tx", Instant.parse("2026-11-24T21:00:00Z")).day());
        assertEquals(LocalDate.parse("2026-11-24"), pending("tx", Instant.parse("2026-11-24T20:59:59.999Z")).day());
    }

    @Test
    void shardsSpreadIdsOverEveryPartition() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) seen.add(Transaction.shardOf(UUID.randomUUID().toString()));
        assertEquals(Set.of(0, 1, 2, 3), seen);
    }

    @Test
    void completedTransactionMustRecordItsGrant() {
        Instant now = Instant.parse("2026-11-25T09:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> new Transaction("tx", "ws_CO_1", "m", PHONE, "basic", Money.kes(50), 3600,
                DEVICE, TransactionStatus.COMPLETED, "0", "ok", null, PaymentSource.CALLBACK, "h", "en", now, now, null, null, false));
        var completed = new Transaction("tx", "ws_CO_1", "m", PHONE, "basic", Money.kes(50), 3600, DEVICE,
                TransactionStatus.COMPLETED, "0", "ok", null, PaymentSource.CALLBACK, "h", "en", now, now, "tx", now, false);
        assertTrue(completed.grantUnconfirmed());
    }

    @Test
    void closedTransactionCannotCarryAGrant() {
        Instant now = Instant.parse("2026-11-25T09:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> new Transaction("tx", null, null, PHONE, "basic", Money.kes(50), 3600,
                DEVICE, TransactionStatus.EXPIRED, null, null, null, PaymentSource.SWEEPER, "h", "en", now, now, "tx", now, false));
    }

    @Test
    void unknownLanguageIsAnInvalidField() {
        var e = assertThrows(ApiException.class, () -> Transaction.pending("tx", PHONE, "basic", Money.kes(50), 3600, DEVICE, "h", "fr",
                Instant.parse("2026-11-25T09:00:00Z")));
        assertEquals(Optional.of("lang"), e.field());
    }

    private static Transaction pending(String id, Instant createdAt) {
        return Transaction.pending(id, PHONE, "basic", Money.kes(50), 3600, DEVICE, "h", "sheng", createdAt);
    }
}
