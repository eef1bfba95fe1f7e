package com.wifibilling.core.sms;

import com.wifibilling.core.voucher.CodeFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The SMS texts (DESIGN §3: SMS go out in the purchase's {@code lang}; {@code sheng} reads the Swahili one). Codes are
 * shown grouped ({@link CodeFormat#display}), times in East Africa Time. Each text is written to fit one SMS: at most
 * {@value #ONE_SMS} GSM-7 characters; an operator's long or non-GSM package name is left out rather than make it two.
 */
public final class SmsTexts {
    /** One SMS holds 160 characters of the GSM 03.38 alphabet (70 once anything outside it appears). */
    public static final int ONE_SMS = 160;
    public static final ZoneId EAST_AFRICA = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SW_TIME = DateTimeFormatter.ofPattern("HH:mm 'tarehe' d/M", Locale.ROOT);
    private static final DateTimeFormatter SW_DAY = DateTimeFormatter.ofPattern("d/M/yyyy", Locale.ROOT);
    /** GSM 03.38's default alphabet; the extension table's characters ({@code ^{}\[~]|€}) count twice. */
    private static final String GSM7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    private SmsTexts() {}

    /** Returns the grant's receipt: the access code (to log in again or move), the package and until when it lasts. */
    public static String receipt(String lang, String accessCode, String packageName, Instant expiresAt) {
        String code = CodeFormat.display(accessCode);
        ZonedDateTime until = expiresAt.atZone(EAST_AFRICA);
        String withPackage = swahili(lang)
                ? "Nambari yako ya WiFi ni " + code + "%s, inatumika hadi " + SW_TIME.format(until)
                        + ". Itumie kuingia tena au kuhamia kifaa kingine. Usimpe mtu."
                : "Your WiFi code is " + code + "%s, valid until " + EN_TIME.format(until)
                        + ". Use it to log in again or move to another device. Keep it private.";
        return fitted(withPackage, packageName == null || packageName.isBlank() ? "" : " (" + packageName.strip() + ")");
    }

    /** Returns a voucher's SMS: its code, how much time it gives and until when it can be redeemed (if it expires). */
    public static String voucher(String lang, String code, String packageName, long grantSeconds, Instant validUntil) {
        String shown = CodeFormat.display(code);
        boolean sw = swahili(lang);
        String duration = duration(sw, grantSeconds);
        String before = validUntil == null ? "" : sw ? " kabla ya " + SW_DAY.format(validUntil.atZone(EAST_AFRICA))
                : " before " + EN_DAY.format(validUntil.atZone(EAST_AFRICA));
        String text = sw
                ? "Vocha yako ya WiFi%s: " + shown + " inakupa " + duration + ". Iweke kwenye ukurasa wa WiFi" + before + "."
                : "Your WiFi voucher%s: " + shown + " gives " + duration + ". Enter it on the WiFi login page" + before + ".";
        return fitted(text, packageName == null || packageName.isBlank() ? "" : " (" + packageName.strip() + ")");
    }

    /** Returns how many GSM-7 septets {@code text} takes, or -1 when a character is outside the GSM-7 alphabet. */
    public static int gsm7Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM7.indexOf(c) >= 0) length += 1;
            else if (GSM7_EXTENSION.indexOf(c) >= 0) length += 2;
            else return -1;
        }
        return length;
    }

    /** Returns true when {@code text} goes out as one GSM-7 SMS. */
    public static boolean fitsOneSms(String text) {
        int length = gsm7Length(text);
        return length >= 0 && length <= ONE_SMS;
    }

    static String duration(boolean swahili, long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (seconds % 86_400 == 0) return count(swahili, d.toDays(), "siku ", "day");
        if (seconds % 3_600 == 0) return count(swahili, d.toHours(), "saa ", "hour");
        long minutes = Math.max(1, d.toMinutes());
        return count(swahili, minutes, "dakika ", "minute");
    }

    private static String count(boolean swahili, long n, String swahiliWord, String english) {
        return swahili ? swahiliWord + n : n + " " + english + (n == 1 ? "" : "s");
    }

    private static boolean swahili(String lang) {
        return "sw".equals(lang) || "sheng".equals(lang);
    }

    /** Returns the text with {@code optional} in its {@code %s} when it still fits one SMS, else without it. */
    private static String fitted(String template, String optional) {
        String full = template.replace("%s", optional);
        return optional.isEmpty() || fitsOneSms(full) ? full : template.replace("%s", "");
    }
}
