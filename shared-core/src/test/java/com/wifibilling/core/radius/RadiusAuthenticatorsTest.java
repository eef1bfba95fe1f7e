package com.wifibilling.core.radius;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pins contracts/gateways.md §4.5 (verified there against radclient and FreeRADIUS 3.2.1) and RFC 2865 §7.1. */
class RadiusAuthenticatorsTest {
    static final HexFormat HEX = HexFormat.of();
    static final RadiusSecret TESTING123 = RadiusSecret.of("testing123");
    static final String CONTRACT_PACKET = "282a00479fe37b37e4a16c6b9a412cf4a3778d6d011168732d3235343730383337343134392c0a38313530303030"
            + "3308060a05321750128faf1c2a2f3178aec4f619f655fd156b";

    static List<RadiusAttribute> contractAttributes() {
        return List.of(RadiusAttribute.text(AttributeType.USER_NAME, "hs-254708374149"),
                RadiusAttribute.text(AttributeType.ACCT_SESSION_ID, "81500003"),
                RadiusAttribute.ipv4(AttributeType.FRAMED_IP_ADDRESS, ipv4("10.5.50.23")));
    }

    static Inet4Address ipv4(String dotted) {
        try {
            return (Inet4Address) InetAddress.getByName(dotted);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void disconnectRequestMatchesTheContractVectorByteForByte() {
        RadiusPacket signed = RadiusAuthenticators.signRequest(PacketCode.DISCONNECT_REQUEST, 0x2a, contractAttributes(), TESTING123);
        byte[] wire = RadiusCodec.encode(signed);
        assertEquals(CONTRACT_PACKET, HEX.formatHex(wire));
        assertEquals(71, wire.length);
        assertEquals("9fe37b37e4a16c6b9a412cf4a3778d6d", HEX.formatHex(signed.authenticator()));
        assertEquals("8faf1c2a2f3178aec4f619f655fd156b",
                HEX.formatHex(signed.first(AttributeType.MESSAGE_AUTHENTICATOR).orElseThrow().value()));
        assertEquals(signed, RadiusAuthenticators.verifyRequest(wire, wire.length, TESTING123));
    }

    @Test
    void withoutMessageAuthenticatorTheRequestAuthenticatorMatchesTheContract() {
        RadiusPacket signed = RadiusAuthenticators.signRequest(PacketCode.DISCONNECT_REQUEST, 0x2a, contractAttributes(), TESTING123, false);
        assertEquals(53, RadiusCodec.encode(signed).length);
        assertEquals("ab1b72fd4690a193674e079ffa50578b", HEX.formatHex(signed.authenticator()));
    }

    @Test
    void disconnectAckResponseAuthenticatorMatchesTheContract() {
        RadiusPacket request = RadiusCodec.decode(HEX.parseHex(CONTRACT_PACKET));
        RadiusPacket ack = RadiusAuthenticators.signResponse(PacketCode.DISCONNECT_ACK, 0x2a, List.of(), request.authenticator(), TESTING123);
        assertEquals("7989b0cd9a503568d47dbb5e22d7668c", HEX.formatHex(ack.authenticator()));
        byte[] wire = RadiusCodec.encode(ack);
        assertEquals(ack, RadiusAuthenticators.verifyResponse(wire, wire.length, request, TESTING123));
    }

    @Test
    void aPlaceholderKeepsItsPositionAndOnlyOneIsAllowed() {
        var attributes = List.of(RadiusAttribute.messageAuthenticatorPlaceholder(), RadiusAttribute.text(AttributeType.ACCT_SESSION_ID, "1"));
        RadiusPacket signed = RadiusAuthenticators.signRequest(PacketCode.COA_REQUEST, 1, attributes, TESTING123);
        assertEquals(AttributeType.MESSAGE_AUTHENTICATOR.code(), signed.attributes().get(0).type());
        assertEquals(2, signed.attributes().size());
        var twice = List.of(RadiusAttribute.messageAuthenticatorPlaceholder(), RadiusAttribute.messageAuthenticatorPlaceholder());
        assertThrows(IllegalArgumentException.class, () -> RadiusAuthenticators.signRequest(PacketCode.COA_REQUEST, 1, twice, TESTING123));
    }

    @Test
    void onlyCoaAndDisconnectRequestsAreSigned() {
        assertThrows(IllegalArgumentException.class,
                () -> RadiusAuthenticators.signRequest(PacketCode.ACCESS_REQUEST, 1, List.of(), TESTING123));
    }

    @Test
    void rfc2865AccessAcceptVerifiesAgainstItsAccessRequest() {
        // RFC 2865 §7.1, shared secret "xyzzy5461" (the RFC's examples use it).
        byte[] request = HEX.parseHex("010000380f403f9473978057bd83d5cb98f4227a01066e656d6f02120dbe708d"
                + "93d413ce3196e43f782a0aee0406c0a80110050600000003");
        byte[] accept = HEX.parseHex("0200002686fe220e7624ba2a1005f6bf9b55e0b2060600000001"
                + "0f06000000000e06c0a80103");
        RadiusPacket decoded = RadiusCodec.decode(request);
        assertEquals(PacketCode.ACCESS_REQUEST, decoded.code());
        assertEquals(Optional.of("nemo"), decoded.text(AttributeType.USER_NAME));
        assertEquals(ipv4("192.168.1.16"), decoded.first(AttributeType.NAS_IP_ADDRESS).orElseThrow().asIpv4());
        assertEquals(4, decoded.attributes().size());
        RadiusPacket answer = RadiusAuthenticators.verifyResponse(accept, accept.length, decoded, RadiusSecret.of("xyzzy5461"));
        assertEquals(PacketCode.ACCESS_ACCEPT, answer.code());
        assertEquals(ipv4("192.168.1.3"), answer.first(AttributeType.LOGIN_IP_HOST).orElseThrow().asIpv4());
        assertEquals(1, answer.integer(AttributeType.SERVICE_TYPE).orElseThrow());
        var wrongSecret = assertThrows(InvalidPacketException.class,
                () -> RadiusAuthenticators.verifyResponse(accept, accept.length, decoded, RadiusSecret.of("xyzzy5462")));
        assertEquals("Response Authenticator does not match (wrong secret or altered packet)", wrongSecret.getMessage());
    }

    @Test
    void nakCarriesItsErrorCauseAndASignedMessageAuthenticator() {
        RadiusPacket request = RadiusAuthenticators.signRequest(PacketCode.COA_REQUEST, 7, contractAttributes(), TESTING123);
        var attributes = List.of(RadiusAttribute.integer(AttributeType.ERROR_CAUSE, 503), RadiusAttribute.messageAuthenticatorPlaceholder());
        byte[] nak = RadiusCodec.encode(RadiusAuthenticators.signResponse(PacketCode.COA_NAK, 7, attributes, request.authenticator(), TESTING123));
        RadiusPacket answer = RadiusAuthenticators.verifyResponse(nak, nak.length, request, TESTING123);
        assertEquals(Optional.of(ErrorCause.SESSION_CONTEXT_NOT_FOUND), answer.errorCause());
        assertEquals("503 Session-Context-Not-Found", answer.errorCause().orElseThrow().toString());
        assertEquals("Error-Cause-999", new ErrorCause(999).label());
    }

    @Test
    void aTamperedMessageAuthenticatorIsCaughtEvenWhenTheAuthenticatorIsRecomputed() {
        RadiusPacket request = RadiusAuthenticators.signRequest(PacketCode.COA_REQUEST, 7, contractAttributes(), TESTING123);
        var forged = List.of(RadiusAttribute.of(AttributeType.MESSAGE_AUTHENTICATOR, new byte[16])); // zeros, not the HMAC
        // A valid Response Authenticator over a bad Message-Authenticator: only the HMAC check catches it.
        byte[] reSigned = resignWithoutMessageAuthenticator(new RadiusPacket(PacketCode.COA_ACK, 7, new byte[16], forged), request);
        var e = assertThrows(InvalidPacketException.class, () -> RadiusAuthenticators.verifyResponse(reSigned, reSigned.length, request, TESTING123));
        assertEquals("Message-Authenticator does not match (wrong secret or altered packet)", e.getMessage());
    }

    /** Computes a valid Response Authenticator over {@code response} as is, leaving its Message-Authenticator alone. */
    private static byte[] resignWithoutMessageAuthenticator(RadiusPacket response, RadiusPacket request) {
        try {
            var md5 = MessageDigest.getInstance("MD5");
            md5.update(RadiusCodec.encode(new RadiusPacket(response.code(), response.identifier(), request.authenticator(), response.attributes())));
            md5.update("testing123".getBytes(StandardCharsets.UTF_8));
            return RadiusCodec.encode(new RadiusPacket(response.code(), response.identifier(), md5.digest(), response.attributes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void answersToAnotherRequestAreRejected() {
        RadiusPacket request = RadiusAuthenticators.signRequest(PacketCode.DISCONNECT_REQUEST, 7, contractAttributes(), TESTING123);
        byte[] otherId = RadiusCodec.encode(RadiusAuthenticators.signResponse(PacketCode.DISCONNECT_ACK, 8, List.of(), request.authenticator(), TESTING123));
        assertEquals("Identifier 8 does not answer request 7",
                assertThrows(InvalidPacketException.class, () -> RadiusAuthenticators.verifyResponse(otherId, otherId.length, request, TESTING123)).getMessage());
        byte[] coaAck = RadiusCodec.encode(RadiusAuthenticators.signResponse(PacketCode.COA_ACK, 7, List.of(), request.authenticator(), TESTING123));
        assertEquals("COA_ACK does not answer a DISCONNECT_REQUEST",
                assertThrows(InvalidPacketException.class, () -> RadiusAuthenticators.verifyResponse(coaAck, coaAck.length, request, TESTING123)).getMessage());
    }

    @Test
    void aRequestWithAnotherSecretIsRejected() {
        byte[] wire = RadiusCodec.encode(RadiusAuthenticators.signRequest(PacketCode.COA_REQUEST, 1, contractAttributes(), TESTING123));
        assertThrows(InvalidPacketException.class, () -> RadiusAuthenticators.verifyRequest(wire, wire.length, RadiusSecret.of("testing124")));
        assertArrayEquals(wire, RadiusCodec.encode(RadiusAuthenticators.verifyRequest(wire, wire.length, TESTING123)));
    }

    @Test
    void theSecretNeverShows() {
        assertEquals("RadiusSecret[****]", TESTING123.toString());
    }
}
