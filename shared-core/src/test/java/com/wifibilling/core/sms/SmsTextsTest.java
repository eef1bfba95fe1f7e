package com.wifibilling.core.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SMS texts: grouped codes, East Africa Time, English and Swahili (sheng reads Swahili), one SMS each. */
class SmsTextsTest {
    private static final String CODE = "HS7K2M9Q4BX";
    private static final String LONGEST_CODE = "23456789ABCDEFGHJKMNPQRSTUVWXY"; // 30 symbols: CodeFormat.MAX_LENGTH
    private static final Instant EXPIRY = Instant.parse("2026-11-25T15:30:00Z"); // 18:30 in Nairobi

    @Test
    void theReceiptShowsTheGroupedCodeAndTheExpiryInEastAfricaTime() {
        assertEquals("Your WiFi code is HS7K-2M9Q-4BX (1 Hour), valid until 18:30 25 Nov. Use it to log in again or move to another "
                + "device. Keep it private.", SmsTexts.receipt("en", CODE, "1 Hour", EXPIRY));
        assertEquals("Nambari yako ya WiFi ni HS7K-2M9Q-4BX (1 Hour), inatumika hadi 18:30 tarehe 25/11. Itumie kuingia tena au "
                + "kuhamia kifaa kingine. Usimpe mtu.", SmsTexts.receipt("sw", CODE, "1 Hour", EXPIRY));
        assertEquals(SmsTexts.receipt("sw", CODE, "1 Hour", EXPIRY), SmsTexts.receipt("sheng", CODE, "1 Hour", EXPIRY));
    }

    @Test
    void theVoucherSaysWhatItGivesAndUntilWhenItCanBeRedeemed() {
        Instant validUntil = Instant.parse("2026-12-24T21:30:00Z"); // 00:30 on the 25th in Nairobi
        assertEquals("Your WiFi voucher (Daily): HS7K-2M9Q-4BX gives 1 day. Enter it on the WiFi login page before 25 Dec 2026.",
                SmsTexts.voucher("en", CODE, "Daily", 86_400, validUntil));
        assertEquals("Vocha yako ya WiFi (Daily): HS7K-2M9Q-4BX inakupa siku 1. Iweke kwenye ukurasa wa WiFi kabla ya 25/12/2026.",
                SmsTexts.voucher("sw", CODE, "Daily", 86_400, validUntil));
        assertEquals("Your WiFi voucher: HS7K-2M9Q-4BX gives 3 hours. Enter it on the WiFi login page.",
                SmsTexts.voucher("en", CODE, null, 3 * 3_600, null));
        assertEquals(List.of("30 minutes", "1 hour", "7 days", "dakika 30", "saa 2"), List.of(SmsTexts.duration(false, 1_800),
                SmsTexts.duration(false, 3_600), SmsTexts.duration(false, 7 * 86_400), SmsTexts.duration(true, 1_800),
                SmsTexts.duration(true, 7_200)));
    }

    @Test
    void everyTextFitsOneGsm7SmsEvenWithTheLongestCodeAndAModestPackageName() {
        Instant far = Instant.parse("2026-12-31T20:59:00Z");
        for (String lang : List.of("en", "sw", "sheng")) {
            for (String text : List.of(SmsTexts.receipt(lang, LONGEST_CODE, "Weekly 7 days", far),
                    SmsTexts.voucher(lang, LONGEST_CODE, "Weekly 7 days", 7 * 86_400, far),
                    SmsTexts.voucher(lang, LONGEST_CODE, "Half hour", 1_800, far))) {
                assertTrue(SmsTexts.fitsOneSms(text), text.length() + " characters: " + text);
            }
        }
    }

    @Test
    void aPackageNameThatWouldMakeTwoSmsOrLeaveGsm7IsLeftOut() {
        String text = SmsTexts.receipt("en", CODE, "x".repeat(60), EXPIRY);
        assertTrue(SmsTexts.fitsOneSms(text) && !text.contains("xxx"), text);
        String emoji = SmsTexts.voucher("en", CODE, "Usiku \uD83C\uDF19", 3_600, null);
        assertEquals("Your WiFi voucher: HS7K-2M9Q-4BX gives 1 hour. Enter it on the WiFi login page.", emoji);
    }

    @Test
    void gsm7CountsExtensionCharactersTwiceAndRefusesOthers() {
        assertEquals(List.of(3, 4, -1), List.of(SmsTexts.gsm7Length("abc"), SmsTexts.gsm7Length("a€b"), SmsTexts.gsm7Length("ok✓")));
        assertTrue(!SmsTexts.fitsOneSms("a".repeat(161)) && SmsTexts.fitsOneSms("a".repeat(160)));
    }
}
