package com.wifibilling.local.gateway;

/**
 * Where the hotspot's RADIUS traffic goes: the runtime's FreeRADIUS over UDP ({@link FreeRadiusBackend}), or,
 * without it, the API's {@code /api/radius/*} with the simulator playing FreeRADIUS's part ({@link RadiusApiBackend}).
 */
interface RadiusBackend {
    /** Returns the answer to a login; no answer at all (timeout, a reply that fails its checks) is a Reject. */
    AccessAnswer authenticate(AccessAttempt attempt);

    /** Returns true when the accounting packet was acknowledged (Accounting-Response, or 204 from the API). */
    boolean account(AccountingRecord record);

    /** {@code freeradius} or {@code api}, for the control endpoints. */
    String mode();
}
