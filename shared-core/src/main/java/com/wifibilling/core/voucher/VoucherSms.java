package com.wifibilling.core.voucher;

import com.wifibilling.core.Phone;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code notifications} message asking for an unused voucher to be sent by SMS (an operator selling or giving
 * time away): to {@code phone} ({@code 2547…}), in {@code lang}, the canonical {@code code} (the sender shows it
 * grouped), what it buys ({@code packageName}, {@code grantSeconds}) and until when it can be redeemed. The code
 * identifies the message, so a repeat sends one SMS. {@link #toString()} masks the phone and hides the code.
 */
public record VoucherSms(String code, String phone, String lang, String packageId, String packageName, long grantSeconds,
                         Instant validUntil, Instant requestedAt) {
    public VoucherSms {
        Objects.requireNonNull(code, "code");
        new Phone(phone); // a valid MSISDN, or INVALID_PHONE
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    @Override
    public String toString() {
        return "VoucherSms[phone=" + new Phone(phone).masked() + ", lang=" + lang + ", packageId=" + packageId + "]";
    }
}
