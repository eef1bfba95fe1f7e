package com.wifibilling.core.guard;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Phone;
import java.util.Locale;

/**
 * Returns the Guards table keys of DESIGN §4, so each namespace is spelled in one place: two callers guarding
 * the same thing must produce the same key, byte for byte.
 */
public final class GuardKeys {
    private GuardKeys() {}

    /** Returns {@code receipt#<receipt>}: an M-Pesa receipt settles one transaction (the owner). */
    public static String receipt(String mpesaReceipt) {
        return "receipt#" + requireText(mpesaReceipt, "receipt").toUpperCase(Locale.ROOT);
    }

    /** Returns {@code idem#<key>}: an {@code Idempotency-Key} answers its first result for 24 h. */
    public static String idempotency(String idempotencyKey) {
        return "idem#" + requireText(idempotencyKey, "idempotencyKey");
    }

    /** Returns {@code inflight#<phone>#<mac>}: one unfinished purchase per phone and device. */
    public static String inflight(Phone phone, Mac mac) {
        return "inflight#" + phone.msisdn() + "#" + mac.value();
    }

    /** Returns {@code query#<transactionId>}: one manual STK query per transaction per 10 s (contracts/daraja.md §5). */
    public static String query(String transactionId) {
        return "query#" + requireText(transactionId, "transactionId");
    }

    /** Returns {@code sent#<code>}: the one phone a sold voucher was sent to by SMS (never sent to two people). */
    public static String voucherSent(String code) {
        return "sent#" + requireText(code, "code");
    }

    /**
     * Returns {@code sms#<id>}: the one SMS sent for a grant ({@code grantId}) or a voucher ({@code code}), so the
     * grant's re-publish and SQS's redelivery send it once (DESIGN §4 step 3).
     */
    public static String sms(String id) {
        return "sms#" + requireText(id, "id");
    }

    /** Returns {@code audit#<hour>}: the one sweeper run that audits Stats in a clock hour (DESIGN §4). */
    public static String audit(String hour) {
        return "audit#" + requireText(hour, "hour");
    }

    /** Returns {@code expiry-disconnect#<sessionId>}: the sweeper's backstop disconnect, once per few minutes per session. */
    public static String expiryDisconnect(String sessionId) {
        return "expiry-disconnect#" + requireText(sessionId, "sessionId");
    }

    /** Returns {@code attempt#<kind>#<subject>}: a fixed-window counter of failed attempts (lockouts). */
    public static String attempt(String kind, String subject) {
        return "attempt#" + requireText(kind, "kind") + "#" + requireText(subject, "subject");
    }

    /**
     * Returns {@code rate#<kind>#<subject>}: a fixed-window counter of every request (failed or not) of one kind
     * from one subject, such as logins from one source IP; a coarse flood guard, not a lockout.
     */
    public static String rate(String kind, String subject) {
        return "rate#" + requireText(kind, "kind") + "#" + requireText(subject, "subject");
    }

    /** Returns {@code bucket#<kind>#<subject>}: a token bucket's level ({@link TokenBucket}), such as one polling gateway's. */
    public static String bucket(String kind, String subject) {
        return "bucket#" + requireText(kind, "kind") + "#" + requireText(subject, "subject");
    }

    /**
     * Returns {@code lockout#<kind>#<subject>}: present while too many failed attempts lock the subject out; its
     * {@code ttl} is when the lockout ends (DESIGN §6 "Lockouts"). Kept apart from the {@code attempt#} counter so
     * a lockout lasts its full length from the failure that triggered it, wherever the counting window stands.
     */
    public static String lockout(String kind, String subject) {
        return "lockout#" + requireText(kind, "kind") + "#" + requireText(subject, "subject");
    }

    /**
     * Returns {@code move#<origin>}: the times some time moved, for the rolling 24 h limit of DESIGN §6. Keyed on
     * where the time came from (the transactionId, or a voucher code), not on the session: a move starts a new
     * session on the new device, and a per-session count would start again at every hop.
     */
    public static String move(String origin) {
        return "move#" + requireText(origin, "origin");
    }

    /** Returns {@code email#<email>}: an admin email names one user (DynamoDB cannot make a GSI unique). */
    public static String email(String canonicalEmail) {
        return "email#" + requireText(canonicalEmail, "email");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
        return value;
    }
}
