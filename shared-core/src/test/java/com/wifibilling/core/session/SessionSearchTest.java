package com.wifibilling.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.Mac;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.TestTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(DynaliteExtension.class)
class SessionSearchTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final DynamoDbSessionStore store;
    private final SessionSearch search;

    SessionSearchTest(TestTables tables) {
        store = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        search = new SessionSearch(store);
    }

    private Session session(String gatewayId, int n, long seconds) {
        var device = new DeviceKey(gatewayId, new Mac(String.format("02:AA:00:00:%02X:%02X", n / 256, n % 256)));
        var s = new Session(device, "s-search-" + gatewayId + n, "AC" + n, "Secret0123456789abcd", null, "basic", "Basic", 5, 5, NOW,
                NOW.plusSeconds(seconds), SessionStatus.ACTIVE, null, null, 1, Map.of("g" + n, seconds), null, null, null, null);
        store.write(Optional.empty(), s, "g" + n);
        return s;
    }

    @Test
    void aGatewaysSessionsPageLatestExpiryFirstWithNoneLostOrRepeated() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) made.add(session("gw-search", i, 600L * (i + 1)).deviceKey().value());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = search.search(Optional.of("gw-search"), Optional.empty(), Optional.of("3"), Optional.ofNullable(cursor));
            page.items().forEach(s -> seen.add(s.deviceKey().value()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(made.reversed(), seen);
        assertEquals(seen.size(), new HashSet<>(seen).size());
        assertEquals(made.getFirst(), search.find(made.getFirst()).deviceKey().value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {"gatewayId,,", "gatewayId,bad id!,", "phone,,12345", "limit,gw-search,", "phone,gw-search,0712345678"}, nullValues = "")
    void invalidFiltersAreA400NamingTheField(String field, String gatewayId, String phone) {
        Optional<String> limit = field.equals("limit") ? Optional.of("500") : Optional.empty();
        var rejected = assertThrows(ApiException.class,
                () -> search.search(Optional.ofNullable(gatewayId), Optional.ofNullable(phone), limit, Optional.empty()));
        assertEquals(400, rejected.status());
        assertEquals(Optional.of(field), rejected.field());
    }

    @Test
    void anUnknownDeviceIs404AndAMalformedKeyIs400() {
        assertEquals(404, assertThrows(ApiException.class, () -> search.find("gw-none#02:AA:00:00:00:01")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> search.find("not-a-key")).status());
    }
}
