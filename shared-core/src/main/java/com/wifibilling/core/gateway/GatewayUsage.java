package com.wifibilling.core.gateway;

import com.wifibilling.core.session.Accounting;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.LoginStore;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.session.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /api/gateway/usage} (contracts/gateways.md §6): each reported login's counters go into its session's
 * accounting, keeping the larger of stored and reported (the router resends the same cumulative numbers, so a
 * repeat changes nothing). A username that is no session of this gateway is answered back as unknown, for the
 * router to remove. Writes are optimistic ({@link SessionStore#update}): a lost race re-reads and tries again.
 */
public final class GatewayUsage {
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int ATTEMPTS = 5;

    private final LoginStore logins;
    private final SessionStore sessions;
    private final Clock clock;

    public GatewayUsage(LoginStore logins, SessionStore sessions, Clock clock) {
        this.logins = logins;
        this.sessions = sessions;
        this.clock = clock;
    }

    public UsageReport.Answer record(Gateway gateway, UsageReport report) {
        Instant now = clock.instant();
        // A router's clock may be wrong; never let it stamp accounting in our future.
        Instant observedAt = report.observedAt() == null || report.observedAt().isAfter(now) ? now : report.observedAt();
        int accepted = 0;
        List<String> unknown = new ArrayList<>();
        for (UsageReport.Item item : report.items()) {
            Optional<DeviceKey> device = SESSION_ID.matcher(item.username()).matches() ? logins.find(item.username()) : Optional.empty();
            if (device.isEmpty() || !device.get().gatewayId().equals(gateway.gatewayId()) || !apply(device.get(), item, observedAt)) {
                unknown.add(item.username());
            } else {
                accepted++;
            }
        }
        return new UsageReport.Answer(accepted, unknown);
    }

    /** Returns false when the device's session is not (or no longer) the reported login. */
    private boolean apply(DeviceKey device, UsageReport.Item item, Instant observedAt) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Session> read = sessions.find(device);
            if (read.isEmpty() || !read.get().sessionId().equals(item.username())) return false;
            Session session = read.get();
            Accounting before = session.accounting();
            Accounting after = merged(before, item, observedAt);
            GatewayState state = session.status() == SessionStatus.ACTIVE ? GatewayState.ONLINE : session.gatewayState();
            if (after.equals(before) && state == session.gatewayState()) return true; // a repeat: nothing new
            if (sessions.update(session, session.withAccounting(after, state))) return true;
        }
        throw new IllegalStateException("usage for " + device + " lost " + ATTEMPTS + " races in a row");
    }

    private static Accounting merged(Accounting before, UsageReport.Item item, Instant observedAt) {
        if (before == null) {
            Instant started = item.uptimeSeconds() == null ? observedAt : observedAt.minusSeconds(item.uptimeSeconds());
            return new Accounting(item.username(), null, item.ip(), null, null, started, observedAt, item.bytesIn(), item.bytesOut());
        }
        Instant last = before.lastAcctAt() == null || observedAt.isAfter(before.lastAcctAt()) ? observedAt : before.lastAcctAt();
        return new Accounting(before.nasUserName() == null ? item.username() : before.nasUserName(), before.acctSessionId(),
                item.ip() == null ? before.framedIp() : item.ip(), before.nasIp(), before.nasIdentifier(), before.acctStartedAt(), last,
                Math.max(before.bytesIn(), item.bytesIn()), Math.max(before.bytesOut(), item.bytesOut()), before.loginUploadMbps(),
                before.loginDownloadMbps());
    }
}
