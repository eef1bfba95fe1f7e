package com.wifibilling.core.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The Gateways table (DESIGN §4): small and operator-edited, so listing it whole is allowed. */
public interface GatewayStore {
    /** Returns false, writing nothing, when a gateway with that id already exists. */
    boolean create(Gateway gateway);

    /** Returns the gateway, strongly consistent (a disabled gateway must stop serving at once). */
    Optional<Gateway> find(String gatewayId);

    /** Returns every gateway, in no particular order. */
    List<Gateway> all();

    /**
     * Returns the gateway as stored after writing {@code next}'s configuration as version {@code read.version() + 1};
     * empty, writing nothing, when the stored version is no longer {@code read}'s (someone else edited it: read
     * again and retry). {@code lastSeenAt}, {@code outboxSeq} and {@code createdAt} are kept as stored, whatever
     * {@code next} says, so an edit never rolls back the outbox counter or a heartbeat.
     */
    Optional<Gateway> update(Gateway read, Gateway next);

    /**
     * Returns true when {@code lastSeenAt} moved forward to {@code lastSeenAt}; false when the gateway does not
     * exist or was already seen later. Does not change {@code version}: heartbeats never conflict with edits.
     */
    boolean touch(String gatewayId, Instant lastSeenAt);

    /**
     * Returns the next outbox sequence number of the gateway (1, 2, 3, … with no repeats, whatever the
     * concurrency: one atomic counter); empty when the gateway does not exist.
     */
    OptionalLong nextOutboxSeq(String gatewayId);
}
