package com.wifibilling.local.gateway;

import com.wifibilling.core.Mac;

/**
 * One hotspot login as the NAS turns it into an Access-Request (contracts/gateways.md §3.3): who (User-Name and
 * PAP or CHAP credentials), from which device (Calling-Station-Id, Framed-IP-Address) and the Acct-Session-Id
 * the NAS gave this login.
 */
record AccessAttempt(String userName, Credentials credentials, Mac mac, String ip, String acctSessionId) {
    /** What the login form carried: a plain password (http-pap) or a CHAP response to the page's challenge (http-chap). */
    sealed interface Credentials {
        /** Never printed: a password. */
        record Pap(String password) implements Credentials {
            @Override
            public String toString() {
                return "Pap[****]";
            }
        }

        /** RFC 1994: {@code response} = MD5(id ‖ secret ‖ challenge). */
        record Chap(int id, byte[] response, byte[] challenge) implements Credentials {}
    }

    @Override
    public String toString() {
        return "AccessAttempt[" + userName + " from " + mac + ", " + credentials.getClass().getSimpleName() + "]";
    }
}
