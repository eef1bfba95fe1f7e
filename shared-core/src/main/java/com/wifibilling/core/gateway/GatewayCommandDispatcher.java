package com.wifibilling.core.gateway;

import com.wifibilling.core.WireName;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.radius.CoaClient;
import com.wifibilling.core.radius.CoaReply;
import com.wifibilling.core.radius.CoaTarget;
import com.wifibilling.core.radius.DynamicRequest;
import com.wifibilling.core.radius.ErrorCause;
import com.wifibilling.core.radius.RadiusSecret;
import com.wifibilling.core.session.Accounting;
import com.wifibilling.core.session.CommandReason;
import com.wifibilling.core.session.CommandType;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayCommand;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.LastCommand;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStore;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What coa-function does with one {@code gateway-commands} message (contracts/gateways.md §4.3): it re-reads the
 * session and the gateway and acts on their current state, so duplicates and reordered messages converge. A
 * command for a sessionId the device no longer holds, or an expiry disconnect for a session extended since, is
 * stale: logged and dropped. RADIUS gateways get CoA/Disconnect over UDP only while the device is online (CoA can
 * never log a device in); pfSense gets nothing on the wire (its per-minute re-authentication applies the change);
 * polling gateways get an outbox item. Each outcome is recorded as the session's {@code lastCommand}. A timeout
 * asks for the message again (state unknown, never "disconnected").
 */
public final class GatewayCommandDispatcher {
    /** {@link #dispatch} answers whether SQS should deliver the message again. */
    public enum Outcome { DONE, RETRY }

    private static final Logger log = LoggerFactory.getLogger(GatewayCommandDispatcher.class);

    private final SessionStore sessions;
    private final GatewayStore gateways;
    private final GatewayOutboxStore outbox;
    private final CoaClient coa;
    private final GuestAuthorizer guests;
    private final Function<String, String> secrets;
    private final Metrics metrics;
    private final Clock clock;

