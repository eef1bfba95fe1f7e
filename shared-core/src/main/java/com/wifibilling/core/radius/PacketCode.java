package com.wifibilling.core.radius;

import java.util.Optional;

/**
 * RADIUS packet codes (RFC 2865 §3, RFC 2866, RFC 5176 §3). The Access and Accounting codes are here for decoding
 * and tests; the coa-function sends only {@link #COA_REQUEST} and {@link #DISCONNECT_REQUEST}.
 */
public enum PacketCode {
    ACCESS_REQUEST(1), ACCESS_ACCEPT(2), ACCESS_REJECT(3), ACCOUNTING_REQUEST(4), ACCOUNTING_RESPONSE(5),
    DISCONNECT_REQUEST(40), DISCONNECT_ACK(41), DISCONNECT_NAK(42), COA_REQUEST(43), COA_ACK(44), COA_NAK(45);

    private final int value;

    PacketCode(int value) {
        this.value = value;
    }

    /** Returns the code octet. */
    public int value() {
        return value;
    }

    /** Returns the code for {@code value}, or empty for a code we do not speak. */
    public static Optional<PacketCode> of(int value) {
        for (PacketCode code : values()) {
            if (code.value == value) return Optional.of(code);
        }
        return Optional.empty();
    }

    /** True for CoA-Request and Disconnect-Request, whose authenticator is computed like an Accounting-Request's. */
    public boolean isDynamicRequest() {
        return this == COA_REQUEST || this == DISCONNECT_REQUEST;
    }

    /** True if a packet with this code is an answer to {@code request} (an Accept or Reject to an Access-Request, …). */
    public boolean answers(PacketCode request) {
        return switch (this) {
            case ACCESS_ACCEPT, ACCESS_REJECT -> request == ACCESS_REQUEST;
            case ACCOUNTING_RESPONSE -> request == ACCOUNTING_REQUEST;
            case DISCONNECT_ACK, DISCONNECT_NAK -> request == DISCONNECT_REQUEST;
            case COA_ACK, COA_NAK -> request == COA_REQUEST;
            default -> false;
        };
    }
}
