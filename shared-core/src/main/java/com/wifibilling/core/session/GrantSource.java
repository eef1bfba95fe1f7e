package com.wifibilling.core.session;

import com.wifibilling.core.stats.Tally;

/**
 * The port through which {@link GrantService} claims and confirms one grant's source (DESIGN §4, steps 1 and 4):
 * a transaction ({@code pending → completed}), a voucher ({@code unused → used}), an old session
 * ({@code active → moved}). One instance stands for one source item; each method is one conditional write of it.
 * Implementations live in the source's own package (payment, voucher), which depends on this one.
 */
public interface GrantSource {
    /**
     * Returns what the claim found; exactly one caller of all that race gets {@link GrantClaim#CLAIMED}. The claim
     * also records the grant on the item and makes it findable as unconfirmed (for payments: {@code grantShard}
     * and {@code claimedAt}). A source may instead throw the 4xx its refusal means (a voucher used elsewhere: 409).
     */
    GrantClaim claim();

    /**
     * Returns true for the one caller that confirms the grant (for payments: removing {@code grantShard}); false
     * when it was confirmed already. Only the caller that gets true adds the Stats counts.
     */
    boolean confirm();

    /**
     * Returns what the confirmer adds to Stats for this source, and on which business day: for a payment
     * {@code paymentsCompleted} and {@code revenueKES} on the purchase's day. {@link GrantService} adds
     * {@code sessionsStarted} itself when the grant started a session.
     */
    Tally tally();
}
