package com.wifibilling.core.stats;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.http.ApiException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of a Stats item (DESIGN §4): a business day ({@code 2026-11-25}, see {@link BusinessDay}), that day
 * for one package ({@code 2026-11-25#pkg#basic}) or for one gateway ({@code 2026-11-25#gw#default}).
 */
public record StatsKey(String value) {
    // Package ids as TimePackage allows them; gateway ids as DeviceKey does (FreeRADIUS client shortnames).
    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:#pkg#[a-z0-9][a-z0-9-]{0,39}|#gw#[A-Za-z0-9][A-Za-z0-9._-]{0,63})?");

    public StatsKey {
        Matcher matcher = value == null ? null : SHAPE.matcher(value);
        if (matcher == null || !matcher.matches()) throw invalid();
        try {
            LocalDate.parse(matcher.group(1));
        } catch (DateTimeException e) {
            throw invalid();
        }
    }

    /** Returns the key of a whole business day. */
    public static StatsKey day(LocalDate day) {
        return new StatsKey(day.toString());
    }

    /** Returns the key of one package's sales on a business day. */
    public static StatsKey forPackage(LocalDate day, String packageId) {
        return new StatsKey(day + "#pkg#" + packageId);
    }

    /** Returns the key of one gateway's activity on a business day. */
    public static StatsKey forGateway(LocalDate day, String gatewayId) {
        return new StatsKey(day + "#gw#" + gatewayId);
    }

    /** Returns the business day the key counts. */
    public LocalDate date() {
        return LocalDate.parse(value.substring(0, 10));
    }

    @Override
    public String toString() {
        return value;
    }

    private static ApiException invalid() {
        return ApiException.invalidField("key", "stats keys look like 2026-11-25, 2026-11-25#pkg#basic or 2026-11-25#gw#default");
    }
}
