package com.wifibilling.core.radius;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a gateway answered a CoA or Disconnect (contracts/gateways.md §4.4), with how many identical datagrams
 * were sent and how long it took. {@link Outcome} spelled by {@code WireName} is {@code lastCommand.result}.
 */
public record CoaReply(Outcome outcome, Optional<ErrorCause> errorCause, int transmissions, Duration latency) {
    /** The answer, classified. */
    public enum Outcome {
        /** CoA-ACK or Disconnect-ACK. */
        ACK,
        /** A NAK with Error-Cause 503 Session-Context-Not-Found: the NAS has no such session (already off). */
        GONE,
        /** Any other NAK; {@link #errorCause()} says why, when the NAS said. */
        NAK,
        /** No valid answer after every transmission: the state is unknown, not "disconnected". */
        TIMEOUT
    }

    public CoaReply {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(errorCause, "errorCause");
        Objects.requireNonNull(latency, "latency");
        if (transmissions < 1) throw new IllegalArgumentException("A reply follows at least one transmission");
    }

    /** Classifies a verified ACK or NAK. */
    static CoaReply of(RadiusPacket answer, int transmissions, Duration latency) {
        boolean ack = answer.code() == PacketCode.COA_ACK || answer.code() == PacketCode.DISCONNECT_ACK;
        Optional<ErrorCause> cause = answer.errorCause();
        if (ack) return new CoaReply(Outcome.ACK, cause, transmissions, latency);
        boolean gone = cause.filter(ErrorCause.SESSION_CONTEXT_NOT_FOUND::equals).isPresent();
        return new CoaReply(gone ? Outcome.GONE : Outcome.NAK, cause, transmissions, latency);
    }

    static CoaReply timeout(int transmissions, Duration latency) {
        return new CoaReply(Outcome.TIMEOUT, Optional.empty(), transmissions, latency);
    }
}
