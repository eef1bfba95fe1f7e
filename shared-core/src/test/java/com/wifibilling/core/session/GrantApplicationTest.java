package com.wifibilling.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Phone;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantApplicationTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final DeviceKey DEVICE = new DeviceKey("gw-nairobi-01", Mac.parse("aa:bb:cc:dd:ee:01"));
    private static final Phone PHONE = new Phone("254712345678");
    private static final GrantedPackage BASIC = new GrantedPackage("basic", "1 hour", 2, 1);
    private static final GrantedPackage PREMIUM = new GrantedPackage("premium", "1 day fast", 10, 5);
    private static final Accounting ONLINE = new Accounting("s-1", "81500003", "10.5.50.23", "10.5.50.1", "hs", NOW, NOW, 10, 20);
    private static final Session LIVE = new Session(DEVICE, "s-1", "HS7K2M9Q4BX", "e5627b63Ab0dd80b119c", PHONE, "basic",
            "1 hour", 2, 1, NOW, NOW.plusSeconds(1800), SessionStatus.ACTIVE, null, null, 3, Map.of("tx-1", 3600L),
            GatewayState.ONLINE, null, ONLINE, null, "tx-1");

    private static Grant grant(String id, long seconds, GrantedPackage granted, Phone phone) {
        return new Grant(id, GrantKind.PAYMENT, DEVICE, seconds, granted, phone, "sw", null, null);
    }

    @Test
    void extensionAddsFromExpiryTakesTheNewRatesAndKeepsWhoTheDeviceIs() {
        Session next = GrantApplication.extend(LIVE, grant("tx-2", 86_400, PREMIUM, null));
        assertEquals(LIVE.expiresAt().plusSeconds(86_400), next.expiresAt());
        assertEquals("premium", next.packageId());
        assertEquals(10, next.downloadMbps());
        assertEquals(5, next.uploadMbps());
        assertEquals(LIVE.sessionId(), next.sessionId());
        assertEquals(LIVE.accessCode(), next.accessCode());
        assertEquals(LIVE.radiusSecret(), next.radiusSecret());
        assertEquals(PHONE, next.phone(), "a grant without a phone keeps the session's");
        assertEquals(GatewayState.ONLINE, next.gatewayState());
        assertEquals(ONLINE, next.accounting());
        assertEquals(Map.of("tx-1", 3600L, "tx-2", 86_400L), next.appliedGrants());
        assertEquals(4, next.version());
        assertTrue(next.startedBy("tx-1"));
    }

    @Test
    void newSessionStartsNowWithFreshCredentialsAndKeepsTheOldItemsGrants() {
        Session ended = LIVE.ended(NOW.plusSeconds(60), "terminate");
        var credentials = new Credentials("s-2", "K7QM4TXH9WR", "Ab0dd80b119ce5627b63");
        Session next = GrantApplication.start(Optional.of(ended), grant("tx-2", 600, BASIC, null), credentials, NOW.plusSeconds(120));
        assertEquals(NOW.plusSeconds(120), next.startedAt());
        assertEquals(NOW.plusSeconds(720), next.expiresAt());
        assertEquals(SessionStatus.ACTIVE, next.status());
        assertEquals("s-2", next.sessionId());
        assertEquals("K7QM4TXH9WR", next.accessCode());
        assertEquals("Ab0dd80b119ce5627b63", next.radiusSecret());
        assertNull(next.phone(), "a new entitlement belongs to the new grant's phone");
        assertNull(next.accounting());
        assertNull(next.endedAt());
        assertEquals(GatewayState.AWAITING_LOGIN, next.gatewayState());
        assertEquals(Map.of("tx-1", 3600L, "tx-2", 600L), next.appliedGrants());
        assertEquals(ended.version() + 1, next.version());
        assertTrue(next.startedBy("tx-2"));
    }

    @Test
    void firstSessionOfADeviceIsVersionOne() {
        var credentials = new Credentials("s-3", "K7QM4TXH9WR", "Ab0dd80b119ce5627b63");
        Session first = GrantApplication.start(Optional.empty(), grant("tx-3", 600, BASIC, PHONE), credentials, NOW);
        assertEquals(1, first.version());
        assertEquals(Map.of("tx-3", 600L), first.appliedGrants());
        assertEquals(PHONE, first.phone());
    }
}
