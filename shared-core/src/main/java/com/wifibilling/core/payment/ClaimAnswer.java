package com.wifibilling.core.payment;

import com.wifibilling.core.gateway.Login;
import com.wifibilling.core.session.SessionView;

/**
 * What a successful receipt claim returns (contracts/gateways.md §2.1): the purchase, whether its time was moved
 * to the asking device just now, and the session's credentials with a {@code login} for this device's checkout.
 */
public record ClaimAnswer(String transactionId, boolean moved, SessionView session, Login login) {
    @Override
    public String toString() {
        return "ClaimAnswer[" + transactionId + ", moved=" + moved + "]";
    }
}
