package com.wifibilling.core.voucher;

import com.wifibilling.core.session.DeviceKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A code that unlocks {@code grantSeconds} of {@code packageId} (DESIGN §4, Vouchers). Sold vouchers come in a
 * batch ({@code batchId}, null for purchase codes) and may have to be used before {@code validUntil} (null: no
 * limit). Once used it records the device and when; {@code sessionId} when the grant knew it at the claim.
 * {@code ttl}, when set, is when DynamoDB may delete the item (cleanup only, DESIGN §4).
 *
 * <p>Only sold vouchers are ever unused or void; a purchase code is minted for its paid session, already used.
 *
 * <p>The code's format and check character belong to {@code VoucherCode}; here it is an opaque key of
 * upper-case letters and digits.
 */
public record Voucher(String code, VoucherKind kind, VoucherStatus status, String batchId, String packageId,
                      long grantSeconds, DeviceKey deviceKey, String sessionId, Instant usedAt, Instant validUntil,
                      Instant createdAt, String createdBy, Instant ttl) {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4,32}");

    public Voucher {
        if (code == null || !CODE.matcher(code).matches())
            throw new IllegalArgumentException("A code is 4-32 upper-case letters or digits");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        if (packageId == null || packageId.isBlank()) throw new IllegalArgumentException("packageId is required");
        if (grantSeconds < 1) throw new IllegalArgumentException("A code grants at least one second");
        if (kind == VoucherKind.VOUCHER && (batchId == null || batchId.isBlank()))
            throw new IllegalArgumentException("A sold voucher belongs to a batch");
        if (kind == VoucherKind.PURCHASE && status != VoucherStatus.USED)
            throw new IllegalArgumentException("A purchase code is minted used, bound to the paid session's device");
        if ((status == VoucherStatus.USED) != (deviceKey != null && usedAt != null))
            throw new IllegalArgumentException("deviceKey and usedAt are set exactly when the code is used");
        if (sessionId != null && status != VoucherStatus.USED)
            throw new IllegalArgumentException("Only a used code has a sessionId");
        usedAt = usedAt == null ? null : usedAt.truncatedTo(ChronoUnit.MILLIS);
        validUntil = validUntil == null ? null : validUntil.truncatedTo(ChronoUnit.MILLIS);
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
        ttl = ttl == null ? null : ttl.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Returns a new, unused sold voucher of a batch. */
    public static Voucher unused(String code, String batchId, String packageId, long grantSeconds, Instant validUntil,
                                 Instant createdAt, String createdBy, Instant ttl) {
        return new Voucher(code, VoucherKind.VOUCHER, VoucherStatus.UNUSED, batchId, packageId, grantSeconds, null, null,
                null, validUntil, createdAt, createdBy, ttl);
    }

    /** Returns whether the code may still be redeemed at {@code now}, as far as its stock expiry goes. */
    public boolean isValidAt(Instant now) {
        return validUntil == null || now.isBefore(validUntil);
    }

    /** Returns the voucher with its code shortened: an unused code is money, and logs outlive their reason. */
    @Override
    public String toString() {
        return "Voucher[code=" + code.substring(0, 2) + "…, kind=" + kind + ", status=" + status + ", batchId=" + batchId
                + ", packageId=" + packageId + ", grantSeconds=" + grantSeconds + ", deviceKey=" + deviceKey + "]";
    }
}
