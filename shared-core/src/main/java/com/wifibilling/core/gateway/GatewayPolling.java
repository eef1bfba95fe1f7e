package com.wifibilling.core.gateway;

import com.wifibilling.core.Page;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStatus;
import com.wifibilling.core.session.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET /api/gateway/sessions} (contracts/gateways.md §6): what a polling router must change since its
 * cursor. Without a cursor (or with {@code full=true}) every active session of the gateway as {@code allow},
 * and a cursor at the outbox's current end. With one: the outbox entries after its seq, then a {@code drop} for
 * each session whose time ran out since its watermark (gateway-index).
 *
 * <p>Outbox seqs come from a counter before the entry is written, so a missing seq may be a write still on its
 * way: a gap followed by an entry younger than {@link #YOUNG_GAP} ends the page there (the next poll gets it); an
 * older gap is a writer that died, and is skipped.
 */
public final class GatewayPolling {
    public static final int POLL_AFTER_SECONDS = 30;
    public static final int MAX_LIMIT = 100;
    static final Duration YOUNG_GAP = Duration.ofSeconds(10);
    private static final int INDEX_PAGE = 100;

    private final GatewayOutboxStore outbox;
    private final SessionStore sessions;
    private final Clock clock;

    public GatewayPolling(GatewayOutboxStore outbox, SessionStore sessions, Clock clock) {
        this.outbox = outbox;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Returns the gateway's changes since {@code cursor} (up to {@code limit} outbox items), or the full list. */
    public PollAnswer sessions(Gateway gateway, Optional<PollCursor> cursor, boolean full, int limit) {
        Instant now = clock.instant();
        boolean localUser = gateway.pollLogin() == PollLogin.LOCAL_USER;
        if (cursor.isEmpty() || full) {
            // The cursor starts at the outbox end as read with the gateway, before the listing: a command written
            // meanwhile comes again in the next delta, and repeats are harmless (the router applies state).
            List<PollItem> items = gatewaySessions(gateway.gatewayId(), s -> s.expiresAt().isAfter(now)).stream()
                    .filter(s -> s.status() == SessionStatus.ACTIVE).map(s -> PollItem.allow(s, localUser, now)).toList();
            return new PollAnswer(items, new PollCursor(gateway.outboxSeq(), now).encode(), POLL_AFTER_SECONDS, now);
        }
        PollCursor from = cursor.get();
        List<PollItem> items = new ArrayList<>();
        long seq = from.seq();
        for (OutboxEntry entry : outbox.since(gateway.gatewayId(), from.seq(), limit).entries()) {
            if (entry.seq() != seq + 1 && entry.createdAt().isAfter(now.minus(YOUNG_GAP))) break;
            items.add(PollItem.of(entry, localUser, now));
            seq = entry.seq();
        }
        Instant watermark = from.watermark().isAfter(now) ? from.watermark() : now;
        gatewaySessions(gateway.gatewayId(), s -> s.expiresAt().isAfter(from.watermark())).stream()
                .filter(s -> s.status() == SessionStatus.ACTIVE && !s.expiresAt().isAfter(now))
                .forEach(s -> items.add(PollItem.expired(s)));
        return new PollAnswer(items, new PollCursor(seq, watermark).encode(), POLL_AFTER_SECONDS, now);
    }

    /** Returns the gateway's sessions from the gateway-index (latest expiry first) while {@code keep} holds. */
    private List<Session> gatewaySessions(String gatewayId, Predicate<Session> keep) {
        List<Session> found = new ArrayList<>();
        String next = null;
        do {
            Page<Session> page = sessions.byGateway(gatewayId, INDEX_PAGE, next);
            for (Session session : page.items()) {
                if (!keep.test(session)) return found;
                found.add(session);
            }
            next = page.nextCursor();
        } while (next != null);
        return found;
    }
}
