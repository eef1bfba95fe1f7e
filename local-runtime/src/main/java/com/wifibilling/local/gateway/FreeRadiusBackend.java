package com.wifibilling.local.gateway;

import com.wifibilling.core.radius.AttributeType;
import com.wifibilling.core.radius.PacketCode;
import com.wifibilling.core.radius.RadiusAttribute;
import com.wifibilling.core.radius.RadiusAuthenticators;
import com.wifibilling.core.radius.RadiusCodec;
import com.wifibilling.core.radius.RadiusPacket;
import com.wifibilling.core.radius.RadiusUdp;
import com.wifibilling.core.radius.RadiusSecret;
import com.wifibilling.core.radius.UserPassword;
import com.wifibilling.core.radius.VendorAttribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotspot's RADIUS client against the runtime's FreeRADIUS (contracts/gateways.md §2.2, §3.3): Access-Requests
 * to the auth port (PAP with User-Password hidden per RFC 2865 §5.2, or CHAP-Password + CHAP-Challenge, always a
 * Message-Authenticator), Accounting-Requests to the accounting port. Packets leave from 127.0.0.1, the address
 * FreeRADIUS knows this gateway's client entry by. An answer counts only with our Identifier and a valid Response
 * Authenticator, and, while {@code requireMessageAuth} is on, a valid Message-Authenticator; anything else is
 * dropped as RouterOS drops it, and no answer after three tries is a Reject.
 */
final class FreeRadiusBackend implements RadiusBackend {
    private static final Logger log = LoggerFactory.getLogger(FreeRadiusBackend.class);
    private static final int TRIES = 3;
    private static final int WAIT_MILLIS = 2_000;
    private static final long NAS_PORT_TYPE_WIRELESS = 19;

    private final InetSocketAddress auth;
    private final InetSocketAddress acct;
    private final RadiusSecret secret;
    private final String nasIdentifier;
    private final Supplier<NasSettings> settings;
    private final Clock clock;
    private final AtomicInteger identifiers = new AtomicInteger(new SecureRandom().nextInt(256));

    FreeRadiusBackend(int authPort, int acctPort, RadiusSecret secret, String nasIdentifier, Supplier<NasSettings> settings, Clock clock) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.auth = new InetSocketAddress(loopback, authPort);
        this.acct = new InetSocketAddress(loopback, acctPort);
        this.secret = secret;
        this.nasIdentifier = nasIdentifier;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String mode() {
        return "freeradius";
    }

    @Override
    public AccessAnswer authenticate(AccessAttempt attempt) {
        byte[] authenticator = RadiusAuthenticators.randomAuthenticator();
        List<RadiusAttribute> attributes = new ArrayList<>();
        attributes.add(RadiusAttribute.text(AttributeType.USER_NAME, attempt.userName()));
        switch (attempt.credentials()) {
            case AccessAttempt.Credentials.Pap pap -> attributes.add(UserPassword.attribute(pap.password(), authenticator, secret));
            case AccessAttempt.Credentials.Chap chap -> {
                byte[] value = new byte[17];
                value[0] = (byte) chap.id();
                System.arraycopy(chap.response(), 0, value, 1, 16);
                attributes.add(RadiusAttribute.of(AttributeType.CHAP_PASSWORD, value));
                attributes.add(RadiusAttribute.of(AttributeType.CHAP_CHALLENGE, chap.challenge()));
            }
        }
        attributes.addAll(nasAttributes(attempt.mac().value(), attempt.ip(), attempt.acctSessionId()));
        RadiusPacket request = RadiusAuthenticators.signAccessRequest(nextIdentifier(), authenticator, attributes, secret);
        Optional<RadiusPacket> answer = exchange(request, auth);
        if (answer.isEmpty()) return AccessAnswer.reject("RADIUS server is not responding");
        RadiusPacket reply = answer.get();
        if (reply.code() == PacketCode.ACCESS_REJECT)
            return AccessAnswer.reject(reply.text(AttributeType.REPLY_MESSAGE).orElse("Access denied"));
        return new AccessAnswer(true, null, reply.integer(AttributeType.SESSION_TIMEOUT), reply.integer(AttributeType.IDLE_TIMEOUT),
                reply.integer(AttributeType.ACCT_INTERIM_INTERVAL),
                reply.vendorValue(VendorAttribute.MIKROTIK_RATE_LIMIT).map(v -> RateLimit.parse(new String(v, StandardCharsets.UTF_8))),
                reply.first(AttributeType.CLASS).map(RadiusAttribute::value));
    }

