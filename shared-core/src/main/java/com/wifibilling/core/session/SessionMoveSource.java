package com.wifibilling.core.session;

import com.wifibilling.core.BusinessDay;
import com.wifibilling.core.stats.Tally;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link GrantSource} of a move (DESIGN §6 "Moving to a new MAC", DESIGN §4): the old device's session. The
 * claim ends it {@code active → moved} over the version that was read, recording the {@link MoveAway} (so a
 * repeat or a repair knows where the time goes); confirm first publishes the old side's {@code disconnect} — so
 * a crash can never leave the old device online with time that now belongs to the new one — then marks the move
 * confirmed. A move counts nothing in Stats but the session it may start.
 */
public final class SessionMoveSource implements GrantSource {
    private final SessionStore sessions;
    private final GrantPublisher publisher;
    private final DeviceKey from;
    private final MoveAway move;
    private final Session read;
    private final Clock clock;

    /** A new move of {@code read} (active) as {@code move}, or the repair of a move already recorded on it. */
    public SessionMoveSource(SessionStore sessions, GrantPublisher publisher, Session read, MoveAway move, Clock clock) {
        this.sessions = sessions;
        this.publisher = publisher;
        this.from = read.deviceKey();
        this.read = read;
        this.move = move;
        this.clock = clock;
    }

    /** Returns the grant this move adds to its new device: the old session's package and rates, its access code. */
    public Grant grant(String lang) {
        return new Grant(move.moveId(), GrantKind.MOVE, move.to(), move.seconds(),
                new GrantedPackage(read.packageId(), read.packageName(), read.downloadMbps(), read.uploadMbps()),
                read.phone(), lang, read.accessCode(), null);
    }

    @Override
    public GrantClaim claim() {
        if (read.status() == SessionStatus.ACTIVE && sessions.update(read, read.movedAway(move))) return GrantClaim.CLAIMED;
        return current().map(this::afterLostClaim).orElse(GrantClaim.REFUSED);
    }

    private GrantClaim afterLostClaim(Session now) {
        if (now.movedTo() == null || !now.movedTo().moveId().equals(move.moveId())) return GrantClaim.REFUSED;
        return now.movedTo().confirmed() ? GrantClaim.CONFIRMED : GrantClaim.CLAIMED_BY_ANOTHER;
    }

    @Override
    public boolean confirm() {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Session> now = current();
            if (now.isEmpty() || now.get().movedTo() == null || !now.get().movedTo().moveId().equals(move.moveId())) return false;
            if (now.get().movedTo().confirmed()) return false;
            publisher.publish(GatewayCommand.disconnect(now.get(), CommandReason.MOVE, clock.instant()));
            if (sessions.update(now.get(), now.get().withMoveConfirmed())) return true;
            // Accounting or the gateway wrote meanwhile: read again (its version moved on).
        }
        throw new IllegalStateException("The move from " + from + " could not be confirmed");
    }

    @Override
    public Tally tally() {
        return new Tally(BusinessDay.of(move.at()), Map.of());
    }

    private Optional<Session> current() {
        return sessions.find(from);
    }
}
