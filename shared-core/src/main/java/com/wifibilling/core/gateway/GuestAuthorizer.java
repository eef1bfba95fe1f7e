package com.wifibilling.core.gateway;

import com.wifibilling.core.session.Session;
import java.time.Instant;

/**
 * The UniFi side of the gateway commands (contracts/gateways.md §4.3, §5.3), as a port so this package stays free
 * of HTTP clients: {@code authorize-guest} with the session's minutes left and rates, {@code unauthorize-guest}.
 * The answer says whether the controller did it; {@code UNAVAILABLE} means try the command again later.
 */
public interface GuestAuthorizer {
    enum Result { DONE, REFUSED, UNAVAILABLE }

    Result authorize(Gateway gateway, Session session, Instant now);

    Result unauthorize(Gateway gateway, Session session);
}
