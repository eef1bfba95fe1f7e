package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.Grant;
import com.wifibilling.core.session.GrantClaim;
import com.wifibilling.core.session.GrantKind;
import com.wifibilling.core.session.GrantedPackage;
import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import com.wifibilling.core.store.TestTables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
class PaymentGrantSourceTest {
    private static final Instant CREATED = Instant.parse("2026-11-25T21:30:00Z"); // already 26 November in Nairobi
    private static final DeviceKey DEVICE = new DeviceKey("gw-nairobi-01", Mac.parse("aa:bb:cc:dd:ee:01"));
    private static final GrantedPackage BASIC = new GrantedPackage("basic", "1 hour", 2, 2);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final DynamoDbTransactionStore transactions;

    PaymentGrantSourceTest(TestTables tables) {
        transactions = new DynamoDbTransactionStore(tables.client(), tables.name("TransactionsTable"));
    }

    private Transaction pending() {
        var tx = Transaction.pending("tx-src-" + IDS.incrementAndGet(), new Phone("254712345678"), "basic", Money.kes(50), 3600,
                DEVICE, "hash", "sheng", CREATED);
        assertTrue(transactions.create(tx));
        return tx;
    }

    private static PaymentResult success(Instant at) {
        return new PaymentResult("0", "ok", "QK12345678", PaymentSource.CALLBACK, at);
    }

    @Test
    void grantIsThePurchaseItselfWithTheMoneysTime() {
        Transaction tx = pending();
        Grant grant = PaymentGrantSource.claiming(transactions, tx, success(CREATED.plusSeconds(30))).grant(BASIC);
        assertEquals(new Grant(tx.transactionId(), GrantKind.PAYMENT, DEVICE, 3600, BASIC, tx.phone(), "sheng", null,
                CREATED.plusSeconds(30)), grant);
        assertThrows(IllegalArgumentException.class, () -> PaymentGrantSource.claiming(transactions, tx, success(CREATED))
                .grant(new GrantedPackage("premium", "Premium", 10, 10)), "a purchase grants the package it bought");
    }

    @Test
    void claimOutcomesMapToWhereTheGrantGoesOn() {
        Transaction tx = pending();
        var first = PaymentGrantSource.claiming(transactions, tx, success(CREATED));
        var second = PaymentGrantSource.claiming(transactions, tx, success(CREATED));
        assertEquals(GrantClaim.CLAIMED, first.claim());
        assertEquals(GrantClaim.CLAIMED_BY_ANOTHER, second.claim());
        assertEquals(PaymentClaim.Outcome.ALREADY_CLAIMED_UNCONFIRMED, second.claimed().orElseThrow().outcome());
        assertTrue(second.confirm());
        assertFalse(first.confirm(), "one confirmer");
        assertEquals(GrantClaim.CONFIRMED, PaymentGrantSource.claiming(transactions, tx, success(CREATED)).claim());

        Transaction cancelled = pending();
        transactions.close(cancelled.transactionId(), TransactionStatus.CANCELLED, new PaymentResult("1032", "cancelled", null, PaymentSource.CALLBACK, CREATED));
        assertEquals(GrantClaim.REFUSED, PaymentGrantSource.claiming(transactions, cancelled, success(CREATED)).claim());
    }

    @Test
    void tallyCountsTheRevenueOnThePurchasesBusinessDay() {
        var source = PaymentGrantSource.claiming(transactions, pending(), success(CREATED));
        assertEquals(LocalDate.parse("2026-11-26"), source.tally().day());
        assertEquals(Map.of(Counter.PAYMENTS_COMPLETED, 1L, Counter.REVENUE_KES, 50L), source.tally().amounts());
    }

    @Test
    void anUnconfirmedGrantIsFinishedNeverClaimedAgain() {
        Transaction tx = pending();
        PaymentGrantSource.claiming(transactions, tx, success(CREATED.plusSeconds(9))).claim();
        Transaction claimed = transactions.find(tx.transactionId()).orElseThrow();
        var sweeper = PaymentGrantSource.unconfirmed(transactions, claimed);
        assertEquals(CREATED.plusSeconds(9), sweeper.grant(BASIC).paidAt(), "paid when it completed");
        assertThrows(IllegalStateException.class, sweeper::claim);
        assertTrue(sweeper.confirm());
        assertThrows(IllegalArgumentException.class, () -> PaymentGrantSource.unconfirmed(transactions, pending()));
    }
}
