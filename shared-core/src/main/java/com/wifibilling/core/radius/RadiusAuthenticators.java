package com.wifibilling.core.radius;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies RFC 5176 packets with a shared secret (contracts/gateways.md §4.1), and the Access- and
 * Accounting-Requests a NAS sends (the gateway simulator's side, §8):
 * <ul>
 * <li>Access-Request: a random Request Authenticator (RFC 2865 §3) and always a Message-Authenticator computed
 *     over it (RFC 3579 §3.2); a User-Password is hidden with the same authenticator ({@link UserPassword});</li>
 * <li>Request Authenticator of a CoA/Disconnect-Request = MD5(packet with 16 zero octets as authenticator ‖ secret),
 *     as for an Accounting-Request (RFC 5176 §3, RFC 2866 §3);</li>
 * <li>Response Authenticator of an ACK/NAK = MD5(packet with the request's authenticator ‖ secret) (RFC 2865 §3);</li>
 * <li>Message-Authenticator (80) = HMAC-MD5(secret, packet with attribute 80 zeroed and, as the authenticator,
 *     zeros for a request or the request's authenticator for a response) (RFC 3579 §3.2, RFC 5176 §3.3). It is
 *     computed first, then the authenticator over the final octets.</li>
 * </ul>
 * Comparisons are constant-time. Pure: no I/O; the only state is the SecureRandom for Access-Request authenticators.
 */
public final class RadiusAuthenticators {
    private static final byte[] ZERO_AUTHENTICATOR = new byte[RadiusPacket.AUTHENTICATOR_LENGTH];
    private static final SecureRandom RANDOM = new SecureRandom();

    private RadiusAuthenticators() {}

    /**
     * Returns a signed CoA-Request or Disconnect-Request. Every request carries a Message-Authenticator (§4.1
     * "Always sent"): one is appended unless {@code attributes} holds a placeholder, whose position is then kept.
     */
    public static RadiusPacket signRequest(PacketCode code, int identifier, List<RadiusAttribute> attributes, RadiusSecret secret) {
        return signRequest(code, identifier, attributes, secret, true);
    }

    /** As {@link #signRequest(PacketCode, int, List, RadiusSecret)}; without a Message-Authenticator only for the RFC vectors. */
    static RadiusPacket signRequest(PacketCode code, int identifier, List<RadiusAttribute> attributes, RadiusSecret secret,
                                    boolean messageAuthenticator) {
        if (!code.isDynamicRequest() && code != PacketCode.ACCOUNTING_REQUEST)
            throw new IllegalArgumentException("Only CoA, Disconnect and Accounting requests are signed here, not " + code);
        List<RadiusAttribute> withPlaceholder = new ArrayList<>(attributes);
        long present = withPlaceholder.stream().filter(a -> a.is(AttributeType.MESSAGE_AUTHENTICATOR)).count();
        if (present > 1) throw new IllegalArgumentException("A packet carries at most one Message-Authenticator");
        if (messageAuthenticator && present == 0) withPlaceholder.add(RadiusAttribute.messageAuthenticatorPlaceholder());
        byte[] secretBytes = secret.bytes();
        var unsigned = new RadiusPacket(code, identifier, ZERO_AUTHENTICATOR,
                withMessageAuthenticator(new RadiusPacket(code, identifier, ZERO_AUTHENTICATOR, withPlaceholder), secretBytes));
        byte[] authenticator = md5(RadiusCodec.encode(unsigned), secretBytes);
        return new RadiusPacket(code, identifier, authenticator, unsigned.attributes());
    }

    /**
     * Returns a signed Accounting-Request (RFC 2866 §3): Request Authenticator = MD5(packet with 16 zero octets as
     * authenticator ‖ secret). No Message-Authenticator, as a MikroTik sends none in accounting.
     */
    public static RadiusPacket signAccountingRequest(int identifier, List<RadiusAttribute> attributes, RadiusSecret secret) {
        return signRequest(PacketCode.ACCOUNTING_REQUEST, identifier, attributes, secret, false);
    }

    /** Returns 16 octets from {@link SecureRandom}: an Access-Request's Request Authenticator (RFC 2865 §3). */
    public static byte[] randomAuthenticator() {
        byte[] authenticator = new byte[RadiusPacket.AUTHENTICATOR_LENGTH];
        RANDOM.nextBytes(authenticator);
        return authenticator;
    }

    /**
     * Returns an Access-Request with {@code authenticator} (random, {@link #randomAuthenticator()}; hide a
     * User-Password with the same one) and a Message-Authenticator = HMAC-MD5(secret, packet with attribute 80
     * zeroed) (RFC 3579 §3.2), appended unless {@code attributes} holds a placeholder.
     */
    public static RadiusPacket signAccessRequest(int identifier, byte[] authenticator, List<RadiusAttribute> attributes, RadiusSecret secret) {
        List<RadiusAttribute> withPlaceholder = new ArrayList<>(attributes);
        long present = withPlaceholder.stream().filter(a -> a.is(AttributeType.MESSAGE_AUTHENTICATOR)).count();
        if (present > 1) throw new IllegalArgumentException("A packet carries at most one Message-Authenticator");
        if (present == 0) withPlaceholder.add(RadiusAttribute.messageAuthenticatorPlaceholder());
        var shape = new RadiusPacket(PacketCode.ACCESS_REQUEST, identifier, authenticator, withPlaceholder);
        return new RadiusPacket(PacketCode.ACCESS_REQUEST, identifier, authenticator, withMessageAuthenticator(shape, secret.bytes()));
    }

    /**
     * What a receiver of a CoA-Request or Disconnect-Request learns by checking it with {@code secret}:
     * {@code authenticatorValid} for the Request Authenticator, and {@code messageAuthenticatorValid} empty when the
     * packet carries none.
     */
    public record RequestCheck(RadiusPacket packet, boolean authenticatorValid, Optional<Boolean> messageAuthenticatorValid) {
        /** True when the packet may be acted on: both checks pass (RFC 5176 §3: silently discard otherwise). */
        public boolean valid() {
            return authenticatorValid && messageAuthenticatorValid.orElse(true);
        }
    }

    /**
     * Returns the decoded CoA-Request or Disconnect-Request with the outcome of each check, for a DAS that records
     * what it dropped (the gateway simulator). A packet that does not decode, or is no such request, still throws
     * {@link InvalidPacketException}.
     */
    public static RequestCheck checkRequest(byte[] datagram, int received, RadiusSecret secret) {
        RadiusPacket request = RadiusCodec.decode(datagram, received);
        if (!request.code().isDynamicRequest()) throw new InvalidPacketException(request.code() + " is not a CoA or Disconnect request");
        byte[] secretBytes = secret.bytes();
        var zeroed = new RadiusPacket(request.code(), request.identifier(), ZERO_AUTHENTICATOR, request.attributes());
        boolean authenticator = MessageDigest.isEqual(md5(RadiusCodec.encode(zeroed), secretBytes), request.authenticator());
        Optional<Boolean> messageAuthenticator = Optional.empty();
        if (request.first(AttributeType.MESSAGE_AUTHENTICATOR).isPresent()) {
            try {
                checkMessageAuthenticator(zeroed, secretBytes);
                messageAuthenticator = Optional.of(true);
            } catch (InvalidPacketException mismatch) {
                messageAuthenticator = Optional.of(false);
            }
        }
        return new RequestCheck(request, authenticator, messageAuthenticator);
    }

    /**
     * Returns a signed ACK or NAK answering a request whose authenticator was {@code requestAuthenticator}. A
     * Message-Authenticator is computed only where {@code attributes} holds a placeholder (it is optional in
     * responses, RFC 5176 §3.3). Used by the tests and by a DAS such as the gateway simulator.
     */
    public static RadiusPacket signResponse(PacketCode code, int identifier, List<RadiusAttribute> attributes,
                                            byte[] requestAuthenticator, RadiusSecret secret) {
        if (attributes.stream().filter(a -> a.is(AttributeType.MESSAGE_AUTHENTICATOR)).count() > 1)
            throw new IllegalArgumentException("A packet carries at most one Message-Authenticator");
        byte[] secretBytes = secret.bytes();
        var unsigned = new RadiusPacket(code, identifier, requestAuthenticator,
                withMessageAuthenticator(new RadiusPacket(code, identifier, requestAuthenticator, attributes), secretBytes));
        return new RadiusPacket(code, identifier, md5(RadiusCodec.encode(unsigned), secretBytes), unsigned.attributes());
    }

    /**
     * Returns the decoded response if it answers {@code request}: same Identifier, a code that answers the
     * request's (ACK or NAK for CoA and Disconnect), a matching Response Authenticator and, when present, a valid Message-Authenticator. Otherwise throws
     * {@link InvalidPacketException} saying which check failed (a wrong secret and an altered packet look alike).
     */
    public static RadiusPacket verifyResponse(byte[] datagram, int received, RadiusPacket request, RadiusSecret secret) {
        RadiusPacket response = RadiusCodec.decode(datagram, received);
        if (response.identifier() != request.identifier())
            throw new InvalidPacketException("Identifier " + response.identifier() + " does not answer request " + request.identifier());
        if (!response.code().answers(request.code()))
            throw new InvalidPacketException(response.code() + " does not answer a " + request.code());
        byte[] secretBytes = secret.bytes();
        var asSigned = new RadiusPacket(response.code(), response.identifier(), request.authenticator(), response.attributes());
        if (!MessageDigest.isEqual(md5(RadiusCodec.encode(asSigned), secretBytes), response.authenticator()))
            throw new InvalidPacketException("Response Authenticator does not match (wrong secret or altered packet)");
        checkMessageAuthenticator(asSigned, secretBytes);
        return response;
    }

    /**
     * Returns the decoded CoA-Request or Disconnect-Request if its Request Authenticator and, when present, its
     * Message-Authenticator match {@code secret}: the receiving side, for the gateway simulator and the tests.
     */
    public static RadiusPacket verifyRequest(byte[] datagram, int received, RadiusSecret secret) {
        RadiusPacket request = RadiusCodec.decode(datagram, received);
        if (!request.code().isDynamicRequest()) throw new InvalidPacketException(request.code() + " is not a CoA or Disconnect request");
        byte[] secretBytes = secret.bytes();
        var zeroed = new RadiusPacket(request.code(), request.identifier(), ZERO_AUTHENTICATOR, request.attributes());
        if (!MessageDigest.isEqual(md5(RadiusCodec.encode(zeroed), secretBytes), request.authenticator()))
            throw new InvalidPacketException("Request Authenticator does not match (wrong secret or altered packet)");
        checkMessageAuthenticator(zeroed, secretBytes);
        return request;
    }

    /** {@code asSigned} carries the authenticator the HMAC was computed with (zeros, or the request's). */
    private static void checkMessageAuthenticator(RadiusPacket asSigned, byte[] secret) {
        long count = asSigned.attributes().stream().filter(a -> a.is(AttributeType.MESSAGE_AUTHENTICATOR)).count();
        if (count == 0) return;
        if (count > 1) throw new InvalidPacketException("More than one Message-Authenticator");
        byte[] received = asSigned.first(AttributeType.MESSAGE_AUTHENTICATOR).orElseThrow().value();
        List<RadiusAttribute> recomputed = withMessageAuthenticator(asSigned, secret);
        byte[] expected = recomputed.stream().filter(a -> a.is(AttributeType.MESSAGE_AUTHENTICATOR)).findFirst().orElseThrow().value();
        if (!MessageDigest.isEqual(expected, received))
            throw new InvalidPacketException("Message-Authenticator does not match (wrong secret or altered packet)");
    }

    /**
     * Returns the attributes of {@code shape} with its Message-Authenticator set to the HMAC-MD5 of {@code shape}
     * with that attribute zeroed; unchanged when there is none.
     */
    private static List<RadiusAttribute> withMessageAuthenticator(RadiusPacket shape, byte[] secret) {
        List<RadiusAttribute> attributes = shape.attributes();
        if (attributes.stream().noneMatch(a -> a.is(AttributeType.MESSAGE_AUTHENTICATOR))) return attributes;
        List<RadiusAttribute> zeroed = attributes.stream()
                .map(a -> a.is(AttributeType.MESSAGE_AUTHENTICATOR) ? RadiusAttribute.messageAuthenticatorPlaceholder() : a).toList();
        byte[] hmac = hmacMd5(secret, RadiusCodec.encode(new RadiusPacket(shape.code(), shape.identifier(), shape.authenticator(), zeroed)));
        return zeroed.stream().map(a -> a.is(AttributeType.MESSAGE_AUTHENTICATOR) ? RadiusAttribute.of(AttributeType.MESSAGE_AUTHENTICATOR, hmac) : a).toList();
    }

    private static byte[] md5(byte[] packet, byte[] secret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(packet);
            md5.update(secret);
            return md5.digest();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("Every JVM has MD5", impossible);
        }
    }

    private static byte[] hmacMd5(byte[] secret, byte[] packet) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret, "HmacMD5"));
            return mac.doFinal(packet);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("Every JVM has HmacMD5", impossible);
        }
    }
}
