package com.wifibilling.core.session;

import com.wifibilling.core.Mac;
import com.wifibilling.core.Phone;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A device's current entitlement, one per {@link DeviceKey} (DESIGN §4 Sessions, contracts/gateways.md §1):
 * the login credentials ({@code sessionId} is the RADIUS User-Name, {@code radiusSecret} its password,
 * {@code accessCode} what the user sees and types for relogin, claim and move), the package's rates, when the
 * time runs out, and what the gateway and accounting last said.
 *
 * <p>{@code version} counts writes: every stored change is {@code version + 1}, and the store writes only over
 * the version that was read (optimistic concurrency). {@code appliedGrants} maps each grant id that added time
 * to its seconds, so a grant applied twice is noticed in the write itself (DESIGN §4, step 2).
 *
 * <p>{@code startedByGrant} names the grant whose apply step created this session (its sessionId and
 * credentials); null for sessions written before it was recorded. Whoever finishes that grant later — a racer or
 * a crash repair — reads from it that the grant started a session ({@code authorize}, {@code sessionsStarted})
 * rather than extended one ({@code update}), the same answer the first applier had.
 *
 * <p>{@code phone} is null for voucher users who never gave one. {@code expiresAt} is kept in whole seconds, as
 * DynamoDB holds it (an epoch-second number); other times to the millisecond. {@code accounting} is null until
 * the first Accounting-Start, {@code lastCommand} until coa-function handled a command.
 */
