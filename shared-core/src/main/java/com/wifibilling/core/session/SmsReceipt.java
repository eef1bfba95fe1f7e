package com.wifibilling.core.session;

import com.wifibilling.core.Phone;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code notifications} message asking for the SMS receipt of a grant (DESIGN §4, step 3): to {@code phone}
 * ({@code 2547…}), in {@code lang}, with the session's {@code accessCode} (canonical; the sender shows it grouped),
 * {@code packageName} and {@code expiresAt}. {@code grantId} lets the sender drop a repeat, so publishing twice
 * sends one SMS. {@link #toString()} masks the phone and hides the code.
 */
public record SmsReceipt(String grantId, String phone, String lang, String accessCode, String packageName,
                         Instant expiresAt, Instant requestedAt) {
    public SmsReceipt {
        Objects.requireNonNull(grantId, "grantId");
        new Phone(phone); // a valid MSISDN, or INVALID_PHONE
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(accessCode, "accessCode");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** Returns the receipt for a grant applied to {@code session}; empty when the grant has no phone to send it to. */
    public static Optional<SmsReceipt> afterGrant(Grant grant, Session session, Instant now) {
        if (grant.phone() == null) return Optional.empty();
        return Optional.of(new SmsReceipt(grant.grantId(), grant.phone().msisdn(), grant.lang(), session.accessCode(),
                session.packageName(), session.expiresAt(), now));
    }

    @Override
    public String toString() {
        return "SmsReceipt[phone=" + new Phone(phone).masked() + ", lang=" + lang + ", expiresAt=" + expiresAt + "]";
    }
}
