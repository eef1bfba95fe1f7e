package com.wifibilling.core.voucher;

import com.wifibilling.core.http.ApiException;
import java.security.SecureRandom;

/**
 * A code that unlocks time, in its canonical form ({@link CodeFormat}): a sold voucher or a paid session's access
 * code (DESIGN §6 "Credentials"), shown to the user, sent by SMS and typed for relogin, claim and move. Once one
 * exists its check character holds, so a typo never reaches a database read.
 *
 * <p>{@link #toString()} shows two symbols only: a code is money, and logs outlive their reason.
 */
public record AccessCode(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Throws 400 {@code INVALID_FIELD} naming {@code code} when {@code value} is not 11–30 alphabet symbols, and 400
     * {@code INVALID_CODE} when its check character fails (a typo).
     */
    public AccessCode {
        check(value, "code");
    }

    /**
     * Returns the code a person typed, in any case and with any spaces or dashes ({@code hs7k 2m9q-4bx});
     * wrong characters or length → 400 {@code INVALID_FIELD} naming {@code field}; a failed check character
     * (one wrong or two swapped symbols) → 400 {@code INVALID_CODE} (DESIGN §3).
     */
    public static AccessCode parse(String input, String field) {
        String canonical = CodeFormat.normalize(input);
        check(canonical, field);
        return new AccessCode(canonical);
    }

    /** Returns {@link #parse(String, String)} for a request field named {@code code}. */
    public static AccessCode parse(String input) {
        return parse(input, "code");
    }

    /** Returns a new code of {@value CodeFormat#MIN_RANDOM_SYMBOLS} random symbols and its check character (≈ 49.5 bits). */
    public static AccessCode generate() {
        return generate("", CodeFormat.MIN_RANDOM_SYMBOLS);
    }

    /** Returns a new code: {@code prefix} (alphabet symbols), {@code randomSymbols} from a SecureRandom, the check character. */
    public static AccessCode generate(String prefix, int randomSymbols) {
        return new AccessCode(CodeFormat.generate(RANDOM, prefix, randomSymbols));
    }

    /** Returns the code as people read it: groups of four joined by dashes ({@code HS7K-2M9Q-4BX}). */
    public String display() {
        return CodeFormat.display(value);
    }

    @Override
    public String toString() {
        return "AccessCode[" + value.substring(0, 2) + "…]";
    }

    private static void check(String canonical, String field) {
        if (!CodeFormat.hasValidShape(canonical))
            throw ApiException.invalidField(field, "A code is " + CodeFormat.MIN_LENGTH + " to " + CodeFormat.MAX_LENGTH
                    + " letters and digits, without 0, 1, I, L or O");
        if (!CodeFormat.isValid(canonical))
            throw ApiException.badRequest("INVALID_CODE", "This code has a typo: check each character and try again");
    }
}
