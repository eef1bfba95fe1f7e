package com.wifibilling.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.http.ApiException;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN §3 "MACs": four spellings in, one canonical form out. */
class MacTest {
    enum Spelling { COLONS, DASHES, CISCO_DOTS, BARE }

    @ParameterizedTest
    @CsvSource({
            "aa:bb:cc:dd:ee:0f, AA:BB:CC:DD:EE:0F",
            "AA-BB-CC-DD-EE-0F, AA:BB:CC:DD:EE:0F",
            "aabb.ccdd.ee0f, AA:BB:CC:DD:EE:0F",
            "aabbccddee0f, AA:BB:CC:DD:EE:0F",
            "Aa:bB:cc:DD:ee:0F, AA:BB:CC:DD:EE:0F",
            "'  aa-bb-cc-dd-ee-0f\t', AA:BB:CC:DD:EE:0F",
            "00:00:00:00:00:01, 00:00:00:00:00:01",
            "FF:FF:FF:FF:FF:FE, FF:FF:FF:FF:FF:FE"})
    void everySpellingInTheDesignParsesToTheStoredForm(String input, String stored) {
        assertEquals(stored, Mac.parse(input).value());
    }

    @Property
    void everySpellingAndCaseOfTheSameBytesParsesToOneValue(
            @ForAll("deviceAddresses") byte[] octets,
            @ForAll Spelling spelling,
            @ForAll("caseMasks") List<Boolean> upper,
            @ForAll("surroundingWhitespace") String around) {
        String spelled = withCase(spell(octets, spelling), upper);
        assertEquals(canonical(octets), Mac.parse(around + spelled + around).value());
    }

    @Property
    void parsingTheStoredValueGivesTheSameMac(@ForAll("deviceAddresses") byte[] octets) {
        Mac mac = Mac.parse(spell(octets, Spelling.BARE));
        assertEquals(mac, Mac.parse(mac.value()));
        assertEquals(mac, new Mac(mac.value()));
        assertEquals(mac.value(), mac.toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "aa:bb-cc:dd:ee:ff",           // mixed separators
            "aa-bb-cc-dd-ee:ff",
            "aabb.ccdd-eeff",
            "aa:bb:cc:dd:ee",              // five octets
            "aa:bb:cc:dd:ee:ff:00",        // seven
            "aabbccddeef",                 // 11 hex digits
            "aabbccddeeff0",               // 13
            "a:bb:cc:dd:ee:fff",
            "aa:bb:cc:dd:ee:",
            ":aa:bb:cc:dd:ee:ff",
            "aa::bb:cc:dd:ee:ff",
            "aa.bb.cc.dd.ee.ff",           // dots between octets are not Cisco's spelling
            "aab.bccd.deef.f",
            "aabb.ccdd.eeff.",
            "gg:bb:cc:dd:ee:ff",           // not hex
            "0x:bb:cc:dd:ee:ff",
            "aa bb cc dd ee ff",
            "aa_bb_cc_dd_ee_ff",
            "aa:bb:cc:dd:ee:ff\u0000",
            "\uFF41\uFF41:bb:cc:dd:ee:ff", // fullwidth "aa"
            "\u0661\u0662:bb:cc:dd:ee:ff", // Arabic-Indic "12"
            "   ",
            "00:00:00:00:00:00",           // no device: all zero
            "000000000000",
            "0000.0000.0000",
            "ff:ff:ff:ff:ff:ff",           // no device: broadcast
            "FF-FF-FF-FF-FF-FF",
            "ffff.ffff.ffff"})
    void anythingElseAnswersInvalidMac(String input) {
        assertInvalidMac(() -> Mac.parse(input));
    }

    @Property
    void stringsWithAnyCharacterOutsideHexAndSeparatorsAreRejected(@ForAll("junk") String input) {
        assertInvalidMac(() -> Mac.parse(input));
    }

