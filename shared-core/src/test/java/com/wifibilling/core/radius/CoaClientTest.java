package com.wifibilling.core.radius;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.WireName;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The transport against an in-process NAS (FreeRadiusCoaTest does the same against the real thing). */
class CoaClientTest {
    static final RadiusSecret SECRET = RadiusSecret.of("s3cret");
    static final List<Duration> FAST = List.of(Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(600));

    static DynamicRequest disconnect() {
        return DynamicRequest.disconnect().userName("hs-254708374149").acctSessionId("81500003")
                .framedIpAddress(RadiusAuthenticatorsTest.ipv4("10.5.50.23")).eventTimestamp(Instant.parse("2026-11-23T12:01:02Z")).build();
    }

    /** Answers with {@code code} and attributes, signed with {@code secret}. */
    static byte[] answer(RadiusPacket request, PacketCode code, RadiusSecret secret, RadiusAttribute... attributes) {
        return RadiusCodec.encode(RadiusAuthenticators.signResponse(code, request.identifier(), List.of(attributes), request.authenticator(), secret));
    }

    @Test
    void anAckIsAck() throws Exception {
        try (var das = new FakeDas((request, copy) -> List.of(answer(request, PacketCode.DISCONNECT_ACK, SECRET)))) {
            CoaReply reply = new CoaClient(FAST).send(new CoaTarget(das.address(), SECRET), disconnect());
            assertEquals(CoaReply.Outcome.ACK, reply.outcome());
            assertEquals(1, reply.transmissions());
            assertEquals("ack", WireName.of(reply.outcome()));
            RadiusPacket sent = RadiusAuthenticators.verifyRequest(das.received().get(0), das.received().get(0).length, SECRET);
            assertTrue(sent.first(AttributeType.MESSAGE_AUTHENTICATOR).isPresent());
            assertEquals(Instant.parse("2026-11-23T12:01:02Z").getEpochSecond(), sent.integer(AttributeType.EVENT_TIMESTAMP).orElseThrow());
        }
    }

    @Test
    void aNakForAnUnknownSessionIsGoneAndOtherNaksKeepTheirCause() throws Exception {
        var gone = RadiusAttribute.integer(AttributeType.ERROR_CAUSE, 503);
        try (var das = new FakeDas((request, copy) -> List.of(answer(request, PacketCode.COA_NAK, SECRET, gone)))) {
            CoaReply reply = new CoaClient(FAST).send(new CoaTarget(das.address(), SECRET), DynamicRequest.coa().acctSessionId("1").sessionTimeout(1800).build());
            assertEquals(CoaReply.Outcome.GONE, reply.outcome());
            assertEquals(Optional.of(ErrorCause.SESSION_CONTEXT_NOT_FOUND), reply.errorCause());
        }
        var unsupported = RadiusAttribute.integer(AttributeType.ERROR_CAUSE, 401);
        try (var das = new FakeDas((request, copy) -> List.of(answer(request, PacketCode.DISCONNECT_NAK, SECRET, unsupported)))) {
            CoaReply reply = new CoaClient(FAST).send(new CoaTarget(das.address(), SECRET), disconnect());
            assertEquals(CoaReply.Outcome.NAK, reply.outcome());
            assertEquals(Optional.of(ErrorCause.UNSUPPORTED_ATTRIBUTE), reply.errorCause());
        }
        try (var das = new FakeDas((request, copy) -> List.of(answer(request, PacketCode.DISCONNECT_NAK, SECRET)))) {
            CoaReply reply = new CoaClient(FAST).send(new CoaTarget(das.address(), SECRET), disconnect());
            assertEquals(CoaReply.Outcome.NAK, reply.outcome());
            assertEquals(Optional.empty(), reply.errorCause());
        }
    }

    @Test
    void retransmissionsAreTheIdenticalDatagramAndALateAnswerCounts() throws Exception {
        try (var das = new FakeDas((request, copy) -> copy < 3 ? List.of() : List.of(answer(request, PacketCode.DISCONNECT_ACK, SECRET)))) {
            CoaReply reply = new CoaClient(FAST).send(new CoaTarget(das.address(), SECRET), disconnect());
            assertEquals(CoaReply.Outcome.ACK, reply.outcome());
            assertEquals(3, reply.transmissions());
            assertArrayEquals(das.received().get(0), das.received().get(1));
            assertArrayEquals(das.received().get(0), das.received().get(2));
            assertTrue(reply.latency().compareTo(Duration.ofMillis(440)) >= 0, "waited 150 ms and 300 ms before the third copy: " + reply.latency());
        }
    }

