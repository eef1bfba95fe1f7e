package com.wifibilling.core.event;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One entry of the Events table: what happened ({@code type}, a dotted lowercase name such as
 * {@code admin.login} or {@code callback.suspicious}), when ({@code at}, kept to the millisecond), who did it
 * ({@code actor}: an admin's userId, or null for the system), to what ({@code subject}: a transactionId,
 * gatewayId, …), why ({@code reason}: a stable UPPER_SNAKE code such as {@code AMOUNT_MISMATCH}) and
 * {@code details} for the people who reconcile it. Listed under its East Africa Time {@link #day()}.
 */
public record AuditEvent(Instant at, String id, String type, String actor, String subject, String reason,
                         Map<String, String> details) {
    /** Business days are East Africa Time dates (DESIGN §3); Kenya keeps UTC+3 all year. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Africa/Nairobi");
    public static final Duration RETENTION = Duration.ofDays(400);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MILLIS);
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("id must be 1-64 letters, digits or dashes");
        if (type == null || type.length() > 64 || !TYPE.matcher(type).matches())
            throw new IllegalArgumentException("type must be a dotted lowercase name such as admin.login");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Returns a new event with a random id. */
    public static AuditEvent of(Instant at, String type, String actor, String subject, String reason, Map<String, String> details) {
        return new AuditEvent(at, UUID.randomUUID().toString(), type, actor, subject, reason, details);
    }

    /** Returns the East Africa Time date the event is listed under. */
    public LocalDate day() {
        return LocalDate.ofInstant(at, BUSINESS_ZONE);
    }

    /** Returns when DynamoDB may delete the event: 400 days after it happened (DESIGN §4). */
    public Instant ttl() {
        return at.plus(RETENTION);
    }
}
