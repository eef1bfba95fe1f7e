package com.wifibilling.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Phone;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00.123456Z");
    private static final DeviceKey DEVICE = new DeviceKey("gw-nairobi-01", Mac.parse("aa:bb:cc:dd:ee:01"));
    private static final Session SESSION = new Session(DEVICE, "9f1c2d3e-1", "HS7K2M9Q4B", "e5627b63Ab0dd80b119c",
            new Phone("254712345678"), "basic", "Basic", 5, 2, NOW, NOW.plusSeconds(3600), SessionStatus.ACTIVE, null, null, 1,
            Map.of("tx-1", 3600L), null, null, null, null);

    @Test
    void timesAreKeptAsStoredExpiryInWholeSeconds() {
        assertEquals(Instant.parse("2026-11-25T09:00:00.123Z"), SESSION.startedAt());
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), SESSION.expiresAt());
    }

    @Test
    void grantExtendsFromExpiryAndRecordsItself() {
        Session next = SESSION.withGrant("tx-2", 600);
        assertEquals(SESSION.expiresAt().plusSeconds(600), next.expiresAt());
        assertEquals(Map.of("tx-1", 3600L, "tx-2", 600L), next.appliedGrants());
        assertEquals(2, next.version());
        assertThrows(IllegalStateException.class, () -> next.withGrant("tx-2", 600));
    }

    @Test
    void theGrantThatStartedASessionIsKeptThroughEveryChange() {
        Session started = new Session(DEVICE, "9f1c2d3e-2", "HS7K2M9Q4B", "e5627b63Ab0dd80b119c", null, "basic", "Basic", 5, 2,
                NOW, NOW.plusSeconds(3600), SessionStatus.ACTIVE, null, null, 1, Map.of("tx-1", 3600L), null, null, null, null, "tx-1");
        Session later = started.withGrant("tx-2", 600).withGatewayState(GatewayState.ONLINE).ended(NOW, "terminate");
        assertTrue(later.startedBy("tx-1"));
        assertFalse(later.startedBy("tx-2"));
        assertFalse(SESSION.startedBy("tx-1"), "unknown when not recorded");
        assertThrows(IllegalArgumentException.class, () -> new Session(DEVICE, "s-1", "AC", "Secret1", null, "basic", "Basic", 5, 5,
                NOW, NOW, SessionStatus.ACTIVE, null, null, 1, Map.of("tx-1", 60L), null, null, null, null, "tx-9"));
    }

    @Test
    void endedSessionHasNoTimeLeft() {
        Instant at = NOW.plusSeconds(60);
        Session ended = SESSION.ended(at, "terminate");
        assertEquals(SessionStatus.ENDED, ended.status());
        assertFalse(ended.isActiveAt(at));
        assertTrue(SESSION.isActiveAt(at));
        assertEquals(2, ended.version());
    }

    @Test
    void activeSessionCannotCarryAnEnd() {
        assertThrows(IllegalArgumentException.class, () -> new Session(DEVICE, "s-1", "AC", "Secret1", null, "basic", "Basic", 5, 5,
                NOW, NOW, SessionStatus.ACTIVE, NOW, null, 1, Map.of(), null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Session(DEVICE, "s-1", "AC", "Secret1", null, "basic", "Basic", 5, 5,
                NOW, NOW, SessionStatus.ENDED, null, "terminate", 1, Map.of(), null, null, null, null));
    }

    @Test
    void radiusSecretWithCharactersRlmRestWouldExpandIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Session(DEVICE, "s-1", "AC", "abc%{x}", null, "basic", "Basic", 5, 5,
                NOW, NOW, SessionStatus.ACTIVE, null, null, 1, Map.of(), null, null, null, null));
    }

    @Test
    void printedSessionShowsNoCredentialsAndAMaskedPhone() {
        String printed = SESSION.toString();
        assertFalse(printed.contains("e5627b63Ab0dd80b119c"));
        assertFalse(printed.contains("HS7K2M9Q4B"));
        assertFalse(printed.contains("254712345678"));
        assertTrue(printed.contains("2547****5678"));
    }

    @Test
    void shardIsStableAndInRange() {
        assertEquals(SESSION.shard(), SESSION.withGrant("tx-2", 1).shard());
        assertTrue(SESSION.shard() >= 0 && SESSION.shard() < Session.SHARDS);
    }
}
