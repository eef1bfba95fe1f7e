package com.wifibilling.local.gateway;

import com.wifibilling.core.radius.AttributeType;
import com.wifibilling.core.radius.InvalidPacketException;
import com.wifibilling.core.radius.PacketCode;
import com.wifibilling.core.radius.RadiusAttribute;
import com.wifibilling.core.radius.RadiusAuthenticators;
import com.wifibilling.core.radius.RadiusCodec;
import com.wifibilling.core.radius.RadiusPacket;
import com.wifibilling.core.radius.RadiusSecret;
import com.wifibilling.core.radius.VendorAttribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotspot's Dynamic Authorization Server (RFC 5176; contracts/gateways.md §8) on a UDP port of 127.0.0.1. A
 * request whose Request Authenticator or Message-Authenticator fails the gateway's secret is dropped silently, as
 * FreeRADIUS and RouterOS drop it, and recorded with {@code authenticatorValid: false}. Otherwise the session is
 * found by Acct-Session-Id, then Framed-IP-Address, then User-Name: a Disconnect-Request is ACKed and the login
 * ends with Accounting Stop (Acct-Terminate-Cause 6 Admin-Reset); a CoA-Request is ACKed after applying its
 * Session-Timeout and Mikrotik-Rate-Limit; an unknown session gets a NAK with Error-Cause 503 (or the scenario's).
 * Answers carry a Message-Authenticator. The socket is bound at construction, so its port can be seeded before
 * anything else runs.
 */
final class DynamicAuthServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DynamicAuthServer.class);
    private static final long UNSUPPORTED_ATTRIBUTE = 401;

    private final DatagramSocket socket;
    private volatile Thread receiver;

    private DynamicAuthServer(DatagramSocket socket) {
        this.socket = socket;
    }

    /** Binds a free UDP port on 127.0.0.1; nothing is answered before {@link #serve}. */
    static DynamicAuthServer bind() {
        try {
            return new DynamicAuthServer(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        } catch (SocketException e) {
            throw new UncheckedIOException("Cannot open the gateway simulator's DAS port", e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** What the DAS needs from the simulator; {@code secret} is empty while the gateway has none the simulator knows. */
    record Parts(Hotspot hotspot, Supplier<Optional<RadiusSecret>> secret, Function<String, DasScenario> scenario, ReceivedLog received,
                 ExecutorService work, Clock clock) {}

    /** Starts answering on a daemon thread. */
    void serve(Parts parts) {
        Map<String, Integer> copies = new ConcurrentHashMap<>();
        receiver = Thread.ofPlatform().daemon().name("gateway-sim-das-" + port()).start(() -> {
            byte[] buffer = new byte[RadiusCodec.MAX_LENGTH];
            while (!socket.isClosed()) {
                var datagram = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(datagram);
                } catch (IOException closed) {
                    return;
                }
                byte[] received = Arrays.copyOf(buffer, datagram.getLength());
                SocketAddress from = datagram.getSocketAddress();
                try {
                    handle(parts, copies, received, from);
                } catch (InvalidPacketException | UncheckedIOException | IllegalArgumentException e) {
                    log.atWarn().addKeyValue("from", from.toString()).addKeyValue("reason", e.getMessage()).log("gateway.sim.das.ignored");
                }
            }
        });
    }

    private void handle(Parts parts, Map<String, Integer> copies, byte[] received, SocketAddress from) {
        String gatewayId = parts.hotspot().gatewayId();
        Optional<RadiusSecret> secret = parts.secret().get();
        if (secret.isEmpty()) return;
        var check = RadiusAuthenticators.checkRequest(received, received.length, secret.get());
        RadiusPacket request = check.packet();
        int copy = copies.merge(request.identifier() + ":" + HexFormat.of().formatHex(request.authenticator()), 1, Integer::sum);
        var record = new Object() {
            void answered(String answer, Long errorCause) {
                parts.received().add(new ReceivedRequest(gatewayId, parts.clock().instant(), from.toString(), request.code().name(),
                        request.identifier(), AttributeNames.of(request), check.authenticatorValid(),
                        check.messageAuthenticatorValid().orElse(null), copy, answer, errorCause));
            }
        };
        if (!check.valid()) { // RFC 5176 §3: silently discarded
            record.answered("dropped", null);
            return;
        }
        DasScenario scenario = parts.scenario().apply(gatewayId);
        boolean coa = request.code() == PacketCode.COA_REQUEST;
        switch (scenario.mode()) {
            case "timeout" -> {
                record.answered("none", null);
                return;
            }
            case "ack-on-retry" -> {
                if (copy < scenario.retryCount()) {
                    record.answered("none", null);
                    return;
                }
            }
            case "nak" -> {
                nak(request, secret.get(), scenario.errorCause(), from);
                record.answered("nak", scenario.errorCause());
                return;
            }
            default -> { }
        }
        if (coa && scenario.coaUnsupported()) {
            nak(request, secret.get(), UNSUPPORTED_ATTRIBUTE, from);
            record.answered("nak", UNSUPPORTED_ATTRIBUTE);
            return;
        }
        Optional<HotspotLogin> login = parts.hotspot().find(request.text(AttributeType.ACCT_SESSION_ID),
                request.first(AttributeType.FRAMED_IP_ADDRESS).map(a -> a.asIpv4().getHostAddress()), request.text(AttributeType.USER_NAME));
        if (login.isEmpty()) {
            nak(request, secret.get(), scenario.unknownSessionCause(), from);
            record.answered("nak", scenario.unknownSessionCause());
            return;
        }
        if (coa) {
            Optional<Long> timeout = request.integer(AttributeType.SESSION_TIMEOUT).isPresent()
                    ? Optional.of(request.integer(AttributeType.SESSION_TIMEOUT).getAsLong()) : Optional.empty();
            Optional<RateLimit> rate = request.vendorValue(VendorAttribute.MIKROTIK_RATE_LIMIT)
                    .map(value -> RateLimit.parse(new String(value, StandardCharsets.UTF_8)));
            parts.hotspot().apply(login.get(), timeout, rate);
            answer(request, PacketCode.COA_ACK, List.of(), secret.get(), from);
            record.answered("ack", null);
        } else {
            answer(request, PacketCode.DISCONNECT_ACK, List.of(), secret.get(), from);
            record.answered("ack", null);
            // RouterOS answers first, then removes the active entry and sends Accounting Stop.
            parts.work().execute(() -> parts.hotspot().end(login.get(), AccountingRecord.ADMIN_RESET));
        }
    }

    private void nak(RadiusPacket request, RadiusSecret secret, long errorCause, SocketAddress to) {
        PacketCode code = request.code() == PacketCode.COA_REQUEST ? PacketCode.COA_NAK : PacketCode.DISCONNECT_NAK;
        answer(request, code, List.of(RadiusAttribute.integer(AttributeType.ERROR_CAUSE, errorCause)), secret, to);
    }

    private void answer(RadiusPacket request, PacketCode code, List<RadiusAttribute> attributes, RadiusSecret secret, SocketAddress to) {
        List<RadiusAttribute> withMessageAuthenticator = new ArrayList<>(attributes);
        withMessageAuthenticator.add(RadiusAttribute.messageAuthenticatorPlaceholder());
        byte[] datagram = RadiusCodec.encode(RadiusAuthenticators.signResponse(code, request.identifier(), withMessageAuthenticator,
                request.authenticator(), secret));
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot answer " + to, e);
        }
    }

    @Override
    public void close() {
        socket.close();
        Thread thread = receiver;
        if (thread != null) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
