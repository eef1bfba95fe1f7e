package com.wifibilling.core.gateway;

import com.wifibilling.core.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes of an accept, per gateway type (contracts/gateways.md §3.4, "Reply attributes per type"), with
 * the names FreeRADIUS 3.2's bundled dictionaries give them. Rates are the session's package rates:
 * kbps = Mbps × 1000; pfSense and WISPr take bit/s.
 */
final class RadiusReplies {
    private RadiusReplies() {}

    /** Returns the accept of a password login: the secret FreeRADIUS checks PAP/CHAP against, then the reply. */
    static Map<String, Object> accept(Gateway gateway, Session session, Instant now) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("control:Cleartext-Password", session.radiusSecret()); // letters and digits only: nothing to expand
        attributes.putAll(reply(gateway, session, now));
        return attributes;
    }

    /** Returns the accept of a MAC login: no password to check. */
    static Map<String, Object> macAccept(Gateway gateway, Session session, Instant now) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("control:Auth-Type", "Accept");
        attributes.putAll(reply(gateway, session, now));
        return attributes;
    }

    private static Map<String, Object> reply(Gateway gateway, Session session, Instant now) {
        Map<String, Object> reply = new LinkedHashMap<>();
        long secondsLeft = Math.max(1, Duration.between(now, session.expiresAt()).toSeconds());
        reply.put("reply:Session-Timeout", secondsLeft);
        if (gateway.idleTimeoutSeconds() != null) reply.put("reply:Idle-Timeout", gateway.idleTimeoutSeconds());
        // pfSense uses its own per-zone interim setting; MikroTik honours this with radius-interim-update=received.
        if (gateway.type() != GatewayType.PFSENSE) reply.put("reply:Acct-Interim-Interval", gateway.acctInterimSeconds());
        reply.put("reply:Class", "wb:" + session.sessionId()); // echoed in accounting: which session a packet is about
        long upKbps = session.uploadMbps() * 1000L;
        long downKbps = session.downloadMbps() * 1000L;
        switch (gateway.type()) {
            // rx/tx from the router's view: rx is what the device uploads, so upload comes first.
            case MIKROTIK -> reply.put("reply:Mikrotik-Rate-Limit", upKbps + "k/" + downKbps + "k");
            case PFSENSE -> {
                reply.put("reply:pfSense-Bandwidth-Max-Up", upKbps * 1000);
                reply.put("reply:pfSense-Bandwidth-Max-Down", downKbps * 1000);
                wispr(reply, upKbps, downKbps);
            }
            case GENERIC_RADIUS, UNIFI -> wispr(reply, upKbps, downKbps);
        }
        return reply;
    }

    private static void wispr(Map<String, Object> reply, long upKbps, long downKbps) {
        reply.put("reply:WISPr-Bandwidth-Max-Up", upKbps * 1000);
        reply.put("reply:WISPr-Bandwidth-Max-Down", downKbps * 1000);
    }
}