    /** {@code secrets} turns a gateway's {@code radiusSecretRef} into the secret (locally {@code env:NAME}). */
    public GatewayCommandDispatcher(SessionStore sessions, GatewayStore gateways, GatewayOutboxStore outbox, CoaClient coa,
                                    GuestAuthorizer guests, Function<String, String> secrets, Metrics metrics, Clock clock) {
        this.sessions = sessions;
        this.gateways = gateways;
        this.outbox = outbox;
        this.coa = coa;
        this.guests = guests;
        this.secrets = secrets;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Outcome dispatch(GatewayCommand command) {
        DeviceKey device = DeviceKey.parse(command.deviceKey());
        Instant now = clock.instant();
        Optional<Session> found = sessions.find(device).filter(s -> s.sessionId().equals(command.sessionId()));
        if (found.isEmpty()) return stale(command, "the device holds another session now");
        Session session = found.get();
        if (command.type() == CommandType.DISCONNECT && command.reason() == CommandReason.EXPIRY
                && session.isActiveAt(now)) return stale(command, "the session was extended since");
        Optional<Gateway> gateway = gateways.find(device.gatewayId());
        if (gateway.isEmpty()) return stale(command, "the gateway no longer exists");
        if (gateway.get().controlMode() == ControlMode.POLL) return queueForPolling(gateway.get(), session, command, now);
        return switch (gateway.get().type()) {
            case MIKROTIK, GENERIC_RADIUS -> gateway.get().coaSupported() ? overRadius(gateway.get(), session, command)
                    : deferred(session, command);
            case PFSENSE -> deferred(session, command);
            case UNIFI -> overController(gateway.get(), session, command, now);
        };
    }

    private Outcome overRadius(Gateway gateway, Session session, GatewayCommand command) {
        if (command.type() == CommandType.AUTHORIZE) return Outcome.DONE; // nothing on the wire: CoA cannot log a device in
        if (session.gatewayState() != GatewayState.ONLINE || session.accounting() == null) {
            record(session, command, "not-online", null);
            return Outcome.DONE;
        }
        CoaReply reply = send(gateway, request(gateway, session, command, command.type()));
        String result = WireName.of(reply.outcome());
        if (goneByRouterOs(command, reply, session)) result = WireName.of(CoaReply.Outcome.GONE);
        else if (reply.outcome() == CoaReply.Outcome.NAK || reply.outcome() == CoaReply.Outcome.TIMEOUT) metrics.count("CoaFailed");
        log.atInfo().addKeyValue("commandId", command.commandId()).addKeyValue("type", WireName.of(command.type()))
                .addKeyValue("deviceKey", command.deviceKey()).addKeyValue("result", result).addKeyValue("tries", reply.transmissions())
                .log("gateway.command.sent");
        if (command.type() == CommandType.UPDATE && reply.outcome() == CoaReply.Outcome.NAK && session.accounting().rateDiffersFrom(session))
            return disconnectForNewRate(gateway, session, command);
        boolean enforced = command.type() == CommandType.UPDATE && reply.outcome() == CoaReply.Outcome.ACK;
        record(session, command, command.type(), result, cause(reply), null, enforced);
        return reply.outcome() == CoaReply.Outcome.TIMEOUT ? Outcome.RETRY : Outcome.DONE;
    }

    /**
     * §4.4: a CoA refused on a package change would leave the device at its old rate until the old timeout, so the
     * login is ended instead and the device logs in again at the new one. A time-only change needs nothing: the
     * router cuts at the old timeout and the device logs in again to the extended session.
     */
    private Outcome disconnectForNewRate(Gateway gateway, Session session, GatewayCommand command) {
        CoaReply cut = send(gateway, request(gateway, session, command, CommandType.DISCONNECT));
        String result = WireName.of(cut.outcome());
        if (cut.outcome() == CoaReply.Outcome.NAK || cut.outcome() == CoaReply.Outcome.TIMEOUT) metrics.count("CoaFailed");
        log.atInfo().addKeyValue("commandId", command.commandId()).addKeyValue("deviceKey", command.deviceKey())
                .addKeyValue("result", result).log("gateway.command.coa-refused-disconnected");
        record(session, command, CommandType.DISCONNECT, result, cause(cut), null, false);
        return cut.outcome() == CoaReply.Outcome.TIMEOUT ? Outcome.RETRY : Outcome.DONE;
    }

    private CoaReply send(Gateway gateway, DynamicRequest request) {
        CoaReply reply = coa.send(target(gateway), request);
        metrics.count("CoaSent");
        metrics.milliseconds("CoaLatencyMs", reply.latency().toMillis());
        return reply;
    }

    private static String cause(CoaReply reply) {
        return reply.errorCause().map(cause -> Long.toString(cause.code())).orElse(null);
    }

    /**
     * §4.4: RouterOS was seen answering a Disconnect for a session it no longer holds with NAK 406, not 503. That
     * counts as gone only when our own accounting agrees the login has stopped since we sent it (a Stop arrived).
     */
    private boolean goneByRouterOs(GatewayCommand command, CoaReply reply, Session sent) {
        if (command.type() != CommandType.DISCONNECT || reply.outcome() != CoaReply.Outcome.NAK
                || !reply.errorCause().filter(ErrorCause.UNSUPPORTED_EXTENSION::equals).isPresent()) return false;
        return sessions.find(sent.deviceKey()).filter(now -> now.sessionId().equals(sent.sessionId()))
                .map(now -> now.gatewayState() != GatewayState.ONLINE).orElse(true);
    }

    /** §4.2: identification from what accounting reported; a CoA adds the new limits, counted from login. */
    private DynamicRequest request(Gateway gateway, Session session, GatewayCommand command, CommandType sentAs) {
        Accounting acct = session.accounting();
        DynamicRequest.Builder builder = sentAs == CommandType.DISCONNECT ? DynamicRequest.disconnect() : DynamicRequest.coa();
        if (acct.nasUserName() != null) builder.userName(acct.nasUserName());
        if (acct.acctSessionId() != null) builder.acctSessionId(acct.acctSessionId());
        ipv4(acct.framedIp()).ifPresent(builder::framedIpAddress);
        ipv4(acct.nasIp()).ifPresent(builder::nasIpAddress);
        if (gateway.eventTimestamp()) builder.eventTimestamp(clock.instant());
        if (sentAs == CommandType.UPDATE) {
            Instant from = acct.acctStartedAt() != null ? acct.acctStartedAt() : session.startedAt();
            builder.sessionTimeout(Math.max(1, Duration.between(from, session.expiresAt()).toSeconds()));
            if (gateway.type() == GatewayType.MIKROTIK) builder.mikrotikRateLimit(session.uploadMbps() * 1000 + "k/" + session.downloadMbps() * 1000 + "k");
            else {
                builder.wisprBandwidthMaxUp(session.uploadMbps() * 1_000_000L);
                builder.wisprBandwidthMaxDown(session.downloadMbps() * 1_000_000L);
            }
        }
        return builder.build();
    }

    private CoaTarget target(Gateway gateway) {
        String host = gateway.coaAddress() != null ? gateway.coaAddress() : gateway.radiusClientAddress();
        try {
            return new CoaTarget(new InetSocketAddress(InetAddress.getByName(host), gateway.coaPort()),
                    RadiusSecret.of(secrets.apply(gateway.radiusSecretRef())));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Gateway " + gateway.gatewayId() + "'s CoA address " + host + " does not resolve", e);
        }
    }

    /** UniFi: the controller authorizes the guest (authorize and update alike) or revokes it; unreachable → try again. */
    private Outcome overController(Gateway gateway, Session session, GatewayCommand command, Instant now) {
        GuestAuthorizer.Result result = command.type() == CommandType.DISCONNECT ? guests.unauthorize(gateway, session)
                : guests.authorize(gateway, session, now);
        boolean disconnect = command.type() == CommandType.DISCONNECT;
        // The portal's login is "none" for UniFi: it waits for this state to leave awaiting-login (§2.4).
        GatewayState state = switch (result) {
            case DONE -> disconnect ? GatewayState.OFFLINE : GatewayState.AUTHORIZED;
            case REFUSED -> disconnect ? null : GatewayState.FAILED;
            case UNAVAILABLE -> null;
        };
        record(session, command, command.type(), switch (result) {
            case DONE -> "ack";
            case REFUSED -> "nak";
            case UNAVAILABLE -> "timeout";
        }, null, state, false);
        return result == GuestAuthorizer.Result.UNAVAILABLE ? Outcome.RETRY : Outcome.DONE;
    }

    /** pfSense (and a NAS without CoA): nothing on the wire; authorize already answers from the current state. */
    private Outcome deferred(Session session, GatewayCommand command) {
        if (command.type() == CommandType.DISCONNECT) record(session, command, "deferred-reauth", null);
        return Outcome.DONE;
    }

    private Outcome queueForPolling(Gateway gateway, Session session, GatewayCommand command, Instant now) {
        OutboxCommand polled = switch (command.type()) {
            case AUTHORIZE -> gateway.pollLogin() == PollLogin.LOCAL_USER ? OutboxCommand.ALLOW : null;
            case UPDATE -> OutboxCommand.UPDATE;
            case DISCONNECT -> OutboxCommand.DROP;
        };
        if (polled == null) return Outcome.DONE; // a RADIUS-login poller needs no allow: the login asks RADIUS
        long seq = gateways.nextOutboxSeq(gateway.gatewayId()).orElseThrow(() -> new IllegalStateException("Gateway vanished"));
        Map<String, String> attributes = polled == OutboxCommand.DROP ? Map.of("reason", WireName.of(command.reason()))
                : Map.of("rateLimit", session.uploadMbps() * 1000 + "k/" + session.downloadMbps() * 1000 + "k",
                        "uploadKbps", Integer.toString(session.uploadMbps() * 1000), "downloadKbps", Integer.toString(session.downloadMbps() * 1000));
        outbox.append(new OutboxEntry(gateway.gatewayId(), seq, polled, session.mac(), session.sessionId(),
                polled == OutboxCommand.DROP ? null : session.expiresAt(), attributes, now));
        return Outcome.DONE;
    }

    private Outcome stale(GatewayCommand command, String why) {
        log.atInfo().addKeyValue("commandId", command.commandId()).addKeyValue("deviceKey", command.deviceKey()).addKeyValue("why", why)
                .log("gateway.command.stale");
        return Outcome.DONE;
    }

    /** Records the outcome as the session's lastCommand, over whatever version is current (a few optimistic tries). */
    private void record(Session session, GatewayCommand command, String result, String errorCause) {
        record(session, command, command.type(), result, errorCause, null, false);
    }

    /**
     * As above, sent as {@code sentAs} (a refused CoA's fallback is a Disconnect), also setting {@code gatewayState}
     * when {@code state} is not null, and, when {@code enforced}, noting that the login now runs at the session's rates.
     */
    private void record(Session session, GatewayCommand command, CommandType sentAs, String result, String errorCause,
                        GatewayState state, boolean enforced) {
        var last = new LastCommand(command.commandId(), WireName.of(sentAs), WireName.of(command.reason()), result, errorCause,
                clock.instant());
        Session read = session;
        for (int attempt = 0; attempt < 5; attempt++) {
            if (!read.sessionId().equals(command.sessionId())) return;
            Session next = read.withLastCommand(last, state == null ? read.gatewayState() : state,
                    enforced && read.accounting() != null ? read.accounting().enforcing(read) : read.accounting());
            if (sessions.update(read, next)) return;
            Optional<Session> again = sessions.find(read.deviceKey());
            if (again.isEmpty()) return;
            read = again.get();
        }
        log.atWarn().addKeyValue("deviceKey", command.deviceKey()).log("gateway.command.last-command-not-recorded");
    }

    private static Optional<Inet4Address> ipv4(String text) {
        if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return Optional.empty();
        try {
            return InetAddress.getByName(text) instanceof Inet4Address v4 ? Optional.of(v4) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
