package com.wifibilling.core.session;

import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Sessions table (DESIGN §4): one item per device, written only over the version that was read. A write that
 * loses the race answers false and changes nothing; the caller re-reads and decides again.
 */
public interface SessionStore {
    /** Returns the device's session, read strongly consistent (what the grant and RADIUS authorize act on). */
    Optional<Session> find(DeviceKey deviceKey);

    /**
     * Returns true when {@code next}, which carries {@code grantId} in its {@code appliedGrants}, was written
     * over exactly {@code read}: the first session of a device only if none exists yet, otherwise only if the
     * stored version is still {@code read}'s and that grant is not applied (DESIGN §4, step 2). Returns false,
     * writing nothing, when another writer got there first; the grant is then either in the re-read session
     * (done) or still to apply (retry). {@code next.version()} must be {@code read}'s + 1 (1 for a first session).
     */
    boolean write(Optional<Session> read, Session next, String grantId);

    /**
     * Returns true when {@code next} replaced {@code read} unchanged since it was read (optimistic version), for
     * changes that grant no time: accounting, gateway state, last command, logout, terminate. It must keep
     * {@code read}'s applied grants and be version + 1. Returns false, writing nothing, on a lost race.
     */
    boolean update(Session read, Session next);

    /** Returns the gateway's sessions, latest {@code expiresAt} first (gateway-index). */
    Page<Session> byGateway(String gatewayId, int limit, String cursor);

    /**
     * Returns how many of the gateway's sessions expire after {@code now} (a COUNT query on gateway-index: it reads only the
     * unexpired entries, never the gateway's history). An ended session's {@code expiresAt} is when it ended, so it is not counted.
     */
    long countUnexpired(String gatewayId, Instant now);

    /** Returns the phone's sessions, most recently started first (phone-index). */
    Page<Session> byPhone(Phone phone, int limit, String cursor);

    /**
     * Returns up to {@code limit} sessions the gateway reports online whose {@code expiresAt} is before
     * {@code cutoff}, soonest first, from one expiry-index shard (0 … {@link Session#SHARDS}−1): the sweeper's
     * expiry disconnects. The index is eventually consistent: re-read a session before acting on it.
     */
    List<Session> onlineExpiringBefore(int shard, Instant cutoff, int limit);
}
