package com.wifibilling.core.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The last gateway command coa-function handled for the session and how it ended (contracts/gateways.md §4.3):
 * {@code type} {@code authorize}/{@code update}/{@code disconnect}, {@code reason} such as {@code payment} or
 * {@code expiry}, {@code result} {@code ack}/{@code gone}/{@code nak}/{@code timeout}/{@code not-online}/
 * {@code deferred-reauth}. They are plain strings here because their vocabularies belong to the gateway package,
 * which depends on this one and not the other way round.
 */
public record LastCommand(String commandId, String type, String reason, String result, String errorCause, Instant at) {
    public LastCommand {
        if (commandId == null || commandId.isBlank()) throw new IllegalArgumentException("commandId is required");
        if (type == null || type.isBlank()) throw new IllegalArgumentException("type is required");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }
}
