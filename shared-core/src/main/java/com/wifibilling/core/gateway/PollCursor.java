package com.wifibilling.core.gateway;

import com.wifibilling.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a polling gateway stands (contracts/gateways.md §6): the last outbox {@code seq} it was given and the
 * {@code watermark} up to which expired sessions were reported as {@code drop}s. Opaque to the router:
 * base64url of {@code 1:<seq>:<epochSecond>}.
 */
public record PollCursor(long seq, Instant watermark) {
    private static final String VERSION = "1";

    public PollCursor {
        if (seq < 0) throw new IllegalArgumentException("seq is never negative");
    }

    public String encode() {
        String plain = VERSION + ":" + seq + ":" + watermark.getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Returns the cursor a router sent back; anything else → 400 {@code INVALID_FIELD} naming {@code cursor}. */
    public static PollCursor parse(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
            if (parts.length == 3 && VERSION.equals(parts[0]))
                return new PollCursor(Long.parseLong(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])));
        } catch (IllegalArgumentException malformed) {
            // falls through: one answer for every malformed cursor
        }
        throw ApiException.invalidField("cursor", "cursor must be a nextCursor this API returned");
    }
}
