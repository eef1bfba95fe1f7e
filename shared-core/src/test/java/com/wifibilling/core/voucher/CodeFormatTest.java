package com.wifibilling.core.voucher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The check character's promises (CodeFormat's Javadoc), exhaustively for some codes and as properties. */
class CodeFormatTest {
    private static final String LOOK_ALIKES = "01ILO";

    @Test
    void alphabetHasThirtyOneDistinctSymbolsAndNoLookAlikes() {
        assertEquals(31, CodeFormat.ALPHABET.length());
        assertTrue(BigInteger.valueOf(CodeFormat.ALPHABET.length()).isProbablePrime(50), "the check needs a prime modulus");
        Set<Character> symbols = CodeFormat.ALPHABET.chars().mapToObj(c -> (char) c).collect(Collectors.toSet());
        assertEquals(31, symbols.size());
        for (char c : LOOK_ALIKES.toCharArray()) assertFalse(symbols.contains(c), "no " + c);
        assertTrue(CodeFormat.ALPHABET.chars().allMatch(c -> c >= '2' && c <= '9' || c >= 'A' && c <= 'Z'));
    }

    @Test
    void checkCharacterMakesTheWeightedSumZeroModuloThirtyOne() {
        String code = "HS7K2M9Q4B" + CodeFormat.checkCharacter("HS7K2M9Q4B");
        int sum = 0;
        for (int i = 0; i < code.length(); i++) sum += (i + 1) * CodeFormat.ALPHABET.indexOf(code.charAt(i));
        assertEquals(0, sum % 31);
        assertTrue(CodeFormat.isValid(code));
    }

    @Test
    void everySingleSubstitutionAndAdjacentTranspositionOfSomeCodesIsCaughtExhaustively() {
        var random = new Random(20261125);
        for (int length = CodeFormat.MIN_RANDOM_SYMBOLS; length < CodeFormat.MAX_LENGTH; length++) {
            String code = CodeFormat.generate(random, "", length);
            assertTrue(CodeFormat.isValid(code));
            int substitutions = 0;
            for (int i = 0; i < code.length(); i++) {
                for (char other : CodeFormat.ALPHABET.toCharArray()) {
                    if (other == code.charAt(i)) continue;
                    assertFalse(CodeFormat.isValid(substitute(code, i, other)), code + " with " + other + " at " + i);
                    substitutions++;
                }
            }
            assertEquals(code.length() * 30, substitutions);
            for (int i = 0; i + 1 < code.length(); i++) {
                if (code.charAt(i) == code.charAt(i + 1)) continue; // swapping equal symbols changes nothing
                assertFalse(CodeFormat.isValid(swap(code, i, i + 1)), code + " swapped at " + i);
            }
        }
    }

    @Test
    void everyTranspositionOfTwoDifferentSymbolsAtAnyDistanceIsCaught() {
        String code = CodeFormat.generate(new Random(7), "", 29);
        for (int i = 0; i < code.length(); i++) {
            for (int j = i + 1; j < code.length(); j++) {
                if (code.charAt(i) != code.charAt(j)) assertFalse(CodeFormat.isValid(swap(code, i, j)));
            }
        }
    }

    @Property
    void everyGeneratedCodeValidates(@ForAll("prefixes") String prefix, @ForAll @IntRange(min = 10, max = 20) int randomSymbols,
                                     @ForAll long seed) {
        String code = CodeFormat.generate(new Random(seed), prefix, randomSymbols);
        assertTrue(code.startsWith(prefix));
        assertEquals(prefix.length() + randomSymbols + 1, code.length());
        assertTrue(CodeFormat.isValid(code));
    }

    @Property
    void everySingleSubstitutionFailsTheCheck(@ForAll("codes") String code, @ForAll @IntRange(max = 29) int position,
                                              @ForAll("symbols") char other) {
        int i = position % code.length();
        Assume.that(code.charAt(i) != other);
        assertFalse(CodeFormat.isValid(substitute(code, i, other)));
    }

    @Property
    void everyAdjacentTranspositionFailsTheCheck(@ForAll("codes") String code, @ForAll @IntRange(max = 28) int position) {
        int i = position % (code.length() - 1);
        Assume.that(code.charAt(i) != code.charAt(i + 1));
        assertFalse(CodeFormat.isValid(swap(code, i, i + 1)));
    }

    @Test
    void normalizationDropsSpacesAndDashesAndUpperCasesAsciiLettersOnly() {
        assertEquals("HS7K2M9Q4BX", CodeFormat.normalize(" hs7k-2m9q 4bx\t"));
        assertEquals("HS7K2M9Q4BX", CodeFormat.normalize("HS7K\u20132M9Q\u00a04BX")); // en dash, no-break space
        assertNull(CodeFormat.normalize("HS7K2M9Q4B0"), "zero is a look-alike");
        assertNull(CodeFormat.normalize("HS7K2M9Q4B\u00df"), "ß would upper-case to SS");
        assertNull(CodeFormat.normalize("HS7K2M9Q4B\u0131"), "dotless i would upper-case to I");
        assertNull(CodeFormat.normalize("HS7K2M9Q4B\uff21"), "fullwidth A is not A");
        assertNull(CodeFormat.normalize("2".repeat(101)));
        assertNull(CodeFormat.normalize(null));
    }

    @Test
    void displayGroupsByFour() {
        assertEquals("HS7K-2M9Q-4BX", CodeFormat.display("HS7K2M9Q4BX"));
        assertEquals("HS7K-2M9Q", CodeFormat.display("HS7K2M9Q"));
    }

    @Test
    void codesOutsideTheWeightsRangeCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> CodeFormat.generate(new Random(1), "", 9));
        assertThrows(IllegalArgumentException.class, () -> CodeFormat.generate(new Random(1), "K7Q", 27));
        assertThrows(IllegalArgumentException.class, () -> CodeFormat.generate(new Random(1), "K0", 10));
        assertThrows(IllegalArgumentException.class, () -> CodeFormat.checkCharacter("2".repeat(30)));
        assertFalse(CodeFormat.isValid("2".repeat(31)), "31 symbols: weight 31 ≡ 0 would hide an error");
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.longs().flatMap(seed -> Arbitraries.integers().between(10, 29)
                .map(length -> CodeFormat.generate(new Random(seed), "", length)));
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.strings().withChars(CodeFormat.ALPHABET.toCharArray()).ofMinLength(0).ofMaxLength(6);
    }

    @Provide
    Arbitrary<Character> symbols() {
        return Arbitraries.of(CodeFormat.ALPHABET.chars().mapToObj(c -> (char) c).toList());
    }

    private static String substitute(String code, int i, char other) {
        return code.substring(0, i) + other + code.substring(i + 1);
    }

    private static String swap(String code, int i, int j) {
        char[] chars = code.toCharArray();
        char t = chars[i];
        chars[i] = chars[j];
        chars[j] = t;
        return new String(chars);
    }
}
