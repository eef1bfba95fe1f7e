package com.wifibilling.core.gateway;

import com.wifibilling.core.Page;
import com.wifibilling.core.session.Accounting;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.LoginStore;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records RADIUS accounting on the device's session (contracts/gateways.md §3.5): Start stores the identifiers a
 * later CoA or Disconnect needs and marks the session online; Interim-Update moves the byte counters (Octets +
 * Gigawords × 2^32; Input is what the device uploaded); Stop does the same and marks it offline, but only for
 * the login accounting knows ({@code Acct-Session-Id}), so a late Stop of an earlier login cannot take a newer
 * one offline. Accounting-On/Off (the NAS restarted) takes the gateway's online sessions offline.
 *
 * <p>Every packet that was understood is answered alike, unknown sessions included: FreeRADIUS sends no
 * Accounting-Response after a refusal and the NAS would retransmit for ever. Writes are optimistic
 * ({@link SessionStore#update}); counters only grow per {@code Acct-Session-Id}, so retransmitted and reordered
 * packets are harmless. Total bytes are those of the live login: finished logins are not summed yet.
 */
public final class RadiusAccounting {
    static final int START = 1;
    static final int STOP = 2;
    static final int INTERIM = 3;
    static final int ACCOUNTING_ON = 7;
    static final int ACCOUNTING_OFF = 8;
    private static final long GIGAWORD = 1L << 32;
    private static final int ATTEMPTS = 5;
    private static final int NAS_RESTART_PAGE = 100;
    private static final String CLASS_PREFIX = "wb:";
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(RadiusAccounting.class);

    private final LoginStore logins;
    private final SessionStore sessions;
    private final Clock clock;

    public RadiusAccounting(LoginStore logins, SessionStore sessions, Clock clock) {
        this.logins = logins;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** What became of a packet: recorded, or why it changed nothing (logged; the answer to FreeRADIUS is the same). */
    public enum Outcome { RECORDED, UNKNOWN_SESSION, STALE, IGNORED }

    /** Records one Accounting-Request as rlm_rest forwarded it. */
    public Outcome record(RadiusAttributes packet) {
        String gatewayId = packet.gatewayId();
        int status = (int) packet.number("Acct-Status-Type").orElse(0);
        if (status == ACCOUNTING_ON || status == ACCOUNTING_OFF) return nasRestarted(gatewayId);
        if (status != START && status != STOP && status != INTERIM) return outcome(Outcome.IGNORED, packet, "status " + status);
        Optional<Target> target = target(packet, gatewayId);
        if (target.isEmpty()) return outcome(Outcome.UNKNOWN_SESSION, packet, "no session");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Session> read = sessions.find(target.get().device())
                    .filter(s -> target.get().sessionId() == null || s.sessionId().equals(target.get().sessionId()));
            if (read.isEmpty()) return outcome(Outcome.STALE, packet, "an older session of the device");
            Optional<Session> next = apply(read.get(), packet, status);
            if (next.isEmpty()) return outcome(Outcome.STALE, packet, "an earlier login");
            if (sessions.update(read.get(), next.get())) return outcome(Outcome.RECORDED, packet, read.get().deviceKey().value());
        }
        throw new IllegalStateException("Session " + target.get().device() + " kept changing while recording accounting");
    }

    /** The session a packet is about: by our Class, else by User-Name, both through Logins; else a MAC login's device. */
    private record Target(DeviceKey device, String sessionId) {}

    private Optional<Target> target(RadiusAttributes packet, String gatewayId) {
        Optional<String> sessionId = packet.octetsAsText("Class").stream().filter(c -> c.startsWith(CLASS_PREFIX))
                .map(c -> c.substring(CLASS_PREFIX.length())).findFirst()
                .or(() -> packet.first(RadiusAttributes.USER_NAME)).filter(id -> SESSION_ID.matcher(id).matches());
        Optional<DeviceKey> device = sessionId.flatMap(logins::find);
        if (device.isPresent()) {
            // A packet from another gateway than the session's changes nothing.
            return device.get().gatewayId().equals(gatewayId) ? Optional.of(new Target(device.get(), sessionId.get())) : Optional.empty();
        }
        return packet.callingStation().filter(mac -> packet.first(RadiusAttributes.USER_NAME).flatMap(RadiusAttributes::mac).isPresent())
                .map(mac -> new Target(new DeviceKey(gatewayId, mac), null));
    }

    /** Returns the session with the packet applied, or empty when the packet is about an earlier login. */
    private Optional<Session> apply(Session session, RadiusAttributes packet, int status) {
        Instant now = clock.instant();
        Instant sent = now.minusSeconds(packet.number("Acct-Delay-Time").orElse(0));
        String acctSessionId = packet.first("Acct-Session-Id").orElse("");
        Accounting stored = session.accounting();
        boolean sameLogin = stored != null && acctSessionId.equals(stored.acctSessionId());
        long bytesIn = bytes(packet, "Acct-Input-Octets", "Acct-Input-Gigawords");
        long bytesOut = bytes(packet, "Acct-Output-Octets", "Acct-Output-Gigawords");
        if (!sameLogin) {
            // A new login: its Start, or an Interim/Stop whose Start was lost. One that began before the stored login did
            // is a late packet of an earlier login.
            Instant startedAt = sent.minusSeconds(packet.number("Acct-Session-Time").orElse(0));
            if (stored != null && stored.acctStartedAt() != null && startedAt.isBefore(stored.acctStartedAt())) return Optional.empty();
            // It logged in with the rates authorize answered from this session moments ago.
            stored = new Accounting(packet.first(RadiusAttributes.USER_NAME).orElse(null), acctSessionId,
                    packet.first("Framed-IP-Address").orElse(null), packet.first("NAS-IP-Address").orElse(null),
                    packet.first("NAS-Identifier").orElse(null), startedAt, sent, 0, 0).enforcing(session);
        }
        var reported = new Accounting(stored.nasUserName(), stored.acctSessionId(),
                packet.first("Framed-IP-Address").orElse(stored.framedIp()), stored.nasIp(), stored.nasIdentifier(), stored.acctStartedAt(),
                later(stored.lastAcctAt(), sent), Math.max(stored.bytesIn(), bytesIn), Math.max(stored.bytesOut(), bytesOut),
                stored.loginUploadMbps(), stored.loginDownloadMbps());
        GatewayState state = status == STOP ? GatewayState.OFFLINE
                : sameLogin && session.gatewayState() == GatewayState.OFFLINE ? GatewayState.OFFLINE // a reordered Interim after the Stop
                : GatewayState.ONLINE;
        if (status == STOP) {
            log.atInfo().addKeyValue("deviceKey", session.deviceKey().value())
                    .addKeyValue("terminateCause", packet.number("Acct-Terminate-Cause").orElse(0)).log("radius.accounting.stop");
        }
        return Optional.of(session.withAccounting(reported, state));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static long bytes(RadiusAttributes packet, String octets, String gigawords) {
        return Math.max(0, packet.number(octets).orElse(0)) + Math.max(0, packet.number(gigawords).orElse(0)) * GIGAWORD;
    }

    /** The NAS restarted: every login it had is gone, so its online sessions go offline (no time is refunded). */
    private Outcome nasRestarted(String gatewayId) {
        int offline = 0;
        String cursor = null;
        do {
            Page<Session> page = sessions.byGateway(gatewayId, NAS_RESTART_PAGE, cursor);
            for (Session listed : page.items()) {
                if (listed.gatewayState() == GatewayState.ONLINE && takeOffline(listed.deviceKey())) offline++;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        log.atInfo().addKeyValue("gatewayId", gatewayId).addKeyValue("sessionsOffline", offline).log("radius.accounting.nas-restarted");
        return Outcome.RECORDED;
    }

    private boolean takeOffline(DeviceKey device) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Session> read = sessions.find(device).filter(s -> s.gatewayState() == GatewayState.ONLINE);
            if (read.isEmpty()) return false;
            if (sessions.update(read.get(), read.get().withGatewayState(GatewayState.OFFLINE))) return true;
        }
        return false;
    }

    private Outcome outcome(Outcome outcome, RadiusAttributes packet, String detail) {
        // No DESIGN §8 metric fits a packet that changed nothing; the log line is the record (contracts/gateways.md §3.5).
        log.atInfo().addKeyValue("outcome", outcome).addKeyValue("gatewayId", packet.first(RadiusAttributes.GATEWAY_ID).orElse(null))
                .addKeyValue("status", packet.number("Acct-Status-Type").orElse(0)).addKeyValue("detail", detail).log("radius.accounting");
        return outcome;
    }
}
