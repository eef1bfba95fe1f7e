package com.wifibilling.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.http.ApiException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** contracts/daraja.md §7 as executable examples and properties. */
class PhoneTest {
    private static final String SEPARATORS = " -()";
    /** Zero in scripts whose digits Character.isDigit accepts: Arabic-Indic, Extended Arabic-Indic, Devanagari, Fullwidth. */
    private static final List<Character> FOREIGN_ZEROS = List.of('\u0660', '\u06F0', '\u0966', '\uFF10');

    @ParameterizedTest
    @CsvSource({
            "0712345678, 254712345678",
            "0112345678, 254112345678",
            "712345678, 254712345678",
            "112345678, 254112345678",
            "254712345678, 254712345678",
            "254112345678, 254112345678",
            "+254712345678, 254712345678",
            "+254112345678, 254112345678",
            "'+254 712 345 678', 254712345678",
            "'(0712) 345-678', 254712345678",
            "'  0712 345 678\t', 254712345678",
            "254-7-1234-5678, 254712345678"})
    void everySpellingInTheContractMapsToTheDarajaForm(String input, String msisdn) {
        assertEquals(msisdn, Phone.parse(input).msisdn());
    }

    @Property
    void everyAcceptedSpellingMapsToTheSameMsisdn(
            @ForAll("subscriberNumbers") String subscriber,
            @ForAll("spellingPrefixes") String prefix,
            @ForAll("separatorRuns") List<String> separators,
            @ForAll("surroundingWhitespace") String around) {
        String spelled = interleave(prefix + subscriber, separators);
        assertEquals("254" + subscriber, Phone.parse(around + spelled + around).msisdn());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "+254 0712345678",        // 2540… : the contract's own example
            "0201234567",             // Nairobi landline
            "00254712345678",         // international call prefix
            "+0712345678",
            "07123456789",            // 11 digits
            "071234567",              // 9 digits starting with 0
            "25471234567",            // 11 digits
            "2547123456789",          // 13 digits
            "2540712345678",
            "255712345678",           // Tanzania
            "+255712345678",
            "++254712345678",
            "254712345678+",
            "+",
            "   ",
            "07I2345678",             // a letter I for a one
            "0712 345 678 ext 1",
            "\u0660\u0667\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", // 0712345678 in Arabic-Indic digits
            "\uFF10\uFF17\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18", // the same in fullwidth digits
            "0712.345.678",
            "0712/345678",
            "0712\u00A0345678"})      // a no-break space is not one of the removed separators
    void numbersTheContractRejectsAnswerInvalidPhone(String input) {
        assertInvalidPhone(() -> Phone.parse(input));
    }

    @Property
    void stringsWithAnyOtherCharacterAreRejected(@ForAll("junk") String input) {
        assertInvalidPhone(() -> Phone.parse(input));
    }

    @Property
    void aNonAsciiDigitAnywhereIsRejected(
            @ForAll("subscriberNumbers") String subscriber,
            @ForAll("spellingPrefixes") String prefix,
            @ForAll @IntRange(min = 0, max = 20) int position,
            @ForAll("foreignZeros") char foreignZero) {
        char[] spelled = (prefix + subscriber).toCharArray();
        int at = digitAtOrAfter(spelled, position % spelled.length);
        spelled[at] = (char) (foreignZero + (spelled[at] - '0'));
        assertTrue(Character.isDigit(spelled[at]), "the JDK calls it a digit, the contract does not");
        assertInvalidPhone(() -> Phone.parse(new String(spelled)));
    }

    @Property
    void digitStringsOfTheWrongLengthAreRejected(@ForAll("digitsOfWrongLength") String digits, @ForAll boolean plus) {
        assertInvalidPhone(() -> Phone.parse((plus ? "+" : "") + digits));
    }

    @Property
    void otherCountryCodesAreRejected(
            @ForAll @IntRange(min = 100, max = 999) int countryCode,
            @ForAll("subscriberNumbers") String subscriber,
            @ForAll boolean plus) {
        Assume.that(countryCode != 254); // Kenya itself is the accepted case
        assertInvalidPhone(() -> Phone.parse((plus ? "+" : "") + countryCode + subscriber));
    }

    @Property
    void nationalNumbersWithoutAMobilePrefixAreRejected(@ForAll("digitsWithoutMobilePrefix") String digits) {
        assertInvalidPhone(() -> Phone.parse(digits));
    }

    @Test
    void callbackPhoneNumberAsAJsonNumberParsesLikeItsDigits() {
        assertEquals("254708374149", Phone.parse(254708374149L).msisdn()); // daraja.md §4 sample callback
        assertEquals("254712345678", Phone.parse(712345678L).msisdn());
        assertInvalidPhone(() -> Phone.parse(-254708374149L));
        assertInvalidPhone(() -> Phone.parse(Long.MAX_VALUE));
        assertInvalidPhone(() -> Phone.parse(0L));
    }

    @Test
    void constructorAcceptsOnlyTheStoredForm() {
        assertEquals("254712345678", new Phone("254712345678").msisdn());
        assertInvalidPhone(() -> new Phone("0712345678"));
        assertInvalidPhone(() -> new Phone("+254712345678"));
        assertInvalidPhone(() -> new Phone("254712345678\n"));
        assertInvalidPhone(() -> new Phone(null));
    }

    @Test
    void invalidPhoneIsABadRequestWithTheSharedCode() {
        ApiException e = assertThrows(ApiException.class, () -> Phone.parse("0201234567"));
        assertEquals(400, e.status());
        assertEquals("INVALID_PHONE", e.code());
        assertEquals("Phone number must be a Kenyan mobile number like 0712345678", e.getMessage());
    }

    @Test
    void maskedKeepsTheFirstAndLastFourDigits() {
        assertEquals("2547****5678", Phone.parse("0712345678").masked());
        assertEquals("2541****5678", Phone.parse("0112345678").masked());
    }

    @Property
    void maskedNeverShowsTheMiddleDigits(@ForAll("phones") Phone phone) {
        String masked = phone.masked();
        assertTrue(masked.matches("254[71]\\*{4}\\d{4}"), masked);
        assertEquals(phone.msisdn().substring(8), masked.substring(8));
        assertEquals(8, masked.chars().filter(c -> c >= '0' && c <= '9').count());
    }

    @Property
    void toStringNeverContainsTheFullMsisdn(@ForAll("phones") Phone phone) {
        assertFalse(phone.toString().contains(phone.msisdn()));
        assertFalse(("phone=" + phone).contains(phone.msisdn()));
        assertFalse(List.of(phone).toString().contains(phone.msisdn()));
        assertEquals(phone.masked(), phone.toString());
    }

    @Property
    void phonesWithTheSameMsisdnAreEqual(@ForAll("subscriberNumbers") String subscriber) {
        assertEquals(Phone.parse("0" + subscriber), Phone.parse("+254" + subscriber));
        assertEquals(Phone.parse("0" + subscriber).hashCode(), Phone.parse(subscriber).hashCode());
    }

    @Provide
    Arbitrary<String> subscriberNumbers() {
        return Combinators.combine(Arbitraries.of("7", "1"), Arbitraries.strings().numeric().ofLength(8))
                .as(String::concat);
    }

    @Provide
    Arbitrary<String> spellingPrefixes() {
        return Arbitraries.of("0", "", "254", "+254");
    }

    /** Up to 14 runs of separators, one before each character of the longest spelling (+254 and 9 digits). */
    @Provide
    Arbitrary<List<String>> separatorRuns() {
        Arbitrary<String> run = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("")),
                Tuple.of(4, Arbitraries.strings().withChars(SEPARATORS).ofMinLength(1).ofMaxLength(3)));
        return run.list().ofSize(14);
    }

    @Provide
    Arbitrary<String> surroundingWhitespace() {
        return Arbitraries.of("", " ", "  ", "\t", "\n", " \r\n");
    }

    @Provide
    Arbitrary<Character> foreignZeros() {
        return Arbitraries.of(FOREIGN_ZEROS);
    }

    /** Strings holding at least one character, other than surrounding whitespace, outside digits, + and separators. */
    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20)
                .filter(s -> s.strip().chars().anyMatch(c -> !(c >= '0' && c <= '9') && (SEPARATORS + "+").indexOf(c) < 0));
    }

    @Provide
    Arbitrary<String> digitsOfWrongLength() {
        return Arbitraries.integers().between(0, 20).filter(n -> n != 9 && n != 10 && n != 12)
                .flatMap(n -> Arbitraries.strings().numeric().ofLength(n));
    }

    /** 9 digits not starting with 7 or 1, and 10 digits not starting with 07 or 01 (landlines, 08…, 2…). */
    @Provide
    Arbitrary<String> digitsWithoutMobilePrefix() {
        Arbitrary<String> nine = Arbitraries.strings().numeric().ofLength(9).filter(s -> !s.startsWith("7") && !s.startsWith("1"));
        Arbitrary<String> ten = Arbitraries.strings().numeric().ofLength(10).filter(s -> !s.startsWith("07") && !s.startsWith("01"));
        return Arbitraries.oneOf(nine, ten);
    }

    @Provide
    Arbitrary<Phone> phones() {
        return subscriberNumbers().map(subscriber -> new Phone("254" + subscriber));
    }

    private static String interleave(String spelled, List<String> separators) {
        var out = new StringBuilder();
        for (int i = 0; i < spelled.length(); i++) out.append(separators.get(i)).append(spelled.charAt(i));
        return out.append(separators.get(spelled.length())).toString();
    }

    private static int digitAtOrAfter(char[] spelled, int position) {
        int at = position;
        while (spelled[at] == '+') at++; // '+' only ever stands first, and a digit follows it
        return at;
    }

    private static void assertInvalidPhone(Executable parse) {
        ApiException e = assertThrows(ApiException.class, parse);
        assertEquals("INVALID_PHONE", e.code());
        assertEquals(400, e.status());
    }
}
