package com.wifibilling.core.radius;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The NAS side of RADIUS that the gateway simulator speaks (RFC 2865 §3, §5.2; RFC 2866 §3; RFC 3579 §3.2). The
 * vectors are datagrams radclient 3.2.1 sent (secret {@code testing123}), captured on a plain UDP socket.
 */
class AccessAndAccountingRequestTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final RadiusSecret TESTING123 = RadiusSecret.of("testing123");
    private static final String USER = "9f1c2d3e-sim";
    private static final String PASSWORD = "Q7mXc2Lr9TfA4bZk8NwE";
    /** radclient auth: User-Name, User-Password (20 characters, so two blocks), no Message-Authenticator. */
    private static final String PAP = "0180004413737caf0341bf04f0ed74d5eee3bd14010e39663163326433652d73696d02228795299779f6fa99c9b1df05"
            + "475ace8142208d17bc112d9dec5eeb8aedb976d5";
    /** radclient auth with a 37-character password (three blocks). */
    private static final String PAP_LONG = "011a005451ca8054c01f6c4770dfb10a324a51d6010e39663163326433652d73696d0232a3d9d0842b3015e525e4a6d758"
            + "51fe112a194f62ddb99514e457b5cf5dbf4da2f91bcbc47597b4b4c9ca7dade25eec8d";
    /** radclient auth as PAP above, plus Message-Authenticator. */
    private static final String PAP_WITH_MESSAGE_AUTHENTICATOR = "01a800568a31316e76e15ecdb52465656876077d010e39663163326433652d73696d02225f"
            + "0cd43f09fd834714c0ce999d6f80eff56099598cac8cc2afa1460edb596d5d5012b8ded2adb681300e4be9e1672a8454bd";
    /** radclient acct: Acct-Status-Type Start, User-Name, Acct-Session-Id 81500003, Framed-IP-Address 10.5.50.23. */
    private static final String ACCOUNTING_START = "04f000383a49e092adae8cc2ad7cabbb9ae8d6d3280600000001010e39663163326433652d73696d2c0a38313530"
            + "3030303308060a053217";

    @Test
    void userPasswordIsHiddenExactlyAsRadclientHidesIt() {
        for (var vector : List.of(List.of(PAP, PASSWORD), List.of(PAP_LONG, "a-password-longer-than-sixteen-octets"))) {
            RadiusPacket captured = RadiusCodec.decode(HEX.parseHex(vector.get(0)));
            byte[] hidden = captured.first(AttributeType.USER_PASSWORD).orElseThrow().value();
            assertArrayEquals(hidden, UserPassword.hide(vector.get(1).getBytes(StandardCharsets.UTF_8), captured.authenticator(), TESTING123));
            assertEquals(vector.get(1), UserPassword.reveal(hidden, captured.authenticator(), TESTING123));
        }
    }

    @Test
    void hidingRoundTripsAndDependsOnSecretAndAuthenticator() {
        byte[] authenticator = RadiusAuthenticators.randomAuthenticator();
        byte[] hidden = UserPassword.hide("x".getBytes(StandardCharsets.UTF_8), authenticator, TESTING123);
        assertEquals(16, hidden.length, "padded to one block");
        assertEquals("x", UserPassword.reveal(hidden, authenticator, TESTING123));
        assertNotEquals("x", UserPassword.reveal(hidden, authenticator, RadiusSecret.of("testing124")));
        byte[] other = authenticator.clone();
        other[0] ^= 1;
        assertFalse(Arrays.equals(hidden, UserPassword.hide("x".getBytes(StandardCharsets.UTF_8), other, TESTING123)));
        assertThrows(IllegalArgumentException.class, () -> UserPassword.hide(new byte[129], authenticator, TESTING123));
        assertThrows(InvalidPacketException.class, () -> UserPassword.reveal(new byte[15], authenticator, TESTING123));
    }

    @Test
    void accessRequestWithMessageAuthenticatorMatchesRadclientByteForByte() {
        RadiusPacket captured = RadiusCodec.decode(HEX.parseHex(PAP_WITH_MESSAGE_AUTHENTICATOR));
        byte[] authenticator = captured.authenticator();
        RadiusPacket signed = RadiusAuthenticators.signAccessRequest(0xa8, authenticator, List.of(
                RadiusAttribute.text(AttributeType.USER_NAME, USER), UserPassword.attribute(PASSWORD, authenticator, TESTING123)), TESTING123);
        assertEquals(PAP_WITH_MESSAGE_AUTHENTICATOR, HEX.formatHex(RadiusCodec.encode(signed)));
    }

    @Test
    void accountingRequestAuthenticatorMatchesRadclient() {
        RadiusPacket signed = RadiusAuthenticators.signAccountingRequest(0xf0, List.of(
                RadiusAttribute.integer(AttributeType.ACCT_STATUS_TYPE, 1), RadiusAttribute.text(AttributeType.USER_NAME, USER),
                RadiusAttribute.text(AttributeType.ACCT_SESSION_ID, "81500003"),
                RadiusAttribute.ipv4(AttributeType.FRAMED_IP_ADDRESS, RadiusAuthenticatorsTest.ipv4("10.5.50.23"))), TESTING123);
        assertEquals(ACCOUNTING_START, HEX.formatHex(RadiusCodec.encode(signed)));
    }

    @Test
    void anAcceptIsTrustedOnlyWithTheRightSecretAndItsOwnRequest() {
        byte[] authenticator = RadiusAuthenticators.randomAuthenticator();
        RadiusPacket request = RadiusAuthenticators.signAccessRequest(7, authenticator,
                List.of(RadiusAttribute.text(AttributeType.USER_NAME, USER), UserPassword.attribute(PASSWORD, authenticator, TESTING123)), TESTING123);
        RadiusPacket accept = RadiusAuthenticators.signResponse(PacketCode.ACCESS_ACCEPT, 7, List.of(
                RadiusAttribute.integer(AttributeType.SESSION_TIMEOUT, 3540), RadiusAttribute.messageAuthenticatorPlaceholder()),
                request.authenticator(), TESTING123);
        byte[] wire = RadiusCodec.encode(accept);
        RadiusPacket verified = RadiusAuthenticators.verifyResponse(wire, wire.length, request, TESTING123);
        assertEquals(3540, verified.integer(AttributeType.SESSION_TIMEOUT).orElseThrow());
        assertThrows(InvalidPacketException.class, () -> RadiusAuthenticators.verifyResponse(wire, wire.length, request, RadiusSecret.of("wrong")));
        RadiusPacket otherRequest = RadiusAuthenticators.signAccessRequest(7, RadiusAuthenticators.randomAuthenticator(), List.of(
                RadiusAttribute.text(AttributeType.USER_NAME, USER)), TESTING123);
        assertThrows(InvalidPacketException.class, () -> RadiusAuthenticators.verifyResponse(wire, wire.length, otherRequest, TESTING123));
    }

    @Test
    void checkRequestTellsWhichAuthenticatorFailed() {
        RadiusPacket coa = RadiusAuthenticators.signRequest(PacketCode.COA_REQUEST, 3, RadiusAuthenticatorsTest.contractAttributes(), TESTING123);
        byte[] wire = RadiusCodec.encode(coa);
        var good = RadiusAuthenticators.checkRequest(wire, wire.length, TESTING123);
        assertTrue(good.valid());
        assertEquals(Optional.of(true), good.messageAuthenticatorValid());
        var wrong = RadiusAuthenticators.checkRequest(wire, wire.length, RadiusSecret.of("not-the-secret"));
        assertFalse(wrong.authenticatorValid());
        assertEquals(Optional.of(false), wrong.messageAuthenticatorValid());
        assertFalse(wrong.valid());
        RadiusPacket bare = RadiusAuthenticators.signRequest(PacketCode.COA_REQUEST, 3, RadiusAuthenticatorsTest.contractAttributes(), TESTING123, false);
        byte[] bareWire = RadiusCodec.encode(bare);
        assertEquals(Optional.empty(), RadiusAuthenticators.checkRequest(bareWire, bareWire.length, TESTING123).messageAuthenticatorValid());
    }
}
