package com.wifibilling.core.voucher;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GrantClaim;
import com.wifibilling.core.session.GrantSource;
import com.wifibilling.core.stats.Counter;
import com.wifibilling.core.stats.Tally;
import java.time.Clock;
import java.time.Instant;

/**
 * The {@link GrantSource} of a sold voucher (DESIGN §4): the claim is the conditional {@code unused → used} bound
 * to the device, so of 100 devices entering one code at once exactly one wins; the same device entering it again
 * (a retry, or after a crash) carries on from apply, which adds nothing twice. Confirm records
 * {@code grantConfirmedAt} once; its caller counts {@code vouchersRedeemed}.
 */
final class VoucherGrantSource implements GrantSource {
    private final VoucherStore vouchers;
    private final String code;
    private final DeviceKey device;
    private final Clock clock;
    private final Instant at;
    private Redemption redemption;

    VoucherGrantSource(VoucherStore vouchers, String code, DeviceKey device, Clock clock) {
        this.vouchers = vouchers;
        this.code = code;
        this.device = device;
        this.clock = clock;
        this.at = clock.instant();
    }

    /** Returns what the claim found, once it ran; null before. */
    Redemption redemption() {
        return redemption;
    }

    @Override
    public GrantClaim claim() {
        redemption = vouchers.redeem(code, device, null, at);
        return switch (redemption.outcome()) {
            case REDEEMED -> GrantClaim.CLAIMED;
            case ALREADY_USED_BY_SAME_DEVICE -> GrantClaim.CLAIMED_BY_ANOTHER; // finishing again is harmless
            case ALREADY_USED -> GrantClaim.REFUSED;
            case VOID -> throw ApiException.gone("VOUCHER_VOID", "This voucher was cancelled by the hotspot");
            case EXPIRED -> throw ApiException.gone("VOUCHER_EXPIRED", "This voucher has expired");
            case NOT_FOUND -> throw ApiException.notFound("CODE_NOT_FOUND", "No voucher has this code");
        };
    }

    @Override
    public boolean confirm() {
        return vouchers.confirmGrant(code, clock.instant());
    }

    @Override
    public Tally tally() {
        return Tally.of(BusinessDay.of(at), Counter.VOUCHERS_REDEEMED, 1);
    }
}
