package com.wifibilling.core.payment;

import com.wifibilling.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The purchase's {@code clientToken} (DESIGN §6): the one thing that lets a status poll see the purchase's
 * credentials. Only its SHA-256 is stored, so a leaked table hands out no logins.
 *
 * <p>With an {@code Idempotency-Key} the token is derived from it, HMAC-SHA256(key, transactionId): a replay of
 * the request must answer the same token (DESIGN §3), and deriving it means no clear copy is ever stored. Without a
 * key it is 32 random bytes. Either way it is 43 characters of base64url.
 */
public final class ClientTokens {
    /** DESIGN §3: 8 to 128 characters a client can put in a header without escaping (UUIDs, ULIDs, base64url). */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,128}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientTokens() {}

    /** Returns a fresh random token for a purchase made without an Idempotency-Key. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns the token of the purchase {@code transactionId} first made with {@code idempotencyKey}. */
    public static String derived(String idempotencyKey, String transactionId) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(idempotencyKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] bytes = hmac.doFinal(("client-token|" + transactionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Returns the stored form of a token: lowercase hex SHA-256. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Returns whether {@code presented} is the token whose hash is stored, in constant time. */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || !TOKEN.matcher(presented).matches() || storedHash == null) return false;
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Returns the {@code Idempotency-Key} header value when it is well formed; 400 naming the header otherwise. */
    public static String checkedIdempotencyKey(String value) {
        if (value == null || !IDEMPOTENCY_KEY.matcher(value).matches())
            throw ApiException.invalidField("Idempotency-Key", "Idempotency-Key must be 8 to 128 letters, digits or _ . : -");
        return value;
    }
}