    @Test
    void constructorAcceptsOnlyTheStoredForm() {
        assertEquals("AA:BB:CC:DD:EE:0F", new Mac("AA:BB:CC:DD:EE:0F").value());
        assertInvalidMac(() -> new Mac("aa:bb:cc:dd:ee:0f"));
        assertInvalidMac(() -> new Mac("AA-BB-CC-DD-EE-0F"));
        assertInvalidMac(() -> new Mac("AABBCCDDEE0F"));
        assertInvalidMac(() -> new Mac(null));
    }

    @Test
    void invalidMacIsABadRequestWithTheSharedCode() {
        ApiException e = assertThrows(ApiException.class, () -> Mac.parse("not a mac"));
        assertEquals(400, e.status());
        assertEquals("INVALID_MAC", e.code());
    }

    @ParameterizedTest
    @CsvSource({
            "DA:A1:19:00:00:01, true",   // a randomised ("private") address as Android and iOS send
            "02:00:00:00:00:01, true",
            "00:1A:2B:3C:4D:5E, false",  // a vendor (OUI) address
            "FD:FF:FF:FF:FF:FF, false"})
    void locallyAdministeredMeansBitTwoOfTheFirstOctet(String mac, boolean local) {
        assertEquals(local, Mac.parse(mac).isLocallyAdministered());
    }

    @Property
    void locallyAdministeredFollowsTheFirstOctetOnly(@ForAll("deviceAddresses") byte[] octets) {
        assertEquals((octets[0] & 0x02) != 0, Mac.parse(spell(octets, Spelling.COLONS)).isLocallyAdministered());
    }

    @Provide
    Arbitrary<byte[]> deviceAddresses() {
        return Arbitraries.bytes().array(byte[].class).ofSize(6).filter(b -> !allEqualTo(b, 0x00) && !allEqualTo(b, 0xFF));
    }

    @Provide
    Arbitrary<List<Boolean>> caseMasks() {
        return Arbitraries.of(true, false).list().ofSize(17);
    }

    @Provide
    Arbitrary<String> surroundingWhitespace() {
        return Arbitraries.of("", " ", "\t", "\r\n", " \n ");
    }

    /** Strings holding, other than surrounding whitespace, at least one character no spelling can contain. */
    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20)
                .filter(s -> s.strip().chars().anyMatch(c -> "0123456789abcdefABCDEF:-.".indexOf(c) < 0));
    }

    /** Returns the octets in a spelling, lower case; written out here rather than borrowed from Mac. */
    private static String spell(byte[] octets, Spelling spelling) {
        var hex = new StringBuilder();
        for (byte b : octets) hex.append(String.format("%02x", b & 0xFF));
        String h = hex.toString();
        return switch (spelling) {
            case COLONS -> String.join(":", pairs(h));
            case DASHES -> String.join("-", pairs(h));
            case CISCO_DOTS -> h.substring(0, 4) + "." + h.substring(4, 8) + "." + h.substring(8);
            case BARE -> h;
        };
    }

    private static String canonical(byte[] octets) {
        return String.join(":", pairs(spell(octets, Spelling.BARE))).toUpperCase(Locale.ROOT);
    }

    private static List<String> pairs(String hex) {
        return List.of(hex.substring(0, 2), hex.substring(2, 4), hex.substring(4, 6),
                hex.substring(6, 8), hex.substring(8, 10), hex.substring(10, 12));
    }

    private static String withCase(String spelled, List<Boolean> upper) {
        var out = new StringBuilder();
        for (int i = 0; i < spelled.length(); i++) {
            char c = spelled.charAt(i);
            out.append(upper.get(i) ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static boolean allEqualTo(byte[] octets, int value) {
        for (byte b : octets) if ((b & 0xFF) != value) return false;
        return true;
    }

    private static void assertInvalidMac(Executable parse) {
        ApiException e = assertThrows(ApiException.class, parse);
        assertEquals("INVALID_MAC", e.code());
        assertEquals(400, e.status());
    }
}
