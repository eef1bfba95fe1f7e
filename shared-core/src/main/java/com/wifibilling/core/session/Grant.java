package com.wifibilling.core.session;

import com.wifibilling.core.Languages;
import com.wifibilling.core.Phone;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Time to grant to one device (DESIGN §4): {@code seconds} of {@code granted} on {@code deviceKey}, identified by
 * {@code grantId} (transactionId, voucher code or moveId: unique per grant, so {@code appliedGrants} notices a
 * repeat). Where it comes from and how it is claimed and confirmed is its {@link GrantSource}; this record is
 * everything the apply and publish steps need.
 *
 * <p>{@code phone} (null when nobody gave one) gets the SMS receipt in {@code lang} and becomes the session's phone.
 * {@code accessCode} is the code the holder already has (a voucher's own code), kept by a session this grant
 * starts; null means a new session gets a freshly minted purchase code. {@code paidAt} (payments only, else null)
 * is when the money was confirmed, for the {@code PayToActiveMs} metric.
 */
public record Grant(String grantId, GrantKind kind, DeviceKey deviceKey, long seconds, GrantedPackage granted,
                    Phone phone, String lang, String accessCode, Instant paidAt) {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4,32}");

    public Grant {
        if (grantId == null || grantId.isBlank() || grantId.length() > 128) throw new IllegalArgumentException("grantId is 1-128 characters");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deviceKey, "deviceKey");
        if (seconds < 1) throw new IllegalArgumentException("A grant adds at least one second");
        Objects.requireNonNull(granted, "granted");
        if (!Languages.supported(lang)) throw new IllegalArgumentException("lang must be en, sw or sheng");
        if (accessCode != null && !CODE.matcher(accessCode).matches())
            throw new IllegalArgumentException("An access code is canonical: upper-case letters and digits");
    }

    /** Returns the grantId as logs may show it: a voucher code is money, so only its first two symbols. */
    public String loggableId() {
        return kind.secretId() ? grantId.substring(0, Math.min(2, grantId.length())) + "…" : grantId;
    }

    @Override
    public String toString() {
        return "Grant[" + kind + " " + loggableId() + " → " + deviceKey + ", " + seconds + " s of " + granted.packageId()
                + ", phone=" + phone + "]";
    }
}
