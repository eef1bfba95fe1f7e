package com.wifibilling.core.auth;

import com.wifibilling.core.http.ApiException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and checks admin passwords (the {@code passwordHash} of an admin in Users, DESIGN §4; login answers of
 * DESIGN §3) with Argon2id (RFC 9106) through BouncyCastle's lightweight API, stored as the PHC string the
 * reference {@code argon2} tool prints:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, both parts standard Base64 without padding.
 * The default cost is OWASP's Password Storage Cheat Sheet setting for Argon2id (19 MiB, 2 passes, 1 lane);
 * each stored string carries its own cost, so raising it later only needs {@link #needsRehash} on login.
 * Thread-safe: one instance per container.
 */
public final class PasswordHasher {
    // OWASP Password Storage Cheat Sheet, Argon2id: "m=19456 (19 MiB), t=2, p=1".
    public static final int OWASP_MEMORY_KIB = 19_456;
    public static final int OWASP_ITERATIONS = 2;
    public static final int OWASP_PARALLELISM = 1;
    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 256;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    // Upper bounds for costs we write and read: a corrupt stored string must not be able to ask a Lambda for
    // gigabytes or minutes. Well above OWASP's strongest suggested setting (46 MiB, 1 pass).
    private static final int MAX_MEMORY_KIB = 256 * 1024;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_PARALLELISM = 16;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
                    + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final Cost cost;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    /** Returns a hasher with OWASP's Argon2id cost: m = 19456 KiB, t = 2, p = 1. */
    public PasswordHasher() {
        this(OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM);
    }

    /** Returns a hasher with another cost; tests use a cheap one, production keeps the default. */
    public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this.cost = new Cost(memoryKiB, iterations, parallelism);
        if (!cost.isSupported()) throw new IllegalArgumentException("Unsupported Argon2id cost " + cost);
        // Made once, at INIT, with this cost: checking a login for an unknown account against it costs
        // exactly what checking a real account costs, so the time of the answer says nothing.
        this.dummyHash = hash(HexFormat.of().formatHex(randomBytes(SALT_BYTES)).toCharArray());
    }

    /**
     * Throws 400 {@code INVALID_FIELD} naming {@code password} unless it has between 12 and 256 characters
     * (counted as Unicode code points). Checked when a password is set, never on login: an old password that
     * predates the rule must still be able to log in.
     */
    public static void checkStrength(char[] password) {
        if (password == null) throw ApiException.invalidField("password", "Password is required");
        int length = Character.codePointCount(password, 0, password.length);
        if (length < MIN_PASSWORD_LENGTH) {
            throw ApiException.invalidField("password", "Password must be at least 12 characters");
        }
        if (length > MAX_PASSWORD_LENGTH) {
            throw ApiException.invalidField("password", "Password must be at most 256 characters");
        }
    }

    /**
     * Returns the PHC string for the password with a fresh 16-byte salt and this hasher's cost. A password
     * that is not valid UTF-16 (a lone surrogate) cannot be stored and throws 400 {@code INVALID_FIELD}.
     */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = randomBytes(SALT_BYTES);
        byte[] hash = derive(utf8(password).orElseThrow(() ->
                ApiException.invalidField("password", "Password contains characters that cannot be stored")),
                cost, salt, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKiB + ",t=" + cost.iterations + ",p=" + cost.parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Returns whether the password matches the stored PHC string, recomputed with the cost stored in it and
     * compared in constant time. A malformed or unsupported stored string answers false rather than throwing.
     */
    public boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(encoded, "encoded");
        Optional<Stored> stored = Stored.parse(encoded);
        Optional<byte[]> bytes = utf8(password);
        if (stored.isEmpty() || bytes.isEmpty()) return false; // no stored hash was made from such a password
        Stored s = stored.get();
        return MessageDigest.isEqual(s.hash, derive(bytes.get(), s.cost, s.salt, s.hash.length));
    }

    /**
     * Returns false, after the same work as a {@link #verify} against a real account. Call it when a login
     * names no account, so that "no such account" and "wrong password" take equally long (and answer alike).
     */
    public boolean verifyUnknownAccount(char[] password) {
        verify(password, dummyHash);
        return false;
    }

    /**
     * Returns whether the stored string should be replaced by a new {@link #hash} after a successful login:
     * its memory, passes, salt or hash length are below this hasher's, or it cannot be read at all.
     */
    public boolean needsRehash(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return Stored.parse(encoded).map(s -> s.cost.memoryKiB < cost.memoryKiB
                        || s.cost.iterations < cost.iterations
                        || s.salt.length < SALT_BYTES
                        || s.hash.length < HASH_BYTES)
                .orElse(true);
    }

    /** Returns the hash a login for an unknown account is checked against; package-private for tests. */
    String dummyHash() {
        return dummyHash;
    }

    private static byte[] derive(byte[] password, Cost cost, byte[] salt, int length) {
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB)
                .withIterations(cost.iterations)
                .withParallelism(cost.parallelism)
                .withSalt(salt)
                .build();
        var generator = new Argon2BytesGenerator(); // not thread-safe: one per call
        generator.init(parameters);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(password, out);
            return out;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    // Our own strict encoder rather than BouncyCastle's char converter: a lone surrogate becomes an answer
    // (empty) instead of a '?' that would let two different passwords share a hash.
    private static Optional<byte[]> utf8(char[] password) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(password));
            byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            return Optional.of(bytes);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private record Cost(int memoryKiB, int iterations, int parallelism) {
        // RFC 9106 §3.1: memory of at least 8 KiB per lane; the upper bounds are ours (see MAX_MEMORY_KIB).
        boolean isSupported() {
            return parallelism >= 1 && parallelism <= MAX_PARALLELISM
                    && iterations >= 1 && iterations <= MAX_ITERATIONS
                    && memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB;
        }
    }

    private record Stored(Cost cost, byte[] salt, byte[] hash) {
        /** Returns the parts of a PHC string we could have written, or empty for anything else. */
        static Optional<Stored> parse(String encoded) {
            Matcher m = PHC.matcher(encoded);
            if (!m.matches()) return Optional.empty();
            long memory = Long.parseLong(m.group(1));
            long iterations = Long.parseLong(m.group(2));
            long parallelism = Long.parseLong(m.group(3));
            if (memory > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS || parallelism > MAX_PARALLELISM) {
                return Optional.empty();
            }
            var cost = new Cost((int) memory, (int) iterations, (int) parallelism);
            Optional<byte[]> salt = unpaddedBase64(m.group(4));
            Optional<byte[]> hash = unpaddedBase64(m.group(5));
            // RFC 9106 §3.1: salt of at least 8 bytes; a tag under 16 bytes is one we never write.
            if (!cost.isSupported() || salt.isEmpty() || hash.isEmpty()
                    || salt.get().length < 8 || salt.get().length > 64
                    || hash.get().length < 16 || hash.get().length > 64) {
                return Optional.empty();
            }
            return Optional.of(new Stored(cost, salt.get(), hash.get()));
        }

        // Java's decoder ignores stray low bits in the last character; the reference argon2 decoder rejects
        // them. Re-encoding and comparing gives each salt and hash exactly one accepted spelling, as there.
        private static Optional<byte[]> unpaddedBase64(String text) {
            try {
                byte[] bytes = Base64.getDecoder().decode(text);
                return B64.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
