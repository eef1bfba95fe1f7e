package com.wifibilling.core.radius;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * User-Password hiding (RFC 2865 §5.2): the password, padded with zeros to a multiple of 16 octets, is XORed
 * block by block with MD5(secret ‖ previous block), where the first "previous block" is the Access-Request's
 * Request Authenticator and each later one the hidden block before it. Pure; the secret never leaves the package.
 */
public final class UserPassword {
    /** RFC 2865 §5.2: at most 128 octets. */
    public static final int MAX_LENGTH = 128;
    private static final int BLOCK = 16;

    private UserPassword() {}

    /** Returns the User-Password attribute hiding {@code password} for a request with {@code requestAuthenticator}. */
    public static RadiusAttribute attribute(String password, byte[] requestAuthenticator, RadiusSecret secret) {
        return RadiusAttribute.of(AttributeType.USER_PASSWORD, hide(password.getBytes(StandardCharsets.UTF_8), requestAuthenticator, secret));
    }

    /** Returns the hidden octets of {@code password} (1-128 octets). */
    public static byte[] hide(byte[] password, byte[] requestAuthenticator, RadiusSecret secret) {
        if (password.length == 0 || password.length > MAX_LENGTH)
            throw new IllegalArgumentException("A User-Password is 1-128 octets, was " + password.length);
        checkAuthenticator(requestAuthenticator);
        int padded = (password.length + BLOCK - 1) / BLOCK * BLOCK;
        byte[] out = Arrays.copyOf(password, padded);
        byte[] previous = requestAuthenticator;
        byte[] secretBytes = secret.bytes();
        for (int at = 0; at < padded; at += BLOCK) {
            byte[] mask = md5(secretBytes, previous);
            for (int i = 0; i < BLOCK; i++) out[at + i] ^= mask[i];
            previous = Arrays.copyOfRange(out, at, at + BLOCK);
        }
        return out;
    }

    /** Returns the password hidden in {@code hidden}, its zero padding removed; malformed lengths are an {@link InvalidPacketException}. */
    public static String reveal(byte[] hidden, byte[] requestAuthenticator, RadiusSecret secret) {
        if (hidden.length == 0 || hidden.length % BLOCK != 0 || hidden.length > MAX_LENGTH)
            throw new InvalidPacketException("A hidden User-Password is 16-128 octets in blocks of 16, was " + hidden.length);
        checkAuthenticator(requestAuthenticator);
        byte[] out = new byte[hidden.length];
        byte[] previous = requestAuthenticator;
        byte[] secretBytes = secret.bytes();
        for (int at = 0; at < hidden.length; at += BLOCK) {
            byte[] mask = md5(secretBytes, previous);
            for (int i = 0; i < BLOCK; i++) out[at + i] = (byte) (hidden[at + i] ^ mask[i]);
            previous = Arrays.copyOfRange(hidden, at, at + BLOCK);
        }
        int length = out.length;
        while (length > 0 && out[length - 1] == 0) length--;
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    private static void checkAuthenticator(byte[] requestAuthenticator) {
        if (requestAuthenticator.length != RadiusPacket.AUTHENTICATOR_LENGTH)
            throw new IllegalArgumentException("A Request Authenticator is 16 octets, was " + requestAuthenticator.length);
    }

    private static byte[] md5(byte[] secret, byte[] previous) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(secret);
            md5.update(previous);
            return md5.digest();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("Every JVM has MD5", impossible);
        }
    }
}
