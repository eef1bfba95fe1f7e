package com.wifibilling.core.session;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@code gateway-commands} message (contracts/gateways.md §4.3), exactly the contract's JSON fields:
 * {@code {"commandId","type","reason","deviceKey","sessionId","version","expiresAt","requestedAt"}}. It carries the
 * session state it was published for, so a duplicate or a reordered message is harmless: coa-function re-reads
 * the session and the gateway and sends current values, and drops a command for a sessionId the device no longer
 * holds. Defined here, beside the session it describes, because the gateway package depends on this one.
 */
public record GatewayCommand(String commandId, CommandType type, CommandReason reason, String deviceKey, String sessionId,
                             long version, Instant expiresAt, Instant requestedAt) {
    public GatewayCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /**
     * Returns the command a grant's publish step sends (DESIGN §4, step 3): {@code authorize} when the grant
     * started {@code session}, {@code update} when it extended one, with the grant kind as reason.
     */
    public static GatewayCommand afterGrant(Grant grant, Session session, Instant now) {
        CommandType type = session.startedBy(grant.grantId()) ? CommandType.AUTHORIZE : CommandType.UPDATE;
        return new GatewayCommand(UUID.randomUUID().toString(), type, grant.kind().reason(), session.deviceKey().value(),
                session.sessionId(), session.version(), session.expiresAt(), now);
    }

    /**
     * Returns an {@code authorize} of {@code session} outside a grant: a relogin that cleared {@code loggedOutAt}
     * (contracts/gateways.md §4.3), so a UniFi controller or a polling gateway lets the device back in.
     */
    public static GatewayCommand authorize(Session session, CommandReason reason, Instant now) {
        return new GatewayCommand(UUID.randomUUID().toString(), CommandType.AUTHORIZE, reason, session.deviceKey().value(),
                session.sessionId(), session.version(), session.expiresAt(), now);
    }

    /** Returns the {@code disconnect} of {@code session}'s gateway login, e.g. the old side of a move (DESIGN §6). */
    public static GatewayCommand disconnect(Session session, CommandReason reason, Instant now) {
        return new GatewayCommand(UUID.randomUUID().toString(), CommandType.DISCONNECT, reason, session.deviceKey().value(),
                session.sessionId(), session.version(), session.expiresAt(), now);
    }
}
