package com.wifibilling.core.radius;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The receiving half of a RADIUS exchange over a connected UDP socket, shared by the CoA client and the gateway
 * simulator's NAS: the first answer before a deadline that verifies against the request (identifier, Response
 * Authenticator, Message-Authenticator when present) and that the caller accepts. Anything else is reported to
 * {@code ignored} and waited past, as a NAS and a DAS do with stray or forged datagrams.
 */
public final class RadiusUdp {
    private RadiusUdp() {}

    public static Optional<RadiusPacket> awaitAnswer(DatagramSocket socket, byte[] buffer, long deadlineNanos, RadiusPacket request,
                                                     RadiusSecret secret, Predicate<RadiusPacket> acceptable,
                                                     Consumer<String> ignored) throws IOException {
        while (true) {
            long remainingNanos = deadlineNanos - System.nanoTime();
            if (remainingNanos <= 0) return Optional.empty();
            long remainingMillis = (remainingNanos + 999_999) / 1_000_000; // rounded up: 0 would mean "wait forever"
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
            var received = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(received);
            } catch (SocketTimeoutException expected) {
                return Optional.empty();
            } catch (PortUnreachableException nobodyListens) {
                continue; // ICMP: nothing listens on that port (yet); keep waiting out this try
            }
            try {
                RadiusPacket answer = RadiusAuthenticators.verifyResponse(buffer, received.getLength(), request, secret);
                if (acceptable.test(answer)) return Optional.of(answer);
                ignored.accept("verified, but refused by the caller (e.g. no Message-Authenticator where one is required)");
            } catch (InvalidPacketException e) {
                ignored.accept(e.getMessage());
            }
        }
    }
}
