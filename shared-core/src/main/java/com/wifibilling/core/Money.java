package com.wifibilling.core;

import com.wifibilling.core.http.ApiException;
import java.util.regex.Pattern;

/**
 * An amount one purchase can carry, in whole Kenya shillings (DESIGN §3 "Money": {@code amount},
 * {@code priceKES}). The ceiling is Daraja's: STK Push takes {@code 1 ≤ Amount ≤ 250000} whole KES
 * (contracts/daraja.md §3, the {@code Amount} row). Zero is allowed here, for free packages and empty sums;
 * the floor of 1 belongs to the code that builds a push. Totals across many payments (daily revenue) can
 * exceed the ceiling and are plain {@code long}s, not {@code Money}.
 */
public record Money(long shillings) {
    /** Daraja's maximum {@code Amount} for one STK Push, contracts/daraja.md §3. */
    public static final long MAX_SHILLINGS = 250_000;

    public static final Money ZERO = new Money(0);

    // ASCII digits only: Long.parseLong alone would accept "+5", "-5" and non-ASCII digits such as "٥٠".
    private static final Pattern WHOLE_SHILLINGS = Pattern.compile("[0-9]+");

    public Money {
        if (shillings < 0) throw ApiException.invalidField("amount", "Amount cannot be negative");
        if (shillings > MAX_SHILLINGS) throw tooLarge();
    }

    /** Returns the amount in whole shillings; negative or above {@link #MAX_SHILLINGS} throws 400 {@code INVALID_FIELD}. */
    public static Money kes(long shillings) {
        return new Money(shillings);
    }

    /**
     * Returns the amount for a whole-shilling decimal string such as {@code "50"} (surrounding whitespace
     * ignored); decimals ({@code "50.5"}), signs, exponents ({@code "1e3"}), blanks and amounts out of range
     * throw 400 {@code INVALID_FIELD} naming {@code amount}.
     */
    public static Money parse(String input) {
        String s = input == null ? "" : input.strip();
        if (!WHOLE_SHILLINGS.matcher(s).matches()) {
            throw ApiException.invalidField("amount", "Amount must be whole shillings, digits only, like 50");
        }
        try {
            return new Money(Long.parseLong(s));
        } catch (NumberFormatException overflow) { // the only failure left once the pattern matched
            throw tooLarge();
        }
    }

    /** Returns the sum; it throws like the constructor when it would pass the per-payment ceiling. */
    public Money plus(Money other) {
        return new Money(shillings + other.shillings);
    }

    public boolean isZero() {
        return shillings == 0;
    }

    /** Returns {@code KES 50}: the currency, a space and the whole shillings, for logs and messages. */
    @Override
    public String toString() {
        return "KES " + shillings;
    }

    private static ApiException tooLarge() {
        return ApiException.invalidField("amount", "Amount cannot be more than KES 250000, the M-Pesa limit per payment");
    }
}
