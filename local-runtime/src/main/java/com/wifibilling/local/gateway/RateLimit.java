package com.wifibilling.local.gateway;

import java.util.Locale;

/**
 * A parsed Mikrotik-Rate-Limit (contracts/gateways.md §3.4): {@code rx/tx} from the router's view, so rx is what
 * the device uploads and tx what it downloads. Values take RouterOS's suffixes ({@code k}, {@code M}, {@code G});
 * burst settings after the first space are ignored.
 */
record RateLimit(String raw, long uploadBitsPerSecond, long downloadBitsPerSecond) {
    static RateLimit parse(String raw) {
        String first = raw.strip().split("\\s+")[0];
        String[] parts = first.split("/");
        long rx = bits(parts[0]);
        return new RateLimit(raw, rx, parts.length > 1 ? bits(parts[1]) : rx);
    }

    private static long bits(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (text.endsWith("k")) multiplier = 1_000;
        else if (text.endsWith("m")) multiplier = 1_000_000;
        else if (text.endsWith("g")) multiplier = 1_000_000_000;
        if (multiplier > 1) text = text.substring(0, text.length() - 1);
        try {
            return Long.parseLong(text) * multiplier;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a Mikrotik-Rate-Limit value: " + value, e);
        }
    }

    long uploadKbps() {
        return uploadBitsPerSecond / 1000;
    }

    long downloadKbps() {
        return downloadBitsPerSecond / 1000;
    }
}