public record Session(DeviceKey deviceKey, String sessionId, String accessCode, String radiusSecret, Phone phone,
                      String packageId, String packageName, int downloadMbps, int uploadMbps,
                      Instant startedAt, Instant expiresAt, SessionStatus status, Instant endedAt, String endReason,
                      long version, Map<String, Long> appliedGrants,
                      GatewayState gatewayState, Instant loggedOutAt, Accounting accounting, LastCommand lastCommand,
                      String startedByGrant, MoveAway movedTo) {
    /** Online sessions are spread over this many expiry-index partitions so no one partition runs hot. */
    public static final int SHARDS = 4;
    /** contracts/gateways.md §1: opaque, {@code [A-Za-z0-9-]}, at most 64 characters, never MAC-shaped. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Letters and digits only: rlm_rest expands {@code %{…}} in values it receives (contracts/gateways.md §1). */
    private static final Pattern RADIUS_SECRET = Pattern.compile("[A-Za-z0-9]{1,64}");

    public Session {
        Objects.requireNonNull(deviceKey, "deviceKey");
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches())
            throw new IllegalArgumentException("sessionId must be 1-64 letters, digits or dashes");
        if (accessCode == null || accessCode.isBlank()) throw new IllegalArgumentException("accessCode is required");
        if (radiusSecret == null || !RADIUS_SECRET.matcher(radiusSecret).matches())
            throw new IllegalArgumentException("radiusSecret must be 1-64 letters or digits");
        if (packageId == null || packageId.isBlank()) throw new IllegalArgumentException("packageId is required");
        if (downloadMbps < 1 || uploadMbps < 1) throw new IllegalArgumentException("Rates must be at least 1 Mbps");
        startedAt = Objects.requireNonNull(startedAt, "startedAt").truncatedTo(ChronoUnit.MILLIS);
        expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(status, "status");
        if ((status == SessionStatus.ACTIVE) != (endedAt == null))
            throw new IllegalArgumentException("endedAt is set exactly when the session is no longer active");
        if (status == SessionStatus.ACTIVE && endReason != null)
            throw new IllegalArgumentException("An active session has no endReason");
        endedAt = endedAt == null ? null : endedAt.truncatedTo(ChronoUnit.MILLIS);
        if (version < 1) throw new IllegalArgumentException("version starts at 1");
        appliedGrants = Map.copyOf(Objects.requireNonNull(appliedGrants, "appliedGrants"));
        appliedGrants.forEach((grantId, seconds) -> {
            if (grantId.isBlank() || seconds < 1) throw new IllegalArgumentException("A grant adds at least one second");
        });
        loggedOutAt = loggedOutAt == null ? null : loggedOutAt.truncatedTo(ChronoUnit.MILLIS);
        if (startedByGrant != null && !appliedGrants.containsKey(startedByGrant))
            throw new IllegalArgumentException("The grant that started a session is one of its applied grants");
        if ((status == SessionStatus.MOVED) != (movedTo != null))
            throw new IllegalArgumentException("A moved session records where its time went, and only a moved one");
    }

    /** Returns a session that was not moved away. */
    public Session(DeviceKey deviceKey, String sessionId, String accessCode, String radiusSecret, Phone phone,
                   String packageId, String packageName, int downloadMbps, int uploadMbps,
                   Instant startedAt, Instant expiresAt, SessionStatus status, Instant endedAt, String endReason,
                   long version, Map<String, Long> appliedGrants,
                   GatewayState gatewayState, Instant loggedOutAt, Accounting accounting, LastCommand lastCommand,
                   String startedByGrant) {
        this(deviceKey, sessionId, accessCode, radiusSecret, phone, packageId, packageName, downloadMbps, uploadMbps,
                startedAt, expiresAt, status, endedAt, endReason, version, appliedGrants, gatewayState, loggedOutAt,
                accounting, lastCommand, startedByGrant, null);
    }

    /** Returns a session whose starting grant is not recorded (written before {@code startedByGrant} existed). */
    public Session(DeviceKey deviceKey, String sessionId, String accessCode, String radiusSecret, Phone phone,
                   String packageId, String packageName, int downloadMbps, int uploadMbps,
                   Instant startedAt, Instant expiresAt, SessionStatus status, Instant endedAt, String endReason,
                   long version, Map<String, Long> appliedGrants,
                   GatewayState gatewayState, Instant loggedOutAt, Accounting accounting, LastCommand lastCommand) {
        this(deviceKey, sessionId, accessCode, radiusSecret, phone, packageId, packageName, downloadMbps, uploadMbps,
                startedAt, expiresAt, status, endedAt, endReason, version, appliedGrants, gatewayState, loggedOutAt,
                accounting, lastCommand, null);
    }

    /** Returns whether {@code grantId} is the grant that created this session (see {@code startedByGrant}). */
    public boolean startedBy(String grantId) {
        return grantId.equals(startedByGrant);
    }

    /** Returns the gateway part of the device key (the gateway-index partition). */
    public String gatewayId() {
        return deviceKey.gatewayId();
    }

    public Mac mac() {
        return deviceKey.mac();
    }

    /** Returns which expiry-index partition (0 … {@link #SHARDS}−1) holds the session while it is online. */
    public int shard() {
        return Math.floorMod(deviceKey.value().hashCode(), SHARDS);
    }

    /** Returns whether the session still entitles the device to be online at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return status == SessionStatus.ACTIVE && now.isBefore(expiresAt);
    }

    /**
     * Returns the next version with {@code seconds} added to {@code expiresAt} and the grant recorded, as the
     * grant's apply step does for an active session (DESIGN §4, step 2). Throws when that grant is already in.
     */
    public Session withGrant(String grantId, long seconds) {
        if (appliedGrants.containsKey(grantId)) throw new IllegalStateException("Grant " + grantId + " is already applied");
        Map<String, Long> grants = new HashMap<>(appliedGrants);
        grants.put(grantId, seconds);
        return new Session(deviceKey, sessionId, accessCode, radiusSecret, phone, packageId, packageName, downloadMbps,
                uploadMbps, startedAt, expiresAt.plusSeconds(seconds), status, endedAt, endReason, version + 1, grants,
                gatewayState, loggedOutAt, accounting, lastCommand, startedByGrant, movedTo);
    }

    /**
     * Returns the next version moved away at {@code at} (DESIGN §6): no time left here, {@code move} records where
     * the remaining seconds went. Only an active session moves.
     */
    public Session movedAway(MoveAway move) {
        if (status != SessionStatus.ACTIVE) throw new IllegalStateException("Only an active session can move");
        return new Session(deviceKey, sessionId, accessCode, radiusSecret, phone, packageId, packageName, downloadMbps,
                uploadMbps, startedAt, move.at(), SessionStatus.MOVED, move.at(), "moved", version + 1, appliedGrants,
                gatewayState, loggedOutAt, accounting, lastCommand, startedByGrant, move);
    }

    /** Returns the next version whose move's grant is confirmed (DESIGN §4 step 4). */
    public Session withMoveConfirmed() {
        if (movedTo == null) throw new IllegalStateException("Only a moved session has a move to confirm");
        return new Session(deviceKey, sessionId, accessCode, radiusSecret, phone, packageId, packageName, downloadMbps,
                uploadMbps, startedAt, expiresAt, status, endedAt, endReason, version + 1, appliedGrants,
                gatewayState, loggedOutAt, accounting, lastCommand, startedByGrant, movedTo.confirmedNow());
    }

    /** Returns the next version ended by an admin (DESIGN §6 "Admin terminate"): no time left from {@code at}. */
    public Session ended(Instant at, String reason) {
        return new Session(deviceKey, sessionId, accessCode, radiusSecret, phone, packageId, packageName, downloadMbps,
                uploadMbps, startedAt, at, SessionStatus.ENDED, at, reason, version + 1, appliedGrants,
                gatewayState, loggedOutAt, accounting, lastCommand, startedByGrant, movedTo);
    }

    /** Returns the next version with what the gateway reported. */
    public Session withGatewayState(GatewayState state) {
        return new Session(deviceKey, sessionId, accessCode, radiusSecret, phone, packageId, packageName, downloadMbps,
                uploadMbps, startedAt, expiresAt, status, endedAt, endReason, version + 1, appliedGrants,
                state, loggedOutAt, accounting, lastCommand, startedByGrant, movedTo);
    }

    /** Returns the next version with what accounting reported and the gateway state that goes with it. */
    public Session withAccounting(Accounting reported, GatewayState state) {
        return new Session(deviceKey, sessionId, accessCode, radiusSecret, phone, packageId, packageName, downloadMbps,
                uploadMbps, startedAt, expiresAt, status, endedAt, endReason, version + 1, appliedGrants,
                state, loggedOutAt, reported, lastCommand, startedByGrant, movedTo);
    }

    /** Returns the next version with the outcome of a gateway command. */
    public Session withLastCommand(LastCommand command) {
        return withLastCommand(command, gatewayState);
    }

    /** Returns the next version with the outcome of a gateway command and the gateway state it leaves (UniFi). */
    public Session withLastCommand(LastCommand command, GatewayState state) {
        return withLastCommand(command, state, accounting);
    }

    /** As above, with the login's accounting as the command left it (the rates an acknowledged CoA set). */
    public Session withLastCommand(LastCommand command, GatewayState state, Accounting login) {
        return new Session(deviceKey, sessionId, accessCode, radiusSecret, phone, packageId, packageName, downloadMbps,
                uploadMbps, startedAt, expiresAt, status, endedAt, endReason, version + 1, appliedGrants,
                state, loggedOutAt, login, command, startedByGrant, movedTo);
    }

    /** Returns the next version logged out at {@code at} (kept time, authorize rejects), or back in when null. */
    public Session withLoggedOutAt(Instant at) {
        return new Session(deviceKey, sessionId, accessCode, radiusSecret, phone, packageId, packageName, downloadMbps,
                uploadMbps, startedAt, expiresAt, status, endedAt, endReason, version + 1, appliedGrants,
                gatewayState, at, accounting, lastCommand, startedByGrant, movedTo);
    }

    /** Returns the session without its credentials: a stray log line must not hand out someone's time. */
    @Override
    public String toString() {
        return "Session[deviceKey=" + deviceKey + ", sessionId=" + sessionId + ", phone=" + phone + ", packageId="
                + packageId + ", expiresAt=" + expiresAt + ", status=" + status + ", version=" + version
                + ", appliedGrants=" + appliedGrants.keySet() + ", gatewayState=" + gatewayState + "]";
    }
}
