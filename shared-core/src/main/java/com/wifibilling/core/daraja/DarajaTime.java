package com.wifibilling.core.daraja;

import com.wifibilling.core.BusinessDay;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Daraja's clock format, {@code yyyyMMddHHmmss} in Africa/Nairobi time (EAT, UTC+3, no DST): the push's
 * {@code Timestamp} (contracts/daraja.md §3) and the callback's {@code TransactionDate} (§4).
 */
public final class DarajaTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern FOURTEEN_DIGITS = Pattern.compile("[0-9]{14}");

    private DarajaTime() {}

    /**
     * Returns the {@code Timestamp} for now, reading {@code clock} exactly once: the same string must go into the
     * {@code Password}, and two reads across a second boundary give "Wrong credentials" (contracts/daraja.md §3).
     */
    public static String timestamp(Clock clock) {
        return timestamp(clock.instant());
    }

    /** Returns {@code at} as Nairobi wall-clock time, e.g. {@code 2025-03-15T11:30:22Z} → {@code 20250315143022}. */
    public static String timestamp(Instant at) {
        return FORMAT.format(LocalDateTime.ofInstant(at, BusinessDay.ZONE));
    }

    /**
     * Returns the instant a 14-digit Nairobi time names, e.g. {@code 20191219102115} → {@code 2019-12-19T07:21:15Z};
     * anything that is not a real date and time throws {@link IllegalArgumentException}.
     */
    public static Instant parse(String yyyyMMddHHmmss) {
        if (yyyyMMddHHmmss == null || !FOURTEEN_DIGITS.matcher(yyyyMMddHHmmss).matches())
            throw new IllegalArgumentException("Expected 14 digits, yyyyMMddHHmmss");
        try {
            return LocalDateTime.parse(yyyyMMddHHmmss, FORMAT).atZone(BusinessDay.ZONE).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Not a valid yyyyMMddHHmmss time", e);
        }
    }
}
