package com.wifibilling.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.http.ApiException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole shillings (DESIGN §3), at most Daraja's 250000 per payment (contracts/daraja.md §3). */
class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "1, 1",
            "50, 50",
            "250000, 250000",
            "007, 7",
            "' 50 ', 50",
            "'50\n', 50"})
    void wholeShillingStringsParse(String input, long shillings) {
        assertEquals(Money.kes(shillings), Money.parse(input));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "50.5", "50.00", "50.", ".5",     // no decimals, not even zero ones
            "-1", "+50", "1e3", "0x10",
            "1,000", "1 000", "KES 50", "50KES", "   ",
            "\u0665\u0660",                   // 50 in Arabic-Indic digits, which Long.parseLong would accept
            "250001",
            "99999999999999999999999"})        // beyond long: too large, not a crash
    void anythingElseAnswersInvalidAmount(String input) {
        assertInvalidAmount(() -> Money.parse(input));
    }

    @Test
    void negativeAndAboveTheDarajaMaximumAreRejected() {
        assertInvalidAmount(() -> Money.kes(-1));
        assertInvalidAmount(() -> Money.kes(Long.MIN_VALUE));
        assertInvalidAmount(() -> Money.kes(250_001));
        assertInvalidAmount(() -> new Money(Long.MAX_VALUE));
        assertEquals(250_000, Money.kes(250_000).shillings());
        assertEquals(Money.MAX_SHILLINGS, Money.kes(Money.MAX_SHILLINGS).shillings());
    }

    @Test
    void invalidAmountNamesTheAmountField() {
        ApiException e = assertThrows(ApiException.class, () -> Money.parse("50.5"));
        assertEquals(400, e.status());
        assertEquals("INVALID_FIELD", e.code());
        assertEquals("amount", e.field().orElseThrow());
    }

    @Property
    void everyAllowedAmountParsesFromItsDigits(@ForAll @LongRange(min = 0, max = 250_000) long shillings) {
        assertEquals(Money.kes(shillings), Money.parse(Long.toString(shillings)));
        assertEquals("KES " + shillings, Money.kes(shillings).toString());
    }

    @Test
    void plusAddsAndStaysWithinOnePayment() {
        assertEquals(Money.kes(50), Money.kes(20).plus(Money.kes(30)));
        assertEquals(Money.kes(250_000), Money.kes(249_999).plus(Money.kes(1)));
        assertInvalidAmount(() -> Money.kes(250_000).plus(Money.kes(1)));
    }

    @Test
    void zeroIsZeroAndNothingElseIs() {
        assertTrue(Money.ZERO.isZero());
        assertTrue(Money.kes(0).isZero());
        assertFalse(Money.kes(1).isZero());
    }

    @Test
    void toStringShowsTheCurrencyAndWholeShillings() {
        assertEquals("KES 50", Money.kes(50).toString());
        assertEquals("KES 250000", Money.kes(250_000).toString());
        assertEquals("KES 0", Money.ZERO.toString());
    }

    private static void assertInvalidAmount(Executable executable) {
        ApiException e = assertThrows(ApiException.class, executable);
        assertEquals("INVALID_FIELD", e.code());
        assertEquals("amount", e.field().orElseThrow());
    }
}
