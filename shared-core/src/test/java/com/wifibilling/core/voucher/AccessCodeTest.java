package com.wifibilling.core.voucher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.http.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessCodeTest {
    private static final String CODE = "HS7K2M9Q4B" + CodeFormat.checkCharacter("HS7K2M9Q4B");

    @Test
    void generatedCodesHaveTenRandomSymbolsAndAValidCheckAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            AccessCode code = AccessCode.generate();
            assertEquals(11, code.value().length());
            assertTrue(CodeFormat.isValid(code.value()));
            assertTrue(seen.add(code.value()), "49.5 bits do not collide in 10,000 draws");
        }
    }

    @Test
    void prefixedCodeStartsWithItsPrefixAndIsCheckedAsAWhole() {
        AccessCode code = AccessCode.generate("KQ", 12);
        assertTrue(code.value().startsWith("KQ"));
        assertEquals(15, code.value().length());
        assertEquals(code, AccessCode.parse(code.display().toLowerCase()));
    }

    @Property
    void everySpellingOfACodeParsesToItsCanonicalForm(@ForAll long seed, @ForAll("separators") List<String> separators,
                                                      @ForAll boolean lowerCase) {
        String canonical = CodeFormat.generate(new Random(seed), "", 10);
        var typed = new StringBuilder();
        for (int i = 0; i < canonical.length(); i++) typed.append(separators.get(i % separators.size())).append(canonical.charAt(i));
        String input = lowerCase ? typed.toString().toLowerCase() : typed.toString();
        assertEquals(canonical, AccessCode.parse(input).value());
    }

    @Property
    void displayFormRoundTrips(@ForAll long seed) {
        AccessCode code = new AccessCode(CodeFormat.generate(new Random(seed), "", 10));
        assertEquals(code, AccessCode.parse(code.display()));
        assertEquals(3, code.display().split("-").length);
    }

    @Test
    void aTypoAnswersInvalidCode() {
        char wrong = CODE.charAt(3) == 'X' ? 'Y' : 'X';
        String typo = CODE.substring(0, 3) + wrong + CODE.substring(4);
        ApiException e = assertThrows(ApiException.class, () -> AccessCode.parse(typo));
        assertEquals(400, e.status());
        assertEquals("INVALID_CODE", e.code());
        String swapped = CODE.charAt(1) + "" + CODE.charAt(0) + CODE.substring(2);
        assertEquals("INVALID_CODE", assertThrows(ApiException.class, () -> AccessCode.parse(swapped)).code());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"HS7K2M9Q4B", "HS7K-2M9Q-4BO", "HS7K2M9Q4B1", "hs7k 2m9q 4bl", "HS7K 2M9Q 4B!", "2222222222222222222222222222222"})
    void wrongLengthOrCharactersAnswerInvalidFieldNotInvalidCode(String input) {
        ApiException e = assertThrows(ApiException.class, () -> AccessCode.parse(input, "accessCode"));
        assertEquals("INVALID_FIELD", e.code());
        assertEquals("accessCode", e.field().orElseThrow());
    }

    @Test
    void toStringShowsTwoSymbolsOnly() {
        AccessCode code = new AccessCode(CODE);
        assertFalse(code.toString().contains(CODE.substring(2)));
        assertNotEquals(-1, code.toString().indexOf(CODE.substring(0, 2)));
    }

    @Provide
    Arbitrary<List<String>> separators() {
        return Arbitraries.of("", " ", "-", "  ", " - ", "\t", "\u2013").list().ofMinSize(1).ofMaxSize(11);
    }
}
