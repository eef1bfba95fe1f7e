package com.wifibilling.core.voucher;

import com.wifibilling.core.gateway.Login;
import com.wifibilling.core.session.SessionView;

/**
 * What a code entry returns (contracts/gateways.md §2.1): the session holding the code's time (for a voucher that
 * started it, the voucher code is the access code), a {@code login} for this device, and whether the time was moved
 * here just now.
 */
public record RedeemAnswer(SessionView session, Login login, boolean moved) {
    @Override
    public String toString() {
        return "RedeemAnswer[moved=" + moved + "]";
    }
}
