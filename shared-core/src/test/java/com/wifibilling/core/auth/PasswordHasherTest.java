package com.wifibilling.core.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
    /** Cheap enough for many tests (256 KiB, 1 pass); the OWASP cost is exercised where it matters. */
    private static final PasswordHasher CHEAP = new PasswordHasher(256, 1, 1);
    private static final PasswordHasher OWASP = new PasswordHasher();
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final Pattern OWASP_PHC =
            Pattern.compile("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");

    /*
     * Known answers from the reference implementation (Debian package argon2, 0~20171227), independent of
     * BouncyCastle:
     *   printf '%s' 'correct horse battery staple' | argon2 wifibilling-salt -id -t 2 -k 19456 -p 1 -l 32 -e
     *   printf '%s' 'Nenosiri-ya-Ñyumbani-🔑' | argon2 'saltsalt16bytes!' -id -t 3 -k 4096 -p 2 -l 32 -e
     */
    private static final String REFERENCE_OWASP =
            "$argon2id$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q";
    private static final char[] NON_ASCII_PASSWORD = "Nenosiri-ya-\u00D1yumbani-\uD83D\uDD11".toCharArray();
    private static final String REFERENCE_NON_ASCII_TWO_LANES =
            "$argon2id$v=19$m=4096,t=3,p=2$c2FsdHNhbHQxNmJ5dGVzIQ$nlbF4w8eldAO6+4+EjpGlZB8ZclDQHVR8q3OyGo1EyM";

    @Test
    void aHashVerifiesWithTheSamePassword() {
        assertTrue(CHEAP.verify(PASSWORD, CHEAP.hash(PASSWORD)));
        assertTrue(OWASP.verify(PASSWORD, OWASP.hash(PASSWORD)));
    }

    @Test
    void aHashRejectsAnyOtherPassword() {
        String stored = CHEAP.hash(PASSWORD);
        assertFalse(CHEAP.verify("correct horse battery stapl".toCharArray(), stored));
        assertFalse(CHEAP.verify("Correct horse battery staple".toCharArray(), stored));
        assertFalse(CHEAP.verify("correct horse battery staple ".toCharArray(), stored));
        assertFalse(CHEAP.verify(new char[0], stored));
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        String first = CHEAP.hash(PASSWORD);
        String second = CHEAP.hash(PASSWORD);
        assertNotEquals(first, second);
        assertNotEquals(first.split("\\$")[4], second.split("\\$")[4]);
        assertTrue(CHEAP.verify(PASSWORD, first) && CHEAP.verify(PASSWORD, second));
    }

    @Test
    void theDefaultHashIsAPhcStringWithTheOwaspCost() {
        String stored = OWASP.hash(PASSWORD);
        assertTrue(OWASP_PHC.matcher(stored).matches(), stored);
        assertEquals(16, Base64.getDecoder().decode(stored.split("\\$")[4]).length);
        assertEquals(32, Base64.getDecoder().decode(stored.split("\\$")[5]).length);
    }

    @Test
    void theHashPartIsArgon2idOfThePasswordAndTheStoredSalt() {
        String[] parts = CHEAP.hash(PASSWORD).split("\\$");
        assertEquals("m=256,t=1,p=1", parts[3]);
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] expected = bouncyCastleArgon2id(new String(PASSWORD).getBytes(StandardCharsets.UTF_8), salt, 256, 1, 1);
        assertArrayEquals(expected, Base64.getDecoder().decode(parts[5]));
    }

    @Test
    void hashesFromTheReferenceImplementationVerify() {
        assertTrue(OWASP.verify(PASSWORD, REFERENCE_OWASP));
        assertFalse(OWASP.verify("correct horse battery stapler".toCharArray(), REFERENCE_OWASP));
        // UTF-8 of a non-ASCII password (Ñ and a surrogate pair), and two lanes: our bytes are the reference's.
        assertTrue(CHEAP.verify(NON_ASCII_PASSWORD, REFERENCE_NON_ASCII_TWO_LANES));
        assertFalse(CHEAP.verify("Nenosiri-ya-Nyumbani-\uD83D\uDD11".toCharArray(), REFERENCE_NON_ASCII_TWO_LANES));
    }

    @Test
    void bouncyCastleMatchesTheArgon2idVectorOfRfc9106() {
        // RFC 9106 §5.3: password 32 × 0x01, salt 16 × 0x02, secret 8 × 0x03, associated data 12 × 0x04,
        // m = 32 KiB, t = 3, p = 4, 32-byte tag. Our hasher uses no secret or associated data, so this pins the
        // library and its version; hashesFromTheReferenceImplementationVerify pins our use of it.
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32).withIterations(3).withParallelism(4)
                .withSalt(filled(16, 0x02)).withSecret(filled(8, 0x03)).withAdditional(filled(12, 0x04))
                .build();
        var generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] tag = new byte[32];
        generator.generateBytes(filled(32, 0x01), tag);
        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", HexFormat.of().formatHex(tag));
    }

    @Test
    void aTamperedHashOrSaltOrCostNoLongerVerifies() {
        String stored = REFERENCE_OWASP;
        String[] parts = stored.split("\\$");
        assertFalse(OWASP.verify(PASSWORD, replacePart(parts, 5, flipFirstCharacter(parts[5]))));
        assertFalse(OWASP.verify(PASSWORD, replacePart(parts, 4, flipFirstCharacter(parts[4]))));
        assertFalse(OWASP.verify(PASSWORD, replacePart(parts, 3, "m=19456,t=3,p=1")));
        assertFalse(OWASP.verify(PASSWORD, replacePart(parts, 3, "m=19448,t=2,p=1")));
        assertFalse(OWASP.verify(PASSWORD, replacePart(parts, 3, "m=19456,t=2,p=2")));
        assertTrue(OWASP.verify(PASSWORD, String.join("$", parts)), "the untouched parts still verify");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "correct horse battery staple",
            "$argon2id$",
            "$argon2i$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2d$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=16$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$t=2,m=19456,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=019456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=19456,t=0,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=19456,t=2,p=0$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=7,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=4294967296,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=9999999999,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=19456,t=99,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=19456,t=2,p=1,keyid=abc$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA==$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdB$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q=",
            "$argon2id$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4R",
            "$argon2id$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q$",
            "$argon2id$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q\n",
            "$argon2id$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3V-Dx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$HTt4tyYhWMIEqc3Kjgln3VpDx2QgZtHFA6tCOEGVo4Q",
            "$argon2id$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$HTt4tyYhWMIEqc3Kjgln3Q",
            "$argon2id$v=19$m=19456,t=2,p=1$d2lmaWJpbGxpbmctc2FsdA$"})
    void malformedStoredStringsAnswerFalseWithoutThrowing(String encoded) {
        assertFalse(assertDoesNotThrow(() -> OWASP.verify(PASSWORD, encoded)));
        assertTrue(OWASP.needsRehash(encoded), "unreadable: replace it on the next successful login");
    }

    @Test
    void nullArgumentsAreProgrammingErrors() {
        assertThrows(NullPointerException.class, () -> CHEAP.verify(PASSWORD, null));
        assertThrows(NullPointerException.class, () -> CHEAP.verify(null, REFERENCE_OWASP));
        assertThrows(NullPointerException.class, () -> CHEAP.hash(null));
        assertThrows(NullPointerException.class, () -> CHEAP.needsRehash(null));
    }

    @Test
    void aWeakerStoredCostNeedsRehashAndAnEqualOrStrongerOneDoesNot() {
        assertTrue(OWASP.needsRehash(CHEAP.hash(PASSWORD)));
        assertTrue(OWASP.needsRehash(new PasswordHasher(19_456, 1, 1).hash(PASSWORD)));
        assertTrue(OWASP.needsRehash(new PasswordHasher(4_096, 2, 1).hash(PASSWORD)));
        assertFalse(OWASP.needsRehash(OWASP.hash(PASSWORD)));
        assertFalse(OWASP.needsRehash(REFERENCE_OWASP));
        assertFalse(CHEAP.needsRehash(REFERENCE_OWASP));
        // The reference string's 16-byte salt is fine; a shorter one (8 bytes, valid Argon2) is not ours.
        assertTrue(OWASP.needsRehash(REFERENCE_OWASP.replace("d2lmaWJpbGxpbmctc2FsdA", "c2FsdHNhbHQ")));
    }

    @Test
    void anUnknownAccountIsCheckedAgainstAHashOfTheCurrentCost() {
        assertFalse(OWASP.verifyUnknownAccount(PASSWORD));
        assertFalse(OWASP.verifyUnknownAccount(new char[0]));
        String dummy = OWASP.dummyHash();
        assertTrue(OWASP_PHC.matcher(dummy).matches(), "same cost as a real account, so the same time: " + dummy);
        assertFalse(OWASP.needsRehash(dummy));
        assertNotEquals(dummy, new PasswordHasher().dummyHash(), "random per instance, never a known constant");
    }

    @Test
    void aPasswordThatIsNotValidUtf16CannotBeStoredAndNeverVerifies() {
        char[] loneSurrogate = "correct horse \uD83D battery".toCharArray();
        ApiException e = assertThrows(ApiException.class, () -> CHEAP.hash(loneSurrogate));
        assertEquals("INVALID_FIELD", e.code());
        assertEquals("password", e.field().orElseThrow());
        assertFalse(CHEAP.verify(loneSurrogate, CHEAP.hash("correct horse ? battery".toCharArray())));
        assertFalse(CHEAP.verify(loneSurrogate, CHEAP.hash("correct horse \uFFFD battery".toCharArray())));
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 13, 64, 256})
    void passwordsOf12To256CharactersAreStrongEnough(int length) {
        assertDoesNotThrow(() -> PasswordHasher.checkStrength("a".repeat(length).toCharArray()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 11, 257, 10_000})
    void shorterOrLongerPasswordsAreRejectedNamingThePasswordField(int length) {
        ApiException e = assertThrows(ApiException.class, () -> PasswordHasher.checkStrength("a".repeat(length).toCharArray()));
        assertEquals(400, e.status());
        assertEquals("INVALID_FIELD", e.code());
        assertEquals("password", e.field().orElseThrow());
        assertTrue(e.getMessage().contains(length < 12 ? "at least 12 characters" : "at most 256 characters"), e.getMessage());
    }

    @Test
    void strengthCountsCharactersNotUtf16Units() {
        String key = "\uD83D\uDD11"; // one emoji, two chars
        assertThrows(ApiException.class, () -> PasswordHasher.checkStrength(key.repeat(6).toCharArray()));
        assertDoesNotThrow(() -> PasswordHasher.checkStrength(key.repeat(12).toCharArray()));
        assertThrows(ApiException.class, () -> PasswordHasher.checkStrength(null));
    }

    @Test
    void costsArgon2CannotRunOrWeRefuseToReadAreRejectedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(7, 1, 1));   // RFC 9106: m ≥ 8p
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(15, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(256, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(256, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1 << 20, 1, 1));
    }

    private static byte[] bouncyCastleArgon2id(byte[] password, byte[] salt, int memoryKiB, int iterations, int lanes) {
        var generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB).withIterations(iterations).withParallelism(lanes).withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes(password, out);
        return out;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static String replacePart(String[] parts, int index, String replacement) {
        String[] copy = parts.clone();
        copy[index] = replacement;
        return String.join("$", copy);
    }

    private static String flipFirstCharacter(String base64) {
        return (base64.charAt(0) == 'A' ? "B" : "A") + base64.substring(1);
    }
}
