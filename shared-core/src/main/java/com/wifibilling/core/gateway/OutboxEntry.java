package com.wifibilling.core.gateway;

import com.wifibilling.core.Mac;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One command for a polling gateway (DESIGN §4 GatewayOutbox, contracts/gateways.md §6): the {@code seq}-th
 * item of {@code gatewayId}'s outbox, telling it to {@code allow}, {@code update} or {@code drop} the session
 * {@code sessionId} of device {@code mac}. {@code expiresAt} (whole seconds; null for {@code drop}) lets the poll answer
 * compute {@code secondsLeft} when it is served; {@code attributes} carry the rest as the poll item spells it
 * ({@code downloadKbps}, {@code uploadKbps}, {@code rateLimit}, {@code password} for local-user gateways,
 * {@code reason} for drops). Kept for {@link #RETENTION} after {@code createdAt}.
 */
public record OutboxEntry(String gatewayId, long seq, OutboxCommand command, Mac mac, String sessionId,
                          Instant expiresAt, Map<String, String> attributes, Instant createdAt) {
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public OutboxEntry {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(createdAt, "createdAt");
        if (seq < 1) throw new IllegalArgumentException("seq starts at 1");
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches())
            throw new IllegalArgumentException("sessionId must be 1-64 letters, digits or dashes");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (expiresAt != null) expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS); // stored as epoch seconds
    }

    /** Returns the Sessions key of the device, {@code gatewayId#MAC} (DESIGN §4). */
    public String deviceKey() {
        return gatewayId + "#" + mac.value();
    }

    /** Returns when DynamoDB may delete the item: 24 h after it was written (DESIGN §4). */
    public Instant ttl() {
        return createdAt.plus(RETENTION);
    }

    /** Never prints attribute values: a local-user {@code password} may be among them. */
    @Override
    public String toString() {
        return "OutboxEntry[gatewayId=" + gatewayId + ", seq=" + seq + ", command=" + command + ", mac=" + mac
                + ", sessionId=" + sessionId + ", expiresAt=" + expiresAt + ", attributes=" + attributes.keySet()
                + ", createdAt=" + createdAt + "]";
    }
}