    @Override
    public boolean account(AccountingRecord record) {
        List<RadiusAttribute> attributes = new ArrayList<>();
        attributes.add(RadiusAttribute.integer(AttributeType.ACCT_STATUS_TYPE, record.statusType()));
        attributes.add(RadiusAttribute.text(AttributeType.USER_NAME, record.userName()));
        attributes.addAll(nasAttributes(record.mac().value(), record.ip(), record.acctSessionId()));
        record.classValue().ifPresent(value -> attributes.add(RadiusAttribute.of(AttributeType.CLASS, value)));
        attributes.add(RadiusAttribute.integer(AttributeType.EVENT_TIMESTAMP, clock.instant().getEpochSecond()));
        attributes.add(RadiusAttribute.integer(AttributeType.ACCT_DELAY_TIME, 0));
        if (record.statusType() != AccountingRecord.START) {
            attributes.add(RadiusAttribute.integer(AttributeType.ACCT_SESSION_TIME, record.sessionTimeSeconds()));
            attributes.add(RadiusAttribute.integer(AttributeType.ACCT_INPUT_OCTETS, record.bytesIn() & 0xffff_ffffL));
            attributes.add(RadiusAttribute.integer(AttributeType.ACCT_OUTPUT_OCTETS, record.bytesOut() & 0xffff_ffffL));
            attributes.add(RadiusAttribute.integer(AttributeType.ACCT_INPUT_GIGAWORDS, record.bytesIn() >>> 32));
            attributes.add(RadiusAttribute.integer(AttributeType.ACCT_OUTPUT_GIGAWORDS, record.bytesOut() >>> 32));
        }
        if (record.statusType() == AccountingRecord.STOP && record.terminateCause() > 0)
            attributes.add(RadiusAttribute.integer(AttributeType.ACCT_TERMINATE_CAUSE, record.terminateCause()));
        RadiusPacket request = RadiusAuthenticators.signAccountingRequest(nextIdentifier(), attributes, secret);
        return exchange(request, acct).isPresent();
    }

    /** §3.3: Calling-Station-Id, Framed-IP-Address, NAS-Identifier, NAS-IP-Address, NAS-Port-Type, Acct-Session-Id. */
    private List<RadiusAttribute> nasAttributes(String mac, String ip, String acctSessionId) {
        List<RadiusAttribute> attributes = new ArrayList<>();
        attributes.add(RadiusAttribute.text(AttributeType.CALLING_STATION_ID, mac));
        attributes.add(RadiusAttribute.ipv4(AttributeType.FRAMED_IP_ADDRESS, ipv4(ip)));
        attributes.add(RadiusAttribute.text(AttributeType.NAS_IDENTIFIER, nasIdentifier));
        attributes.add(RadiusAttribute.ipv4(AttributeType.NAS_IP_ADDRESS, ipv4("127.0.0.1")));
        attributes.add(RadiusAttribute.integer(AttributeType.NAS_PORT_TYPE, NAS_PORT_TYPE_WIRELESS));
        attributes.add(RadiusAttribute.text(AttributeType.ACCT_SESSION_ID, acctSessionId));
        return attributes;
    }

    private int nextIdentifier() {
        return identifiers.getAndIncrement() & 0xff;
    }

    /** Sends the identical datagram up to three times; returns the first answer that passes every check. */
    private Optional<RadiusPacket> exchange(RadiusPacket request, InetSocketAddress server) {
        byte[] datagram = RadiusCodec.encode(request);
        byte[] buffer = new byte[RadiusCodec.MAX_LENGTH];
        try (var socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.connect(server);
            for (int attempt = 0; attempt < TRIES; attempt++) {
                socket.send(new DatagramPacket(datagram, datagram.length));
                long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
                Optional<RadiusPacket> answer = RadiusUdp.awaitAnswer(socket, buffer, deadline, request, secret,
                        candidate -> acceptable(request, candidate),
                        reason -> log.atWarn().addKeyValue("reason", reason).log("gateway.sim.radius.dropped"));
                if (answer.isPresent()) return answer;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot send a " + request.code() + " to " + server, e);
        }
        log.atWarn().addKeyValue("code", request.code()).addKeyValue("server", server.toString()).log("gateway.sim.radius.no-answer");
        return Optional.empty();
    }

    /** An Access-Accept/Reject without a Message-Authenticator is dropped when the router requires one (RouterOS 7.15+). */
    private boolean acceptable(RadiusPacket request, RadiusPacket answer) {
        boolean access = request.code() == PacketCode.ACCESS_REQUEST;
        return !(access && settings.get().requireMessageAuth() && answer.first(AttributeType.MESSAGE_AUTHENTICATOR).isEmpty());
    }

    private static Inet4Address ipv4(String dotted) {
        try {
            if (InetAddress.getByName(dotted) instanceof Inet4Address v4) return v4;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IPv4 address: " + dotted, e);
        }
        throw new IllegalArgumentException("Not an IPv4 address: " + dotted);
    }
}
