package com.wifibilling.core.gateway;

import static com.wifibilling.core.gateway.RadiusFixtures.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.TestClock;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbSessionStore;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RADIUS authorize (contracts/gateways.md §3.4) on dynalite: what each gateway type is told, and every refusal. */
@ExtendWith(DynaliteExtension.class)
class RadiusAuthorizationTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final DynamoDbSessionStore sessions;
    private final DynamoDbLoginStore logins;
    private final DynamoDbGatewayStore gateways;
    private final RadiusAuthorization radius;
    private final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
    private final String mikrotik = "mt-" + suffix;
    private final String pfsense = "pf-" + suffix;
    private final String generic = "gen-" + suffix;

    RadiusAuthorizationTest(TestTables tables) {
        sessions = new DynamoDbSessionStore(tables.client(), tables.name("SessionsTable"));
        logins = new DynamoDbLoginStore(tables.client(), tables.name("LoginsTable"));
        gateways = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        gateways.create(Gateway.builder(mikrotik, "Cafe", GatewayType.MIKROTIK, NOW).acctInterimSeconds(120).build());
        gateways.create(Gateway.builder(pfsense, "Hostel", GatewayType.PFSENSE, NOW).idleTimeoutSeconds(600).build());
        gateways.create(Gateway.builder(generic, "Chilli", GatewayType.GENERIC_RADIUS, NOW).build());
        radius = new RadiusAuthorization(gateways, logins, sessions, new Metrics("test", clock, line -> { }), clock);
    }

    private Session live(String gatewayId) {
        return RadiusFixtures.live(sessions, logins, gatewayId, NOW, 3600);
    }

    private RadiusDecision ask(String gatewayId, String userName, String callingStation) {
        return radius.authorize(attributes("User-Name", userName, "CHAP-Password", "0xf921176106422528f4e37755450156c298",
                "Calling-Station-Id", callingStation, "NAS-Port-Type", "19", "WB-Gateway-Id", gatewayId));
    }

    private static void assertRejected(String message, RadiusDecision decision) {
        assertEquals(401, decision.status());
        assertEquals(Map.of("reply:Reply-Message", Map.of("value", message, "do_xlat", false)), decision.body());
    }

    @Test
    void aMikrotikLoginGetsThePasswordTimeLeftRateLimitUploadFirstAndInterimInterval() {
        Session session = live(mikrotik);
        clock.advance(Duration.ofSeconds(60));
        RadiusDecision decision = ask(mikrotik, session.sessionId(), session.mac().value().toLowerCase().replace(':', '-'));
        assertEquals(200, decision.status());
        assertEquals(List.of("control:Cleartext-Password", "reply:Session-Timeout", "reply:Acct-Interim-Interval", "reply:Class",
                "reply:Mikrotik-Rate-Limit"), List.copyOf(decision.body().keySet()));
        assertEquals(List.of(session.radiusSecret(), 3540L, 120, "wb:" + session.sessionId(), "2000k/5000k"),
                List.copyOf(decision.body().values()));
    }

    @Test
    void aPfsenseLoginGetsBandwidthInBitsPerSecondAndIdleTimeoutButNoInterimInterval() {
        Session session = live(pfsense);
        RadiusDecision decision = ask(pfsense, session.sessionId(), session.mac().value());
        assertEquals(200, decision.status());
        assertEquals(Map.of("control:Cleartext-Password", session.radiusSecret(), "reply:Session-Timeout", 3600L, "reply:Idle-Timeout", 600,
                "reply:Class", "wb:" + session.sessionId(), "reply:pfSense-Bandwidth-Max-Up", 2_000_000L,
                "reply:pfSense-Bandwidth-Max-Down", 5_000_000L, "reply:WISPr-Bandwidth-Max-Up", 2_000_000L,
                "reply:WISPr-Bandwidth-Max-Down", 5_000_000L), decision.body());
    }

    @Test
    void aGenericNasGetsWisprRatesAndNoMikrotikAttribute() {
        Session session = live(generic);
        RadiusDecision decision = ask(generic, session.sessionId(), session.mac().value());
        assertEquals(List.of(200, 5_000_000L, 300), List.of(decision.status(), decision.body().get("reply:WISPr-Bandwidth-Max-Down"),
                decision.body().get("reply:Acct-Interim-Interval")));
        assertTrue(!decision.body().containsKey("reply:Mikrotik-Rate-Limit"));
    }

    @Test
    void unknownUserNamesAndUnknownOrDisabledGatewaysAreRejected() {
        Session session = live(mikrotik);
        assertRejected(RadiusAuthorization.UNKNOWN_CODE, ask(mikrotik, "no-such-session", session.mac().value()));
        assertRejected(RadiusAuthorization.UNKNOWN_CODE, ask(mikrotik, "bad name with spaces", session.mac().value()));
        assertRejected(RadiusAuthorization.UNKNOWN_GATEWAY, ask("nowhere-" + suffix, session.sessionId(), session.mac().value()));
        Gateway read = gateways.find(mikrotik).orElseThrow();
        gateways.update(read, read.toBuilder().status(GatewayStatus.DISABLED).build()).orElseThrow();
        assertRejected(RadiusAuthorization.UNKNOWN_GATEWAY, ask(mikrotik, session.sessionId(), session.mac().value()));
    }

    @Test
    void anotherDeviceOrAnotherGatewayCannotUseTheCode() {
        Session session = live(mikrotik);
        assertRejected(RadiusAuthorization.OTHER_DEVICE, ask(mikrotik, session.sessionId(), RadiusFixtures.freshMac()));
        assertRejected(RadiusAuthorization.OTHER_DEVICE, radius.authorize(attributes("User-Name", session.sessionId(),
                "WB-Gateway-Id", mikrotik))); // no Calling-Station-Id at all
        assertRejected(RadiusAuthorization.OTHER_DEVICE, ask(generic, session.sessionId(), session.mac().value()));
    }

    @Test
    void expiredEndedAndLoggedOutSessionsAreRejected() {
        Session expiring = live(mikrotik);
        clock.advance(Duration.ofSeconds(3596)); // 4 s left: too little to log in
        assertRejected(RadiusAuthorization.TIME_UP, ask(mikrotik, expiring.sessionId(), expiring.mac().value()));
        clock.set(NOW);

        Session ended = live(mikrotik);
        assertTrue(sessions.update(ended, ended.ended(NOW, "terminate")));
        assertRejected(RadiusAuthorization.TIME_UP, ask(mikrotik, ended.sessionId(), ended.mac().value()));

        Session loggedOut = live(mikrotik);
        assertTrue(sessions.update(loggedOut, loggedOut.withLoggedOutAt(NOW)));
        assertRejected(RadiusAuthorization.LOGGED_OUT, ask(mikrotik, loggedOut.sessionId(), loggedOut.mac().value()));
        Session back = sessions.find(loggedOut.deviceKey()).orElseThrow();
        assertTrue(sessions.update(back, back.withLoggedOutAt(null))); // what a relogin does
        assertEquals(200, ask(mikrotik, loggedOut.sessionId(), loggedOut.mac().value()).status());
    }

    @Test
    void aMacLoginIsAcceptedWithoutPasswordOnlyWhileTheDevicesSessionIsLive() {
        Session session = live(mikrotik);
        RadiusDecision decision = ask(mikrotik, session.mac().value().toLowerCase(), session.mac().value());
        assertEquals(List.of(200, "Accept", "2000k/5000k"), List.of(decision.status(), decision.body().get("control:Auth-Type"),
                decision.body().get("reply:Mikrotik-Rate-Limit")));
        assertTrue(!decision.body().containsKey("control:Cleartext-Password"));
        assertRejected(RadiusAuthorization.UNKNOWN_CODE, ask(mikrotik, RadiusFixtures.freshMac(), null));
        assertTrue(sessions.update(session, session.withLoggedOutAt(NOW)));
        assertRejected(RadiusAuthorization.LOGGED_OUT, ask(mikrotik, session.mac().value(), session.mac().value()));
    }
}
