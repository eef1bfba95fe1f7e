package com.wifibilling.core.radius;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends CoA-Requests and Disconnect-Requests over UDP and waits for the answer (contracts/gateways.md §4.4): one
 * socket per request, connected to the gateway so the kernel drops datagrams from anyone else; the identical
 * datagram (same Identifier and authenticators, so the NAS can spot a duplicate) sent up to three times, waiting
 * 1 s, 2 s and 4 s; only an answer with our Identifier, the right code and a valid Response Authenticator (and
 * Message-Authenticator, when present) counts. Blocking, safe for concurrent use (virtual threads welcome).
 */
public final class CoaClient {
    /** The contract's waits after each transmission. */
    public static final List<Duration> CONTRACT_WAITS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    private static final Logger log = LoggerFactory.getLogger(CoaClient.class);

    private final List<Duration> waits;
    private final IdentifierSequence identifiers;

    public CoaClient() {
        this(CONTRACT_WAITS);
    }

    /** Sends once per entry of {@code waits}, waiting that long for an answer after each. */
    public CoaClient(List<Duration> waits) {
        this(waits, new IdentifierSequence());
    }

    CoaClient(List<Duration> waits, IdentifierSequence identifiers) {
        if (waits.isEmpty() || waits.stream().anyMatch(w -> w.isNegative() || w.isZero()))
            throw new IllegalArgumentException("waits must hold at least one positive duration");
        this.waits = List.copyOf(waits);
        this.identifiers = identifiers;
    }

    /**
     * Signs {@code request} with the target's secret, sends it and returns the classified answer: ACK, GONE (NAK
     * 503), NAK (with its Error-Cause) or TIMEOUT. Throws {@link UncheckedIOException} only when no UDP socket can
     * be opened; a send that fails counts as a transmission without an answer.
     */
    public CoaReply send(CoaTarget target, DynamicRequest request) {
        RadiusPacket signed = RadiusAuthenticators.signRequest(request.code(), identifiers.next(), request.attributes(), target.secret());
        byte[] datagram = RadiusCodec.encode(signed);
        long started = System.nanoTime();
        try (var socket = new DatagramSocket()) {
            socket.connect(target.address());
            byte[] buffer = new byte[RadiusCodec.MAX_LENGTH];
            for (int transmission = 1; transmission <= waits.size(); transmission++) {
                transmit(socket, datagram, signed, target);
                long deadline = System.nanoTime() + waits.get(transmission - 1).toNanos();
                Optional<RadiusPacket> answer = RadiusUdp.awaitAnswer(socket, buffer, deadline, signed, target.secret(), any -> true,
                        reason -> log.atWarn().addKeyValue("code", signed.code()).addKeyValue("target", target.address().toString())
                                .addKeyValue("reason", reason).log("coa.answer-ignored"));
                if (answer.isPresent()) return CoaReply.of(answer.get(), transmission, since(started));
            }
            return CoaReply.timeout(waits.size(), since(started));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a UDP socket for " + request.code(), e);
        }
    }

    private static void transmit(DatagramSocket socket, byte[] datagram, RadiusPacket signed, CoaTarget target) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length));
        } catch (IOException e) {
            log.atWarn().addKeyValue("code", signed.code()).addKeyValue("target", target.address().toString())
                    .addKeyValue("error", e.toString()).log("coa.send-failed");
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
