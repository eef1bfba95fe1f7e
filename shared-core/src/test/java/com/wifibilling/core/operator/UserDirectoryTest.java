package com.wifibilling.core.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.DynamoDbTransactionStore;
import com.wifibilling.core.store.DynamoDbUserStore;
import com.wifibilling.core.store.TestTables;
import com.wifibilling.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
class UserDirectoryTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private final DynamoDbUserStore users;
    private final DynamoDbTransactionStore transactions;
    private final UserDirectory directory;

    UserDirectoryTest(TestTables tables) {
        users = new DynamoDbUserStore(tables.client(), tables.name("UsersTable"),
                new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable")));
        transactions = new DynamoDbTransactionStore(tables.client(), tables.name("TransactionsTable"));
        directory = new UserDirectory(users, new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable")), transactions);
    }

    @Test
    void portalUsersPageNewestFirstWithNoneLostOrRepeated() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "dir-" + UUID.randomUUID();
            assertTrue(users.createPortalUser(User.portal(id, null, T0.plusSeconds(3600L * 24 * 365 + i)))); // newer than other tests'
            made.add(id);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = directory.search(Optional.empty(), Optional.empty(), Optional.of("2"), Optional.ofNullable(cursor));
            page.items().forEach(u -> seen.add(u.userId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 3);
        assertEquals(made.reversed(), seen.subList(0, 5), "the five newest first");
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }

    @Test
    void aUserByPhoneComesWithTheirPurchases() {
        Phone phone = Phone.parse("0712999001");
        String id = "dir-phone-" + UUID.randomUUID();
        assertTrue(users.createPortalUser(User.portal(id, phone, T0)));
        var tx = Transaction.pending(UUID.randomUUID().toString(), phone, "basic", Money.kes(20), 3600,
                new DeviceKey("gw-dir", Mac.parse("aa:bb:cc:00:00:01")), "hash", "en", T0);
        assertTrue(transactions.create(tx));
        assertEquals(List.of(id), directory.search(Optional.of("254712999001"), Optional.empty(), Optional.empty(), Optional.empty())
                .items().stream().map(User::userId).toList());
        var detail = directory.find(id);
        assertEquals(List.of(tx.transactionId()), detail.transactions().items().stream().map(Transaction::transactionId).toList());
        assertEquals(0, detail.sessions().items().size());
        assertEquals(404, assertThrows(ApiException.class, () -> directory.find("nobody")).status());
    }

    @Test
    void invalidFiltersNameTheField() {
        assertEquals(Optional.of("phone"), assertThrows(ApiException.class,
                () -> directory.search(Optional.of("123"), Optional.empty(), Optional.empty(), Optional.empty())).field());
        assertEquals(Optional.of("kind"), assertThrows(ApiException.class,
                () -> directory.search(Optional.empty(), Optional.of("robot"), Optional.empty(), Optional.empty())).field());
        assertEquals(Optional.of("limit"), assertThrows(ApiException.class,
                () -> directory.search(Optional.empty(), Optional.empty(), Optional.of("0"), Optional.empty())).field());
    }
}
