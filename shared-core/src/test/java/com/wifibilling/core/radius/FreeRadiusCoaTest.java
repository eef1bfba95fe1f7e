package com.wifibilling.core.radius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our packets against real FreeRADIUS 3.2 as the gateway's DAS (contracts/gateways.md §8): it checks the Request
 * Authenticator and Message-Authenticator and drops anything signed with another secret, so an ACK proves both.
 * Fails (never skips) without FreeRADIUS: CI installs it.
 */
class FreeRadiusCoaTest {
    static final String SECRET = "s3cret-shared-with-the-nas";
    @TempDir
    static Path config;
    static FreeRadiusDas das;

    @BeforeAll
    static void startFreeRadius() throws Exception {
        das = FreeRadiusDas.start(config, SECRET);
    }

    @AfterAll
    static void stopFreeRadius() throws Exception {
        if (das != null) das.close();
    }

    static CoaTarget target(String secret) {
        return new CoaTarget(das.address(), RadiusSecret.of(secret));
    }

    @Test
    void coaRequestWithRateAndTimeoutIsAcked() {
        var request = DynamicRequest.coa().userName("hs-254708374149").acctSessionId("81500003")
                .framedIpAddress(RadiusAuthenticatorsTest.ipv4("10.5.50.23")).nasIpAddress(RadiusAuthenticatorsTest.ipv4("10.5.50.1"))
                .eventTimestamp(Instant.now()).sessionTimeout(1800).mikrotikRateLimit("2000k/5000k")
                .wisprBandwidthMaxUp(2_000_000).wisprBandwidthMaxDown(5_000_000).build();
        CoaReply reply = new CoaClient().send(target(SECRET), request);
        assertEquals(CoaReply.Outcome.ACK, reply.outcome());
        assertEquals(1, reply.transmissions());
        // FreeRADIUS decoded our vendor attributes with its own dictionaries.
        assertLogged("Mikrotik-Rate-Limit = \"2000k/5000k\"");
        assertLogged("WISPr-Bandwidth-Max-Down = 5000000");
        assertLogged("Session-Timeout = 1800");
    }

    @Test
    void disconnectRequestIsAcked() {
        var request = DynamicRequest.disconnect().userName("hs-254708374149").acctSessionId("81500004")
                .framedIpAddress(RadiusAuthenticatorsTest.ipv4("10.5.50.24")).eventTimestamp(Instant.now()).build();
        CoaReply reply = new CoaClient().send(target(SECRET), request);
        assertEquals(CoaReply.Outcome.ACK, reply.outcome());
        assertLogged("Acct-Session-Id = \"81500004\"");
    }

    @Test
    void anUnknownSessionIsGone() {
        CoaReply disconnect = new CoaClient().send(target(SECRET), DynamicRequest.disconnect().acctSessionId("gone").build());
        assertEquals(CoaReply.Outcome.GONE, disconnect.outcome());
        assertEquals(Optional.of(ErrorCause.SESSION_CONTEXT_NOT_FOUND), disconnect.errorCause());
        CoaReply coa = new CoaClient().send(target(SECRET), DynamicRequest.coa().acctSessionId("gone").sessionTimeout(60).build());
        assertEquals(CoaReply.Outcome.GONE, coa.outcome());
    }

    @Test
    void aWrongSecretIsDroppedSoEveryRetryTimesOut() throws InterruptedException {
        var waits = List.of(Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofMillis(1200)); // the contract's 1-2-4 shape, faster
        int logged = das.log().size();
        CoaReply reply = new CoaClient(waits).send(target("not-the-secret"), DynamicRequest.disconnect().acctSessionId("81500005").build());
        assertEquals(CoaReply.Outcome.TIMEOUT, reply.outcome());
        assertEquals(3, reply.transmissions());
        assertTrue(reply.latency().compareTo(Duration.ofMillis(2090)) >= 0, "waited 300 + 600 + 1200 ms: " + reply.latency());
        // All three copies arrived, identical: the same Identifier from the same port, each either dropped or, while
        // FreeRADIUS still remembers the first, ignored as its duplicate. None was answered.
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos(); // FreeRADIUS writes its log on its own time
        String since;
        List<String> received;
        long duplicates;
        while (true) {
            List<String> log = das.log();
            since = String.join("\n", log.subList(Math.min(logged, log.size()), log.size()));
            received = since.lines().filter(line -> line.contains("Received Disconnect-Request"))
                    .map(line -> line.substring(line.indexOf("Id "), line.indexOf(" to "))).toList();
            duplicates = since.lines().filter(line -> line.contains("Ignoring duplicate packet")).count();
            if (received.size() + duplicates >= 3 || System.nanoTime() > deadline) break;
            Thread.sleep(50);
        }
        assertEquals(3, received.size() + duplicates, since);
        assertEquals(1, received.stream().distinct().count(), since);
        assertTrue(since.contains("invalid Message-Authenticator!  (Shared secret is incorrect.)"), since);
        assertFalse(since.contains("Sent Disconnect"), since);
    }

    private static void assertLogged(String text) {
        List<String> log = das.log();
        assertTrue(log.stream().anyMatch(line -> line.contains(text)), "FreeRADIUS log should show " + text + ":\n" + String.join("\n", log));
    }
}