    @Test
    void silenceIsATimeoutAfterEveryTransmission() throws Exception {
        try (var das = new FakeDas((request, copy) -> List.of())) {
            CoaReply reply = new CoaClient(FAST).send(new CoaTarget(das.address(), SECRET), disconnect());
            assertEquals(CoaReply.Outcome.TIMEOUT, reply.outcome());
            assertEquals(3, reply.transmissions());
            assertEquals(3, das.received().size());
            assertTrue(reply.latency().compareTo(Duration.ofMillis(1040)) >= 0, "waited 150 + 300 + 600 ms: " + reply.latency());
        }
    }

    @Test
    void forgedMalformedAndMismatchedAnswersAreIgnoredUntilTheRealOne() throws Exception {
        try (var das = new FakeDas((request, copy) -> {
            var other = new RadiusPacket(request.code(), (request.identifier() + 1) & 0xff, request.authenticator(), request.attributes());
            return List.of(
                    answer(request, PacketCode.DISCONNECT_ACK, RadiusSecret.of("not-the-secret")), // wrong secret
                    new byte[] {41, 0, 0},                                                        // malformed
                    answer(other, PacketCode.DISCONNECT_ACK, SECRET),                              // another Identifier
                    answer(request, PacketCode.COA_ACK, SECRET),                                   // answers another code
                    answer(request, PacketCode.DISCONNECT_NAK, SECRET, RadiusAttribute.integer(AttributeType.ERROR_CAUSE, 504)));
        })) {
            CoaReply reply = new CoaClient(FAST).send(new CoaTarget(das.address(), SECRET), disconnect());
            assertEquals(CoaReply.Outcome.NAK, reply.outcome());
            assertEquals(Optional.of(ErrorCause.SESSION_CONTEXT_NOT_REMOVABLE), reply.errorCause());
            assertEquals(1, reply.transmissions());
        }
    }

    @Test
    void nothingListeningIsATimeout() throws Exception {
        InetSocketAddress closed;
        try (var das = new FakeDas((request, copy) -> List.of())) {
            closed = das.address();
        }
        CoaReply reply = new CoaClient(List.of(Duration.ofMillis(100), Duration.ofMillis(100))).send(new CoaTarget(closed, SECRET), disconnect());
        assertEquals(CoaReply.Outcome.TIMEOUT, reply.outcome());
        assertEquals(2, reply.transmissions());
    }

    @Test
    void concurrentRequestsGetDistinctIdentifiersAndTheirOwnAnswers() throws Exception {
        try (var das = new FakeDas((request, copy) -> List.of(answer(request, PacketCode.COA_ACK, SECRET)));
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var client = new CoaClient(List.of(Duration.ofSeconds(2)));
            List<Future<CoaReply>> replies = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                var request = DynamicRequest.coa().acctSessionId("s" + i).sessionTimeout(60).build();
                replies.add(pool.submit((Callable<CoaReply>) () -> client.send(new CoaTarget(das.address(), SECRET), request)));
            }
            for (Future<CoaReply> reply : replies) assertEquals(CoaReply.Outcome.ACK, reply.get().outcome());
            var identifiers = new HashSet<Integer>();
            for (byte[] datagram : das.received()) identifiers.add(datagram[1] & 0xff);
            assertEquals(200, identifiers.size());
        }
    }

    @Test
    void identifiersWrapAfter255() {
        var sequence = new IdentifierSequence(254);
        assertEquals(List.of(254, 255, 0, 1), List.of(sequence.next(), sequence.next(), sequence.next(), sequence.next()));
    }

    @Test
    void aDisconnectCarriesNoAuthorizationChanges() {
        assertThrows(IllegalStateException.class, () -> DynamicRequest.disconnect().sessionTimeout(60));
        assertThrows(IllegalStateException.class, () -> DynamicRequest.disconnect().mikrotikRateLimit("2000k/5000k"));
        assertThrows(IllegalArgumentException.class, () -> new DynamicRequest(PacketCode.COA_ACK, List.of()));
    }

    @Test
    void theTargetNeedsAResolvedAddressAndNeverShowsItsSecret() {
        var target = new CoaTarget(new InetSocketAddress("127.0.0.1", CoaTarget.DEFAULT_PORT), SECRET);
        assertFalse(target.toString().contains("s3cret"));
        assertThrows(IllegalArgumentException.class,
                () -> new CoaTarget(InetSocketAddress.createUnresolved("gw.example", 3799), SECRET));
        assertThrows(IllegalArgumentException.class, () -> new CoaClient(List.of()));
    }
}
