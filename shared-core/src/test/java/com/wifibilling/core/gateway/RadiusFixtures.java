package com.wifibilling.core.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.session.Credentials;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.LoginStore;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.session.SessionStore;
import com.wifibilling.core.voucher.AccessCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Sessions as a grant leaves them, and rlm_rest request bodies, for the RADIUS service tests. */
final class RadiusFixtures {
    private static final AtomicInteger MACS = new AtomicInteger();

    private RadiusFixtures() {}

    /** Returns a fresh device MAC no other test uses. */
    static String freshMac() {
        int n = MACS.incrementAndGet();
        return String.format("02:90:00:%02X:%02X:%02X", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }

    /** Writes a live session (5 Mbps down, 2 up) of {@code seconds} on a fresh device of the gateway, with its Logins item. */
    static Session live(SessionStore sessions, LoginStore logins, String gatewayId, Instant now, long seconds) {
        var device = new DeviceKey(gatewayId, Mac.parse(freshMac()));
        String sessionId = Credentials.newSessionId();
        String grant = "grant-" + sessionId;
        var session = new Session(device, sessionId, AccessCode.generate().value(), Credentials.newRadiusSecret(), null, "p1h",
                "1 hour", 5, 2, now, now.plusSeconds(seconds), SessionStatus.ACTIVE, null, null, 1, Map.of(grant, seconds),
                null, null, null, null, grant);
        assertTrue(logins.put(sessionId, device));
        assertTrue(sessions.write(Optional.empty(), session, grant));
        return session;
    }

    /** Returns rlm_rest's attributes: name, value pairs in order (a null value: not sent). */
    static RadiusAttributes attributes(String... nameValue) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) if (nameValue[i + 1] != null) values.computeIfAbsent(nameValue[i], k -> new ArrayList<>()).add(nameValue[i + 1]);
        return new RadiusAttributes(values);
    }
}
