package com.wifibilling.core;

import com.wifibilling.core.http.ApiException;
import java.util.regex.Pattern;

/**
 * A Kenyan mobile number, held the way Daraja wants it: {@code 2547XXXXXXXX} or {@code 2541XXXXXXXX}
 * (DESIGN §3 "Phones", contracts/daraja.md §7). {@link #toString()} is masked, so a stray log line cannot leak
 * the number; {@link #msisdn()} is the full value for Daraja, SMS and storage.
 */
public record Phone(String msisdn) {
    // Java's \d is ASCII-only unless UNICODE_CHARACTER_CLASS is set, which is what we want here.
    private static final Pattern MSISDN = Pattern.compile("254[71]\\d{8}");

    public Phone {
        if (msisdn == null || !MSISDN.matcher(msisdn).matches()) throw invalid();
    }

    /**
     * Returns the phone for what a person typed, normalised by contracts/daraja.md §7: {@code 0712345678},
     * {@code 712345678}, {@code 254712345678} and {@code +254 712-345-678} (and their {@code 01…} twins) all
     * give {@code 254712345678}. Anything else, such as {@code +254 0712345678}, a landline, {@code 00254…},
     * letters or non-ASCII digits, throws 400 {@code INVALID_PHONE}.
     */
    public static Phone parse(String input) {
        if (input == null) throw invalid();
        String s = withoutSeparators(input.strip());
        if (!isAsciiDigitsWithOptionalLeadingPlus(s)) throw invalid();
        return new Phone(switch (s.length()) {
            case 9 -> startsWithAny(s, "7", "1") ? "254" + s : null;
            case 10 -> startsWithAny(s, "07", "01") ? "254" + s.substring(1) : null;
            case 12 -> startsWithAny(s, "2547", "2541") ? s : null;
            case 13 -> startsWithAny(s, "+2547", "+2541") ? s.substring(1) : null;
            default -> null; // the constructor rejects it
        });
    }

    /**
     * Returns the phone for the {@code PhoneNumber} of a Daraja callback, which arrives as a JSON number such
     * as {@code 254708374149} (contracts/daraja.md §4 and §7: read as {@code long}, then the same normalisation).
     */
    /** As {@link #parse(String)} for a {@code phone} filter of a list: a bad one is 400 {@code INVALID_FIELD} naming {@code phone}. */
    public static Phone parseFilter(String value) {
        try {
            return parse(value);
        } catch (ApiException e) {
            throw ApiException.invalidField("phone", "phone is a Kenyan mobile number, such as 0712345678 or 254712345678");
        }
    }

    public static Phone parse(long callbackNumber) {
        if (callbackNumber < 0) throw invalid();
        return parse(Long.toString(callbackNumber));
    }

    /** Returns the number for logs: the first 4 and last 4 digits, as {@code 2547****5678} (DESIGN §3). */
    public String masked() {
        return msisdn.substring(0, 4) + "****" + msisdn.substring(8);
    }

    /** Returns {@link #masked()}: records print their fields, and a full number must never reach a log. */
    @Override
    public String toString() {
        return masked();
    }

    private static String withoutSeparators(String s) {
        var kept = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '-' && c != '(' && c != ')') kept.append(c);
        }
        return kept.toString();
    }

    // Character.isDigit would let Arabic-Indic and other Unicode digits through, which Daraja cannot read.
    private static boolean isAsciiDigitsWithOptionalLeadingPlus(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c == '+' && i == 0);
            if (!ok) return false;
        }
        return true;
    }

    private static boolean startsWithAny(String s, String first, String second) {
        return s.startsWith(first) || s.startsWith(second);
    }

    private static ApiException invalid() {
        return ApiException.badRequest("INVALID_PHONE", "Phone number must be a Kenyan mobile number like 0712345678");
    }
}
