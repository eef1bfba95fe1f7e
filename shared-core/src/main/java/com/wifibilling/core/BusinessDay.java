package com.wifibilling.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Returns the business day an instant falls on (DESIGN §3): its East Africa Time date, which Kenya keeps at
 * UTC+3 all year. Revenue counts, the Stats keys, the Transactions {@code day-index} and the Events table all
 * list by it, so 21:30 UTC on 25 November belongs to 26 November.
 */
public final class BusinessDay {
    public static final ZoneId ZONE = ZoneId.of("Africa/Nairobi");

    private BusinessDay() {}

    /** Returns the East Africa Time date of {@code instant}. */
    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** Returns the business day of {@code instant} as items and Stats keys spell it: {@code yyyy-MM-dd}. */
    public static String key(Instant instant) {
        return of(instant).toString();
    }
}
