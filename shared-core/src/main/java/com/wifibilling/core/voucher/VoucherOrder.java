package com.wifibilling.core.voucher;

import com.wifibilling.core.http.ApiException;

/**
 * What an operator asks {@link VoucherGenerator} for: {@code count} codes (1 … {@value #MAX_COUNT}) of
 * {@code packageId}, optionally with a {@code prefix} from the code alphabet (a shop or reseller mark, at most
 * {@value #MAX_PREFIX} symbols), {@code length} random symbols (default and minimum
 * {@value CodeFormat#MIN_RANDOM_SYMBOLS}), and {@code validDays} within which an unused code must be used (absent:
 * no limit). The constructor answers 400 naming the first bad field.
 */
public record VoucherOrder(String packageId, int count, String prefix, Integer length, Integer validDays) {
    public static final int MAX_COUNT = 10_000;
    public static final int MAX_PREFIX = 6;
    public static final int MAX_VALID_DAYS = 3_650;

    public VoucherOrder {
        if (packageId == null || packageId.isBlank()) throw ApiException.invalidField("packageId", "packageId is required");
        if (count < 1 || count > MAX_COUNT) throw ApiException.invalidField("count", "count must be between 1 and " + MAX_COUNT);
        prefix = prefix == null ? "" : CodeFormat.normalize(prefix);
        if (prefix == null || prefix.length() > MAX_PREFIX)
            throw ApiException.invalidField("prefix", "prefix is at most " + MAX_PREFIX + " of " + CodeFormat.ALPHABET);
        int symbols = length == null ? CodeFormat.MIN_RANDOM_SYMBOLS : length;
        if (symbols < CodeFormat.MIN_RANDOM_SYMBOLS || prefix.length() + symbols + 1 > CodeFormat.MAX_LENGTH)
            throw ApiException.invalidField("length", "length is " + CodeFormat.MIN_RANDOM_SYMBOLS + " to "
                    + (CodeFormat.MAX_LENGTH - 1 - prefix.length()) + " random symbols");
        length = symbols;
        if (validDays != null && (validDays < 1 || validDays > MAX_VALID_DAYS))
            throw ApiException.invalidField("validDays", "validDays must be between 1 and " + MAX_VALID_DAYS);
    }
}
