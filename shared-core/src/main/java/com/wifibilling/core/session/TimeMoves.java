package com.wifibilling.core.session;

import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.guard.GuardStore;
import com.wifibilling.core.guard.RollingCount;
import com.wifibilling.core.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where bought time is now, and moving it to another device (DESIGN §6 "Moving to a new MAC"), for every proof
 * that can ask: a receipt claim, a voucher or an access code. Time starts on one device; each move ends that
 * session {@code active → moved} and leaves a {@link MoveAway} naming the next device, so the holder is found by
 * following the chain. A move is a grant (DESIGN §4) through {@link SessionMoveSource}: exactly once, the old
 * device disconnected before the move is confirmed, and finished by whoever meets it unconfirmed.
 *
 * <p>At most {@value #MAX_MOVES} moves per origin (purchase or code) in a rolling 24 h: counted per origin, not per
 * session, because each move starts a new session on the new device and a per-session count would restart at
 * every hop.
 */
public final class TimeMoves {
    public static final int MAX_MOVES = 3;
    static final Duration MOVE_WINDOW = Duration.ofHours(24);
    /** Time moved more often than this in its whole life is a loop, not a user. */
    private static final int MAX_HOPS = 64;
    private static final Logger log = LoggerFactory.getLogger(TimeMoves.class);

    private final SessionStore sessions;
    private final GrantService grants;
    private final GrantPublisher publisher;
    private final GuardStore guards;
    private final Clock clock;

    public TimeMoves(SessionStore sessions, GrantService grants, GrantPublisher publisher, GuardStore guards, Clock clock) {
        this.sessions = sessions;
        this.grants = grants;
        this.publisher = publisher;
        this.guards = guards;
        this.clock = clock;
    }

    /**
     * Returns the live session that holds the time now: the one on {@code start} that {@code holdsOrigin} accepts,
     * or — after moves — the one the chain of {@link MoveAway}s leads to, finishing any move found claimed but
     * unconfirmed on the way. Empty when the time ran out, was ended, or never reached a session.
     */
    public Optional<Session> holder(DeviceKey start, Predicate<Session> holdsOrigin, String lang) {
        Optional<Session> found = sessions.find(start).filter(holdsOrigin);
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (found.isEmpty()) return Optional.empty();
            Session session = found.get();
            if (session.status() != SessionStatus.MOVED) return Optional.of(session).filter(s -> s.isActiveAt(clock.instant()));
            MoveAway move = session.movedTo();
            if (!move.confirmed()) {
                var source = new SessionMoveSource(sessions, publisher, session, move, clock);
                grants.finishUnconfirmed(source.grant(lang), source);
            }
            found = sessions.find(move.to()).filter(s -> s.appliedGrants().containsKey(move.moveId()));
        }
        throw new IllegalStateException("Time starting on " + start + " moved more than " + MAX_HOPS + " times");
    }

    /**
     * Returns the session on {@code to} after moving {@code holder}'s remaining time there. 404
     * {@code NO_ACTIVE_SESSION} when no whole second is left; 429 {@code MOVE_LIMIT_REACHED} after
     * {@value #MAX_MOVES} moves of {@code origin} in 24 h; 409 {@code VOUCHER_ALREADY_USED} when another request
     * moved it first.
     */
    public Session move(Session holder, DeviceKey to, String origin, String lang) {
        Instant now = clock.instant();
        long seconds = Duration.between(now, holder.expiresAt()).toSeconds();
        if (seconds < 1) throw ApiException.notFound("NO_ACTIVE_SESSION", "This time has run out");
        RollingCount moves = guards.appendTimestamp(GuardKeys.move(origin), now, now.minus(MOVE_WINDOW), MAX_MOVES);
        if (!moves.appended()) throw new ApiException(429, "MOVE_LIMIT_REACHED",
                "This time has moved " + MAX_MOVES + " times in 24 hours; it stays on the device that has it");
        var source = new SessionMoveSource(sessions, publisher, holder, new MoveAway("move-" + UUID.randomUUID(), to, seconds, now, false),
                clock);
        GrantResult result = grants.grant(source.grant(lang), source);
        if (result.claim() == GrantClaim.REFUSED || result.granted().isEmpty())
            throw ApiException.conflict("VOUCHER_ALREADY_USED", "This time was moved by another request a moment ago");
        log.atInfo().addKeyValue("from", holder.deviceKey().value()).addKeyValue("to", to.value()).addKeyValue("seconds", seconds)
                .log("session.moved");
        return result.granted().get();
    }
}
